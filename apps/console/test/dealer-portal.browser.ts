import { Browser, Page } from 'playwright-core';
import { launchChromium, newDesk, seriousViolations, shoot, signIn } from './browser-kit';
import { ConsoleUnderTest } from './console-under-test';

interface Vehicle {
  vehicleId: string;
  vin: string;
  ownerCustomerId: string;
}
interface Customer {
  id: string;
  name: string;
}
interface Ticket {
  ticketId: string;
  ticketNumber: string;
  stationName: string | null;
}
interface Lead {
  id: string;
  name: string;
}
interface Page_<T> {
  items: T[];
}

/** What one demo dealer has, read through the API as that dealer. */
interface DealerView {
  username: string;
  vehicles: Vehicle[];
  customers: Customer[];
  tickets: Ticket[];
}

describe('the dealer portal in a browser', () => {
  let crm: ConsoleUnderTest;
  let browser: Browser;
  let page: Page;
  /** The dealer signed in: one whose sold vehicles have tickets (the demo replays complaints). */
  let dealer: DealerView;
  /** Another dealer, whose records the first must not see. */
  let other: DealerView;
  let lead: Lead;
  let otherLead: Lead;

  const viewOf = async (username: string): Promise<DealerView> => {
    const [vehicles, customers, tickets] = await Promise.all([
      crm.api<Page_<Vehicle>>(username, '/dealer/vehicles?limit=20'),
      crm.api<Page_<Customer>>(username, '/customers?limit=20'),
      crm.api<Page_<Ticket>>(username, '/dealer/tickets?limit=20'),
    ]);
    return { username, vehicles: vehicles.items, customers: customers.items, tickets: tickets.items };
  };
  const captureLead = (username: string, name: string) =>
    crm.api<Lead>(username, '/leads', {
      method: 'POST',
      body: JSON.stringify({
        name,
        phone: '13800138000',
        source: 'dealer',
        score: 60,
        interest: { model: 'A6' },
      }),
    });

  /** A complaint about the dealer's first sold vehicle, as the call center files one (routed at once). */
  const complainAbout = ({ ownerCustomerId, vehicleId }: Vehicle) =>
    crm.api<Ticket>('agent', '/tickets', {
      method: 'POST',
      body: JSON.stringify({
        customerId: ownerCustomerId,
        vehicleId,
        qualityType: 'brakes',
        description: '刹车异响',
        channel: 'phone',
      }),
    });

  beforeAll(async () => {
    [crm, browser] = await Promise.all([ConsoleUnderTest.start(), launchChromium()]);
    // The demo's dealer logins; their customers' demo complaints may be none, so each gets one of its own.
    const [first, second] = await Promise.all(
      crm
        .logins()
        .filter((login) => login.roles === 'dealer')
        .slice(0, 2)
        .map((login) => viewOf(login.username)),
    );
    await Promise.all([first, second].map((view) => complainAbout(view.vehicles[0])));
    [dealer, other] = await Promise.all([viewOf(first.username), viewOf(second.username)]);
    expect(dealer.tickets.length).toBeGreaterThan(0);
    expect(other.tickets.length).toBeGreaterThan(0);
    const stamp = Date.now().toString(36);
    [lead, otherLead] = await Promise.all([
      captureLead(dealer.username, `线索${stamp}`),
      captureLead(other.username, `别家线索${stamp}`),
    ]);
    ({ page } = await newDesk(browser));
    await signIn(crm, page, dealer.username);
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await crm?.stop();
  });

  const rows = (testId: string) => page.getByTestId(testId).locator('tbody tr');

  it('lands on the vehicles the dealer sold', async () => {
    await page.waitForURL('**/console/dealer/vehicles');
    await page.getByRole('heading', { name: '已售车辆' }).waitFor();
    await rows('dealer-vehicles').filter({ hasText: dealer.vehicles[0].vin }).waitFor();
    const shown = await rows('dealer-vehicles').locator('td:first-child').allTextContents();
    expect(shown).toEqual(dealer.vehicles.map((vehicle) => vehicle.vin));
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'dealer-vehicles');
  });

  it('finds a sold vehicle by part of its VIN, and says when none matches', async () => {
    const box = page.getByRole('searchbox', { name: '按车架号、品牌或车型查找' });
    await box.fill('no-such-vin');
    await page.getByText('没有匹配的车辆').waitFor();
    const vin = dealer.vehicles[0].vin;
    await box.fill(vin.slice(-5).toLowerCase());
    await rows('dealer-vehicles').filter({ hasText: vin }).waitFor();
    expect(await rows('dealer-vehicles').locator('td:first-child').allTextContents()).toEqual([vin]);
    await box.fill('');
  });

  it('opens the owner of a sold vehicle from its row', async () => {
    const vehicle = dealer.vehicles[0];
    const owner = await crm.api<Customer>(dealer.username, `/customers/${vehicle.ownerCustomerId}`);
    await rows('dealer-vehicles').filter({ hasText: vehicle.vin }).getByRole('link').click();
    await page.waitForURL(`**/console/dealer/customers/${vehicle.ownerCustomerId}`);
    await page.getByTestId('customer-name').filter({ hasText: owner.name }).waitFor();
    await page.getByRole('cell', { name: vehicle.vin }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('lists the dealer’s own customers', async () => {
    await page.getByRole('menuitem', { name: '我的客户' }).click();
    await page.getByRole('heading', { name: '我的客户' }).waitFor();
    await rows('dealer-customers').filter({ hasText: dealer.customers[0].name }).first().waitFor();
    const shown = await rows('dealer-customers').locator('td:first-child').allTextContents();
    expect(shown).toEqual(dealer.customers.map((customer) => customer.name));
    for (const customer of other.customers) expect(shown).not.toContain(customer.name);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows the tickets about its vehicles with their status and station', async () => {
    await page.getByRole('menuitem', { name: '客户工单' }).click();
    const ticket = dealer.tickets[0];
    expect(ticket.stationName).toBeTruthy(); // routed as it was filed
    const row = rows('dealer-tickets').filter({ hasText: ticket.ticketNumber });
    await row.waitFor();
    await row.getByRole('cell', { name: ticket.stationName ?? '' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'dealer-tickets');
    await row.getByRole('link', { name: ticket.ticketNumber }).click();
    await page.getByTestId('ticket-number').filter({ hasText: ticket.ticketNumber }).waitFor();
    await page.getByRole('heading', { name: '处理进度' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('lists its leads and filters them by status', async () => {
    await page.getByRole('menuitem', { name: '销售线索' }).click();
    await rows('dealer-leads').filter({ hasText: lead.name }).waitFor();
    expect(await rows('dealer-leads').filter({ hasText: otherLead.name }).count()).toBe(0);
    await page.getByLabel('状态').click();
    await page.locator('.ant-select-dropdown').getByTitle('已转化').click();
    await page.getByText('没有符合条件的线索').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('shows another dealer’s records as not found, and the API refuses them to its cookie', async () => {
    const customer = other.customers[0];
    await page.goto(`${crm.url}/console/dealer/customers/${customer.id}`);
    await page.getByRole('heading', { name: '找不到这条记录' }).waitFor();
    expect(await page.getByText(customer.name).count()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);

    const status = (path: string) =>
      page.evaluate((url) => fetch(url).then((response) => response.status), path);
    expect(await status(`/customers/${customer.id}`)).toBe(404);
    expect(await status(`/leads/${otherLead.id}`)).toBe(404);
    expect(await status(`/leads/${lead.id}`)).toBe(200);
    const ticket = other.tickets[0];
    expect(await status(`/dealer/tickets/${ticket.ticketId}`)).toBe(404);
    await page.goto(`${crm.url}/console/dealer/tickets/${ticket.ticketId}`);
    await page.getByRole('heading', { name: '找不到这条记录' }).waitFor();
    expect(await page.getByText(ticket.ticketNumber).count()).toBe(0);
  });

  it('switches the tickets screen between Chinese and English', async () => {
    await page.goto(`${crm.url}/console/dealer/tickets`);
    await page.getByRole('heading', { name: '客户工单' }).waitFor();
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('heading', { name: 'Customer tickets' }).waitFor();
    await page.getByRole('columnheader', { name: 'Repair station' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'dealer-tickets-en');
    await page.getByText('中文', { exact: true }).click();
    await page.getByRole('heading', { name: '客户工单' }).waitFor();
  });
});
