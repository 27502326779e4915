import { Browser, Page } from 'playwright-core';
import { launchChromium, newDesk, seriousViolations, shoot, signIn } from './browser-kit';
import { ConsoleUnderTest } from './console-under-test';
import {
  chineseCustomerReachableByEmail,
  DemoCustomer,
  eventually,
  otherStationLogin,
  routed,
  StaffTicket,
  stationLogin,
  statusOf,
  surveyLinkMailedTo,
} from './station-kit';

const PHONE = { width: 375, height: 812 };
const TECHNICIAN = '李师傅';
const WORK_DONE = '更换前刹车片和刹车盘，路试无异响';

/** The headline story: a complaint filed at the call center is repaired by the nearest station and rated by the customer. */
describe('a complaint from the agent’s call to the customer’s rating, in browsers', () => {
  let crm: ConsoleUnderTest;
  let browser: Browser;
  let agent: Page;
  let customer: DemoCustomer;
  let ticket: StaffTicket;
  let station: string;

  beforeAll(async () => {
    [crm, browser] = await Promise.all([ConsoleUnderTest.start(), launchChromium()]);
    customer = await chineseCustomerReachableByEmail(crm);
    ({ page: agent } = await newDesk(browser));
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await crm?.stop();
  });

  it('the agent finds the customer by their Chinese name and files a complaint', async () => {
    await signIn(crm, agent, 'agent');
    await agent.getByRole('searchbox').pressSequentially(customer.name, { delay: 80 });
    await agent
      .locator(`[data-testid="lookup-results"] a[href="/console/agent/customers/${customer.id}"]`)
      .click();
    await agent.getByTestId('customer-name').filter({ hasText: customer.name }).waitFor();

    await agent.getByRole('button', { name: '登记投诉' }).click();
    const dialog = agent.getByRole('dialog');
    await dialog.getByLabel('问题描述').fill('刹车时有尖锐异响，低速更明显');
    await dialog.getByLabel('质量类型').click();
    await agent
      .locator('.ant-select-item-option')
      .filter({ hasText: /^刹车$/ })
      .click();
    const filed = agent.waitForResponse(
      (response) =>
        response.url().endsWith(`/customers/${customer.id}/complaints`) && response.status() === 201,
    );
    await dialog.getByRole('button', { name: '提交投诉' }).click();
    const { ticketId } = (await (await filed).json()) as { ticketId: string };

    ticket = await routed(crm, ticketId);
    station = await stationLogin(crm, ticket.stationId as string);
    await agent.locator(`[data-testid="tickets"] tr[data-row-key="${ticketId}"]`).waitFor();
  });

  it('the station it was routed to sees it in its own browser, accepts, books the car in and resolves it', async () => {
    const { page } = await newDesk(browser);
    await signIn(crm, page, station);
    await page.waitForURL('**/console/station/tickets');
    await page.getByRole('link', { name: ticket.ticketNumber }).click();
    await page.getByTestId('ticket-number').filter({ hasText: ticket.ticketNumber }).waitFor();

    await page.getByRole('button', { name: /^接\s*单$/ }).click();
    await page.getByTestId('ticket-status').filter({ hasText: '已接单' }).waitFor();

    const day = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await page.getByRole('button', { name: '预约到店' }).click();
    const booking = page.getByRole('dialog', { name: '预约到店时间' });
    await booking.getByLabel('日期和时间').fill(`${day} 10:00`);
    await page.locator('.ant-picker-ok button').click();
    await booking.getByRole('button', { name: /^提\s*交$/ }).click();
    await page
      .getByTestId('appointment')
      .filter({ hasText: day.slice(0, 4) })
      .waitFor();

    await page.getByRole('button', { name: /^完\s*工$/ }).click();
    const record = page.getByRole('dialog', { name: '完工：维修记录' });
    await record.getByLabel('维修内容').fill(WORK_DONE);
    await record.getByLabel('维修技师').fill(TECHNICIAN);
    await record.getByRole('button', { name: '添加配件' }).click();
    await record.getByLabel('配件号 1').fill('BRK-PAD-2231');
    await record.getByLabel('配件名称 1').fill('前刹车片');
    await record.getByLabel('费用').fill('860.5');
    await record.getByRole('button', { name: /^提\s*交$/ }).click();
    await page.getByTestId('ticket-status').filter({ hasText: '已解决' }).waitFor();

    ticket = await crm.api<StaffTicket>('agent', `/tickets/${ticket.ticketId}`);
    expect(ticket.status).toBe('resolved');
    expect(ticket.appointmentAt?.slice(0, 10)).toBe(day);
    await page.context().close();
  });

  it('another station cannot see the ticket, in the API or in its portal', async () => {
    const other = otherStationLogin(crm, ticket.stationId as string);
    expect(await statusOf(crm, other, `/station/tickets/${ticket.ticketId}`)).toBe(404);

    const { page } = await newDesk(browser);
    await signIn(crm, page, other);
    await page.waitForURL('**/console/station/tickets');
    await page.getByTestId('station-tickets').locator('.ant-table-tbody').waitFor();
    await page.locator('.ant-spin-spinning').waitFor({ state: 'detached' });
    expect(await page.getByTestId('station-tickets').textContent()).not.toContain(ticket.ticketNumber);
    await page.goto(`${crm.url}/console/station/tickets/${ticket.ticketId}`);
    await page.getByText('本站没有这张工单').waitFor();
    await page.context().close();
  });

  it('the customer opens the emailed survey link on a phone and rates the repair', async () => {
    const link = await surveyLinkMailedTo(crm, customer.emails[0], ticket.ticketNumber);
    expect(new URL(link).pathname).toMatch(/^\/console\/survey\/[\w-]+$/);

    const { page } = await newDesk(browser, { viewport: PHONE });
    await page.goto(link.replace(/^https?:\/\/[^/]+/, crm.url));
    await page.getByText(ticket.ticketNumber).waitFor();
    await page.locator('.ant-rate').getByRole('radio').nth(4).click();
    await page.getByLabel('您的意见（选填）').fill('维修及时，师傅很专业');
    await page.getByRole('button', { name: '提交评价' }).click();
    await page.getByText('感谢您的评价！').waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('the agent reloads the 360 and sees the repair and the rating', async () => {
    const row = agent.locator(`[data-testid="tickets"] tr[data-row-key="${ticket.ticketId}"]`);
    await eventually('the repair and the rating on the 360', async () => {
      await agent.reload();
      await row.waitFor();
      const text = (await row.textContent()) ?? '';
      return text.includes('★ 5/5') && text.includes(TECHNICIAN) ? text : undefined;
    });
    // The repair history lists the repair under the ticket's number.
    await agent
      .getByRole('row')
      .filter({ hasText: ticket.ticketNumber })
      .filter({ hasText: WORK_DONE })
      .waitFor();
    await shoot(agent, 'journey-customer-360');
  });
});
