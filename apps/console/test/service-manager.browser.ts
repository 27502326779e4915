import { Browser, Page } from 'playwright-core';
import { launchChromium, newDesk, seriousViolations, shoot, signIn } from './browser-kit';
import { ConsoleUnderTest } from './console-under-test';

interface Station {
  stationId: string;
  name: string;
  active: boolean;
  capacity: number;
  slotsTaken: number;
  skills: string[];
  location: { lat: number; lon: number };
}
interface Ticket {
  ticketId: string;
  ticketNumber: string;
  customerId: string;
  stationId: string | null;
}

describe('the service manager area in a browser', () => {
  let crm: ConsoleUnderTest;
  let browser: Browser;
  let page: Page;
  let ticket: Ticket;
  let stations: Station[];
  /** An active station with a free slot the ticket is not at: where the manager sends it. */
  let target: Station;

  beforeAll(async () => {
    [crm, browser] = await Promise.all([ConsoleUnderTest.start(), launchChromium()]);
    stations = (await crm.api<{ items: Station[] }>('service.manager', '/board/stations')).items;
    const near = stations.find((station) => station.active && station.skills.includes('brakes'));
    if (!near) throw new Error('the demo has no active station repairing brakes');
    const [known] = (await crm.api<{ items: Ticket[] }>('agent', '/tickets?limit=1')).items;
    // A ticket of its own, next to a station: the suites share one all-in-one.
    ticket = await crm.api<Ticket>('agent', '/tickets', {
      method: 'POST',
      body: JSON.stringify({
        customerId: known.customerId,
        qualityType: 'brakes',
        description: '刹车异响，需要检查',
        channel: 'phone',
        location: near.location,
      }),
    });
    expect(ticket.stationId).not.toBeNull();
    const free = stations.filter(
      (station) =>
        station.active && station.stationId !== ticket.stationId && station.slotsTaken < station.capacity,
    );
    target = free[0];
    page = (await newDesk(browser)).page;
    await signIn(crm, page, 'service.manager');
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await crm?.stop();
  });

  /** antd draws a Select's choices apart from the hidden ARIA list box; the drawn one takes the click. */
  const option = (label: string | RegExp) =>
    page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: label }).first();
  const ticketRow = () =>
    page.getByTestId('ticket-table').getByRole('row').filter({ hasText: ticket.ticketNumber });

  it('lands on the board: tickets with their station and SLA clocks in words', async () => {
    await page.waitForURL('**/console/service-manager/board');
    await page.getByRole('heading', { name: '工单看板' }).waitFor();
    await ticketRow().waitFor();
    const stationName = stations.find((station) => station.stationId === ticket.stationId)?.name ?? '';
    await ticketRow().getByRole('cell', { name: stationName, exact: true }).waitFor();
    const board = await crm.api<{ items: (Ticket & { customerName: string | null })[] }>(
      'service.manager',
      `/board/tickets?stationId=${ticket.stationId}`,
    );
    const { customerName } = board.items.find((row) => row.ticketId === ticket.ticketId) ?? {};
    expect(customerName).toEqual(expect.any(String));
    await ticketRow()
      .getByRole('cell', { name: customerName ?? '', exact: true })
      .waitFor();
    await ticketRow()
      .getByText(/剩余 \d/)
      .first()
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'service-board');
  });

  it('filters the board to breached tickets, each showing an overdue clock', async () => {
    await page.getByLabel('SLA').click();
    await option('仅超时').click();
    await page.getByTestId('board-as-of').filter({ hasText: '共' }).waitFor();
    await ticketRow().waitFor({ state: 'detached' });
    const breachedRows = await page.getByTestId('ticket-table').locator('[data-sla="breached"]').count();
    const rows = await page.getByTestId('ticket-table').locator('tbody tr.ant-table-row').count();
    expect(breachedRows).toBeGreaterThanOrEqual(rows);
    await page.getByLabel('SLA').click();
    await option('全部').click();
    await ticketRow().waitFor();
  });

  it('switches the board between Chinese and English', async () => {
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('heading', { name: 'Ticket board' }).waitFor();
    await ticketRow()
      .getByText(/\d+ (m|h|d) left/)
      .first()
      .waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByText('中文', { exact: true }).click();
    await page.getByRole('heading', { name: '工单看板' }).waitFor();
  });

  it('opens a ticket: the routing decision with its candidates and why each was or was not chosen', async () => {
    await ticketRow().getByRole('link', { name: ticket.ticketNumber }).click();
    await page.waitForURL(`**/console/service-manager/tickets/${ticket.ticketId}`);
    await page.getByRole('heading', { name: `工单 ${ticket.ticketNumber}` }).waitFor();
    const candidates = page.getByTestId('routing-candidates').first();
    await candidates.getByRole('cell', { name: '已选中' }).waitFor();
    expect(await candidates.locator('tbody tr').count()).toBeGreaterThan(1);
    await page.getByTestId('ticket-timeline').getByText('派单').first().waitFor();
    // As on the board: the customer's name and the clocks in words; the steps name who did them.
    type Clock = { state: string };
    const row = await crm.api<{ customerName: string | null; sla: { response: Clock; resolution: Clock } }>(
      'service.manager',
      `/board/tickets/${ticket.ticketId}`,
    );
    await page
      .getByTestId('ticket-customer')
      .filter({ hasText: row.customerName ?? '（未知）' })
      .waitFor();
    for (const which of ['response', 'resolution'] as const)
      await page.getByTestId(`sla-${which}`).locator(`[data-sla="${row.sla[which].state}"]`).waitFor();
    expect(row.sla.resolution.state).toBe('running');
    await page
      .getByTestId('sla-resolution')
      .locator('[data-sla="running"]')
      .filter({ hasText: /剩余 \d/ })
      .waitFor();
    const actors = await page.getByTestId('step-actor').allTextContents();
    expect(actors).toContain('王丽');
    expect(actors.filter((actor) => /^(员工|服务站) [0-9a-f]{8}$/.test(actor))).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'service-ticket');
  });

  it('re-routes the ticket by hand to another station after a confirmation', async () => {
    await page.getByRole('button', { name: '人工改派' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('新服务站').fill(target.name);
    await option(new RegExp(`^${target.name}（`)).click();
    await dialog.getByLabel('改派原因').fill('客户要求去更熟悉的服务站');
    expect(await seriousViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: /改\s*派/ }).click();
    const confirm = page.getByRole('dialog').filter({ hasText: '确认把工单' });
    await confirm.getByRole('button', { name: /改\s*派/ }).click();
    await page.getByTestId('ticket-station').filter({ hasText: target.name }).waitFor();
    await page.getByTestId('routing-candidates').first().getByRole('cell', { name: '人工指定' }).waitFor();
    const moved = await crm.api<Ticket>('service.manager', `/tickets/${ticket.ticketId}`);
    expect(moved.stationId).toBe(target.stationId);
  });

  it('draws the station map on a canvas, with the stations as a table beside it', async () => {
    await page.getByRole('menuitem', { name: '服务站地图' }).click();
    await page.getByRole('heading', { name: '服务站地图' }).waitFor();
    await page.getByTestId('station-map-chart').locator('canvas').first().waitFor();
    const table = page.getByTestId('station-table');
    await table.getByRole('cell', { name: new RegExp(`^${stations[0].name} \\(`) }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'service-map');
  });

  it('lists escalations, the longest overdue first', async () => {
    await page.getByRole('menuitem', { name: '升级工单' }).click();
    await page.getByRole('heading', { name: '升级工单' }).waitFor();
    const table = page.getByTestId('ticket-table');
    await table.locator('.ant-spin-spinning').waitFor({ state: 'detached' });
    // The shared all-in-one may have none yet: then the list says so; else every row shows a breached clock.
    const rows = await table.locator('tbody tr.ant-table-row').count();
    if (rows === 0) await table.getByText('没有超时未解决的工单').waitFor();
    expect(await table.locator('tbody tr.ant-table-row:has([data-sla="breached"])').count()).toBe(rows);
    expect(await seriousViolations(page)).toEqual([]);
  });
});
