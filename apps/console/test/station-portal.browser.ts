import { createServer, IncomingHttpHeaders, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { Browser, Page } from 'playwright-core';
import {
  launchChromium,
  newDesk,
  seriousViolations as axeFindings,
  shoot as shootPage,
  signIn,
} from './browser-kit';
import { ConsoleUnderTest } from './console-under-test';
import {
  chineseCustomerReachableByEmail,
  eventually,
  fileComplaint,
  routed,
  StaffTicket,
  stationLogin,
  statusOf,
} from './station-kit';

const PHONE = { width: 375, height: 812 };

interface Delivery {
  deliveryId: string;
  ticketId: string;
  status: string;
}

/** A station's own webhook receiver on this machine: it records each request and answers 204. */
async function startReceiver(): Promise<{ server: Server; url: string; received: IncomingHttpHeaders[] }> {
  const received: IncomingHttpHeaders[] = [];
  const server = createServer((request, response) => {
    received.push(request.headers);
    request.resume();
    request.on('end', () => response.writeHead(204).end());
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/crm/tickets`, received };
}

/**
 * Pictures a console page on a phone the way the signed-in screens come about: rendered after the sign-in page in
 * the same document, in a browser of its own. Text that Chromium first laid out before the stand-in CJK font had
 * arrived keeps its boxes, even in later documents of that browser.
 */
async function pictureOnPhone(browser: Browser, url: string, path: string, shown: string, name: string) {
  const { context, page } = await newDesk(browser, { viewport: PHONE });
  await page.goto(`${url}/console/sign-in`);
  await page.getByRole('heading', { name: '登录 CRM 控制台' }).waitFor();
  await page.evaluate(() => document.fonts.load(`400 16px 'Test CJK'`, '中文'));
  await page.evaluate((to) => {
    history.pushState({}, '', to);
    dispatchEvent(new PopStateEvent('popstate'));
  }, path);
  await page.getByText(shown).waitFor();
  await shootPage(page, name);
  await context.close();
}

describe('the station portal and the customer survey page in a browser', () => {
  let crm: ConsoleUnderTest;
  let browser: Browser;
  let page: Page;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let customerId: string;
  /** Routed to the station whose portal this suite walks. */
  let first: StaffTicket;
  let station: string;
  let stationId: string;

  beforeAll(async () => {
    [crm, browser, receiver] = await Promise.all([
      ConsoleUnderTest.start(),
      launchChromium(),
      startReceiver(),
    ]);
    customerId = (await chineseCustomerReachableByEmail(crm)).id;
    first = await routed(crm, await fileComplaint(crm, customerId, '刹车踏板发软，制动距离变长'));
    stationId = first.stationId as string;
    station = await stationLogin(crm, stationId);
    ({ page } = await newDesk(browser));
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    receiver?.server.close();
    await crm?.stop();
  });

  const shoot = (name: string) => shootPage(page, name);
  const seriousViolations = () => axeFindings(page);
  const ticketRow = (ticket: StaffTicket) =>
    page.locator(`[data-testid="station-tickets"] tr[data-row-key="${ticket.ticketId}"]`);

  it('lists the tickets routed to the station with their status and SLA clock', async () => {
    await signIn(crm, page, station);
    await page.waitForURL('**/console/station/tickets');
    await page.getByRole('heading', { name: '维修工单' }).waitFor();
    const row = ticketRow(first);
    await row.waitFor();
    const text = await row.textContent();
    expect(text).toContain(first.ticketNumber);
    expect(text).toContain('已派单');
    expect(text).toContain('接单截止');
    expect(await seriousViolations()).toEqual([]);
    await shoot('station-tickets');
  });

  it('opens a ticket with its vehicle and clock, accepts it and reports progress', async () => {
    await ticketRow(first).getByRole('link', { name: first.ticketNumber }).click();
    await page.getByTestId('ticket-number').filter({ hasText: first.ticketNumber }).waitFor();
    const facts = page.getByTestId('ticket-facts');
    await facts.getByText('刹车踏板发软，制动距离变长').waitFor();
    // The customer master shares a customer with the partners linked to them; a station routed a ticket is not one.
    await facts.getByText('客户资料未向本站开放').waitFor();
    expect(await statusOf(crm, station, `/customers/${customerId}`)).toBe(404);

    await page.getByRole('button', { name: /^接\s*单$/ }).click();
    await page.getByTestId('ticket-status').filter({ hasText: '已接单' }).waitFor();
    await page.getByRole('button', { name: '更新进度' }).click();
    const progress = page.getByRole('dialog', { name: '维修进度' });
    await progress.getByLabel('进度说明').fill('刹车油管已订购，明天到货');
    await progress.getByRole('button', { name: /^提\s*交$/ }).click();
    await page.getByTestId('ticket-status').filter({ hasText: '维修中' }).waitFor();
    expect((await crm.api<StaffTicket>('agent', `/tickets/${first.ticketId}`)).status).toBe('in_progress');
    // The history names who did each step: the agent who took the complaint, this station by its name.
    const { name: stationName } = await crm.api<{ name: string }>(
      'service.manager',
      `/stations/${stationId}`,
    );
    const actors = page.getByTestId('ticket-timeline').getByTestId('step-actor');
    await actors.filter({ hasText: '王丽' }).first().waitFor();
    await actors.filter({ hasText: stationName }).nth(1).waitFor();
    expect((await actors.allTextContents()).filter((actor) => /[0-9a-f]{8}$/.test(actor))).toEqual([]);
    expect(await seriousViolations()).toEqual([]);
    await shoot('station-ticket');

    await page.getByRole('button', { name: /^完\s*工$/ }).click();
    const record = page.getByRole('dialog', { name: '完工：维修记录' });
    await record.getByRole('button', { name: '添加配件' }).click();
    await record.getByRole('button', { name: /^提\s*交$/ }).click();
    // The repair record's required fields are asked for before anything is sent.
    expect(await record.getByText('必填').count()).toBeGreaterThanOrEqual(4);
    expect(await seriousViolations()).toEqual([]);
    await shoot('station-resolve');
    await record.getByRole('button', { name: /^取\s*消$/ }).click();
  });

  it('registers the webhook URL, shows the signing secret once and rotates it', async () => {
    await page.getByRole('menuitem', { name: 'Webhook 设置' }).click();
    await page.getByRole('heading', { name: 'Webhook 设置' }).waitFor();
    await page.getByLabel('接收地址').fill(receiver.url);
    await page.getByRole('button', { name: '保存地址' }).click();
    const secret = page.getByTestId('webhook-secret');
    await secret.filter({ hasText: 'whsec_' }).waitFor();
    const firstSecret = await secret.textContent();
    expect((await crm.api<{ webhookUrl: string }>(station, `/stations/${stationId}`)).webhookUrl).toBe(
      receiver.url,
    );

    await page.getByRole('button', { name: '更换签名密钥' }).click();
    await eventually('a new secret', async () => {
      const shown = await secret.textContent();
      return shown !== firstSecret && shown?.startsWith('whsec_') ? shown : undefined;
    });
  });

  it('logs each webhook delivery to the station with its attempts', async () => {
    let second = await routed(crm, await fileComplaint(crm, customerId, '刹车时方向盘抖动'));
    if (second.stationId !== stationId) {
      await crm.api('service.manager', `/tickets/${second.ticketId}/reroute`, {
        method: 'POST',
        body: JSON.stringify({ stationId, reason: 'the customer asked for this station' }),
      });
      second = await routed(crm, second.ticketId);
    }
    const delivery = await eventually('the webhook to be delivered', async () => {
      const { items } = await crm.api<{ items: Delivery[] }>(station, '/station/webhook-deliveries?limit=50');
      return items.find((item) => item.ticketId === second.ticketId && item.status === 'delivered');
    });
    expect(receiver.received.map((headers) => headers['webhook-id'])).toContain(delivery.deliveryId);

    // Back to the log through the menu (a reload would lay the page out before the stand-in font is there).
    await page.getByRole('menuitem', { name: '维修工单' }).click();
    await page.getByRole('menuitem', { name: 'Webhook 设置' }).click();
    const row = page.locator(`[data-testid="webhook-deliveries"] tr[data-row-key="${delivery.deliveryId}"]`);
    await row.filter({ hasText: '已送达' }).filter({ hasText: second.ticketNumber }).waitFor();
    await row.getByRole('button', { name: /展开/ }).click();
    await page.getByText(/第 1 次 .* 成功 · HTTP 204/).waitFor();
    expect(await seriousViolations()).toEqual([]);
    await shoot('station-webhooks');

    await row.getByRole('link', { name: second.ticketNumber }).click();
    await page.getByRole('button', { name: /^拒\s*单$/ }).click();
    const decline = page.getByRole('dialog', { name: '拒绝这张工单' });
    await decline.getByLabel('拒单原因').fill('缺少该车型的专用诊断设备');
    await decline.getByRole('button', { name: /^提\s*交$/ }).click();
    await page.waitForURL('**/console/station/tickets');
    await ticketRow(first).waitFor();
    // Listed from the cache at first, gone once the queue is fetched again.
    await ticketRow(second).waitFor({ state: 'detached' });
    expect(await statusOf(crm, station, `/station/tickets/${second.ticketId}`)).toBe(404);
  });

  it('speaks English', async () => {
    await page.goto(`${crm.url}/console/station/tickets`);
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('heading', { name: 'Repair tickets' }).waitFor();
    expect(await ticketRow(first).textContent()).toContain('In progress');
    expect(await seriousViolations()).toEqual([]);
    await shoot('station-tickets-en');
    await page.getByText('中文', { exact: true }).click();
    await page.getByRole('heading', { name: '维修工单' }).waitFor();
  });

  describe('the customer survey page on a phone', () => {
    let phone: Page;
    let token: string;

    beforeAll(async () => {
      await crm.api(station, `/station/tickets/${first.ticketId}/resolve`, {
        method: 'POST',
        body: JSON.stringify({
          workDone: '更换刹车油管并排气',
          parts: [{ partNumber: 'BRK-HOSE-11', description: '刹车油管', quantity: 1 }],
          cost: { amount: 420, currency: 'CNY' },
          technician: '赵师傅',
        }),
      });
      ({ token } = await crm.api<{ token: string }>('agent', `/tickets/${first.ticketId}/survey-link`, {
        method: 'POST',
      }));
      ({ page: phone } = await newDesk(browser, { viewport: PHONE }));
    });

    it('opens without signing in, fits a 375 px screen and takes one rating', async () => {
      await phone.goto(`${crm.url}/console/survey/${token}`);
      await phone.getByRole('heading', { name: '服务满意度调查' }).waitFor();
      await phone.getByText(first.ticketNumber).waitFor();
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        PHONE.width,
      );
      expect(await axeFindings(phone)).toEqual([]);
      await pictureOnPhone(browser, crm.url, `/console/survey/${token}`, first.ticketNumber, 'survey');

      await phone.getByRole('button', { name: '提交评价' }).click();
      await phone.getByText('请选择 1 到 5 颗星').waitFor();
      await phone.locator('.ant-rate').getByRole('radio').nth(3).click();
      await phone.getByRole('button', { name: '提交评价' }).click();
      await phone.getByText('感谢您的评价！').waitFor();
      const rated = await crm.api<StaffTicket>('agent', `/tickets/${first.ticketId}`);
      expect(rated.satisfaction?.score).toBe(4);
    });

    it('says so when the link was used already, or is unknown', async () => {
      await phone.reload();
      await phone.getByText('这份调查已经提交过了').waitFor();
      expect(await axeFindings(phone)).toEqual([]);
      await pictureOnPhone(
        browser,
        crm.url,
        `/console/survey/${token}`,
        '这份调查已经提交过了',
        'survey-used',
      );
      await phone.goto(`${crm.url}/console/survey/no-such-token`);
      await phone.getByText('链接无效').waitFor();
    });

    it('says so when the link has expired (the answer the service gives after 30 days, ADR 0041)', async () => {
      // Only the API call; the page itself is the console's.
      await phone.route(
        (url) => url.pathname === '/survey/expired-token',
        (route) =>
          route.fulfill({
            status: 410,
            contentType: 'application/problem+json',
            body: JSON.stringify({ status: 410, title: 'Gone', survey: 'expired' }),
          }),
      );
      await phone.goto(`${crm.url}/console/survey/expired-token`);
      await phone.getByText('这个链接已过期').waitFor();
    });

    it('speaks English', async () => {
      await phone.getByText('EN', { exact: true }).click();
      await phone.getByText('This link has expired').waitFor();
      await phone.getByRole('heading', { name: 'How did we do?' }).waitFor();
      await phone.getByText('中文', { exact: true }).click();
    });
  });
});
