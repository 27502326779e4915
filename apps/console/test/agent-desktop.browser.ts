import { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, newDesk, seriousViolations as axeFindings, shoot as shootPage } from './browser-kit';
import { ConsoleUnderTest } from './console-under-test';

interface Ticket {
  ticketId: string;
  customerId: string;
}
interface Customer360 {
  profile: { name: string; phones: string[] };
  repairs: { technician: string; station: { name: string | null } }[];
  tickets: { openedBy: { name: string | null } | null }[];
}

describe('the agent desktop in a browser', () => {
  let crm: ConsoleUnderTest;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  /** A demo customer with a past complaint: repaired, rated, taken by 王丽. */
  let customerId: string;
  let view: Customer360;

  beforeAll(async () => {
    [crm, browser] = await Promise.all([ConsoleUnderTest.start(), launchChromium()]);
    // The story's customer has a Chinese name (the demo has English names too).
    for (const ticket of (await crm.api<{ items: Ticket[] }>('agent', '/tickets?limit=50')).items) {
      customerId = ticket.customerId;
      view = await crm.api<Customer360>('agent', `/customers/${customerId}/360`);
      if (/^\p{Script=Han}+$/u.test(view.profile.name) && view.repairs.length > 0) break;
    }
    expect(view.profile.name).toMatch(/^\p{Script=Han}+$/u);
    ({ context, page } = await newDesk(browser));
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await crm?.stop();
  });

  const shoot = (name: string, fullPage = true) => shootPage(page, name, fullPage);
  const seriousViolations = () => axeFindings(page);

  it('signs the agent in with an http-only cookie and lands on the desktop', async () => {
    await page.goto(crm.url);
    await page.waitForURL('**/console/sign-in');
    await page.getByRole('heading', { name: '登录 CRM 控制台' }).waitFor();
    expect(await seriousViolations()).toEqual([]);
    await page.getByLabel('用户名').fill('agent');
    await page.getByLabel('密码').fill(crm.login('agent').password);
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.waitForURL('**/console/agent');
    await page.getByTestId('principal-name').filter({ hasText: '王丽' }).waitFor();

    const cookies = await context.cookies();
    expect(cookies.map(({ name, httpOnly, sameSite }) => ({ name, httpOnly, sameSite }))).toEqual([
      { name: 'crm_session', httpOnly: true, sameSite: 'Strict' },
    ]);
    const stored = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
    expect(stored).not.toContain(cookies[0].value.slice(0, 20));
    expect(await page.evaluate(() => document.cookie)).toBe('');
  });

  it('finds a demo customer by a Chinese name as the agent types and opens the 360', async () => {
    await page.getByRole('searchbox').pressSequentially(view.profile.name, { delay: 80 });
    const result = page.getByTestId('lookup-results').getByRole('row').filter({ hasText: view.profile.name });
    await result.first().waitFor();
    expect(await seriousViolations()).toEqual([]);
    await shoot('agent-search');
    await result.first().getByRole('link').first().click();
    await page.waitForURL(`**/console/agent/customers/${customerId}`);
    await page.getByTestId('customer-name').filter({ hasText: view.profile.name }).waitFor();
    const repair = view.repairs[0];
    await page.getByRole('cell', { name: repair.technician }).first().waitFor();
    await page
      .getByRole('cell', { name: repair.station.name ?? '' })
      .first()
      .waitFor();
    await page.getByRole('cell', { name: '王丽' }).first().waitFor();
    expect(await seriousViolations()).toEqual([]);
    await shoot('customer-360-service-history');
  });

  it('files a complaint with the quality type suggested as the agent types, and sees the ticket', async () => {
    await page.getByRole('button', { name: '登记投诉' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('问题描述').pressSequentially('踩刹车时有异响，方向盘抖动', { delay: 30 });
    const suggestion = dialog
      .getByTestId('quality-type-suggestions')
      .getByRole('button', { name: /^刹\s*车$/ });
    await suggestion.click();
    await dialog.locator('.ant-select').filter({ hasText: '刹车' }).waitFor();
    expect(await seriousViolations()).toEqual([]);
    await shoot('complaint-intake', false);
    const filed = page.waitForResponse(
      (response) =>
        response.url().endsWith(`/customers/${customerId}/complaints`) && response.status() === 201,
    );
    await dialog.getByRole('button', { name: '提交投诉' }).click();
    const { ticketId } = (await (await filed).json()) as { ticketId: string };
    const row = page.locator(`[data-testid="tickets"] tr[data-row-key="${ticketId}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('刹车');
    expect(await row.textContent()).toContain('王丽');
  });

  it('opens the caller’s 360 by itself when a call comes in (screen pop over the cookie-authenticated stream)', async () => {
    const streams: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/agents/me/events') streams.push(request.url());
    });
    await page.goto(`${crm.url}/console/agent`);
    await page.locator('body[data-screen-pop="connected"]').waitFor();
    await crm.api('agent', '/telephony/incoming-call', {
      method: 'POST',
      body: JSON.stringify({
        callerNumber: view.profile.phones[0],
        calledLine: '400-800-8888',
        callId: 'call-browser-1',
      }),
    });
    await page.waitForURL(`**/console/agent/customers/${customerId}?call=call-browser-1`);
    await page.getByTestId('customer-name').filter({ hasText: view.profile.name }).waitFor();

    // The next call, right after the pop's navigation, reaches the same stream: had the navigation reopened
    // it, a call in that gap would be lost (the bench's missed pops).
    await crm.api('agent', '/telephony/incoming-call', {
      method: 'POST',
      body: JSON.stringify({
        callerNumber: '139 0000 0404',
        calledLine: '400-800-8888',
        callId: 'call-browser-2',
      }),
    });
    await page.getByText('来电 139 0000 0404：未找到客户').waitFor();
    expect(streams).toHaveLength(1);
  });

  it('switches between Chinese and English', async () => {
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('button', { name: 'File a complaint' }).waitFor();
    await page.getByRole('heading', { name: 'Repair history' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await seriousViolations()).toEqual([]);
    await shoot('customer-360-en');
    await page.getByText('中文', { exact: true }).click();
    await page.getByRole('button', { name: '登记投诉' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
  });

  it('signs out: the cookie is gone and the API answers 401', async () => {
    const signedOut = page.waitForResponse(
      (response) => response.url().endsWith('/auth/session') && response.request().method() === 'DELETE',
    );
    await page.getByRole('button', { name: /退出登录/ }).click();
    expect((await signedOut).status()).toBe(204);
    await page.getByRole('heading', { name: '登录 CRM 控制台' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/console/sign-in');
    // Pictured here rather than first: by now the stand-in CJK font has been laid out everywhere.
    await shoot('sign-in');
    expect(await context.cookies()).toEqual([]);
    expect(await page.evaluate(() => fetch('/auth/me').then((response) => response.status))).toBe(401);
  });
});
