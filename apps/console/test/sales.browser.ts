import { Browser, Page } from 'playwright-core';
import { launchChromium, newDesk, seriousViolations, shoot, signIn } from './browser-kit';
import { ConsoleUnderTest } from './console-under-test';

interface Opportunity {
  id: string;
  name: string;
  stage: string;
}
interface Lead {
  id: string;
  status: string;
  customerId: string | null;
  opportunityId: string | null;
}
interface Quote {
  id: string;
  number: string;
  version: number;
}
interface Forecasts {
  people: { name: string; adjusted: { note: string; amount: number } | null }[];
}

const REP = 'sales.rep';
const COLLEAGUE = 'sales.rep2';
const MANAGER = 'sales.manager';
// The suites share one all-in-one: names unique to this run find this run's records.
const RUN = Date.now().toString(36);

/** A day `days` from now as the API's calendar dates. */
const dayFrom = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Opens a console screen inside the running app, as its menu does: the stand-in CJK font stays loaded, so no
 * glyph is painted before it arrives (a fresh document may keep such boxes in a screenshot).
 */
const visit = (page: Page, path: string) =>
  page.evaluate((to) => {
    history.pushState(null, '', to);
    dispatchEvent(new PopStateEvent('popstate'));
  }, `/console${path}`);

/**
 * Text painted before the stand-in CJK font arrived (the menu's title, right after signing in) may keep its
 * empty boxes in screenshots; once the font is loaded, a round trip through English paints it afresh.
 */
async function repaintWithFont(page: Page): Promise<void> {
  await page.evaluate(() => document.fonts.load("600 16px 'Test CJK'", '中文'));
  await page.getByText('English', { exact: true }).click();
  await page.getByText('CRM console').waitFor();
  await page.getByText('中文', { exact: true }).click();
  await page.getByText('CRM 控制台').waitFor();
}

/** Terms long enough to carry the quote's PDF onto a second page. */
const LONG_TERMS = Array.from(
  { length: 45 },
  (_, i) => `第 ${i + 1} 条：交车时间为下单后四周内，价格含购置税，不含上牌费用。`,
).join('\n');

/** A quote's PDF as the sales API sends it. */
async function pdfOf(crm: ConsoleUnderTest, username: string, quoteId: string): Promise<Buffer> {
  const response = await fetch(`${crm.url}/quotes/${quoteId}/pdf`, {
    headers: { authorization: `Bearer ${await crm.token(username)}` },
  });
  if (!response.ok) throw new Error(`GET /quotes/${quoteId}/pdf: ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}

/** The page objects in a PDF's page tree, read from its bytes (pdfkit writes object dictionaries uncompressed). */
const pagesIn = (pdf: Buffer) => pdf.toString('latin1').match(/\/Type\s*\/Page(?![A-Za-z])/g)?.length ?? 0;

/** Each canvas's size on screen and in pixels, and how many of its pixels are not white (runs in the page). */
const readCanvases = (canvases: Element[]) =>
  canvases.map((element) => {
    const canvas = element as HTMLCanvasElement;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('a page canvas has no 2D context');
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let inkedPixels = 0;
    for (let i = 0; i < data.length; i += 4)
      if (Math.min(data[i], data[i + 1], data[i + 2]) < 200) inkedPixels++;
    return {
      cssWidth: canvas.getBoundingClientRect().width,
      pixelWidth: canvas.width,
      pixelRatio: devicePixelRatio,
      inkedPixels,
    };
  });

/** The status the API answers this path with, asked by the page itself (its session cookie). */
const statusInBrowser = (page: Page, path: string) =>
  page.evaluate(async (url) => (await fetch(url)).status, path);

describe('the sales area in a browser', () => {
  let crm: ConsoleUnderTest;
  let browser: Browser;
  let rep: Page;
  let manager: Page;
  let toMove: Opportunity;
  let withoutAmount: Opportunity;
  let colleagues: Opportunity;

  const open = (username: string, body: object) =>
    crm.api<Opportunity>(username, '/opportunities', { method: 'POST', body: JSON.stringify(body) });

  beforeAll(async () => {
    [crm, browser] = await Promise.all([ConsoleUnderTest.start(), launchChromium()]);
    const amount = { amount: 268_000, currency: 'CNY' };
    toMove = await open(REP, { name: `拖动测试 ${RUN}`, amount, expectedCloseDate: dayFrom(20) });
    withoutAmount = await open(REP, { name: `无金额 ${RUN}`, expectedCloseDate: dayFrom(25) });
    colleagues = await open(COLLEAGUE, { name: `同事的商机 ${RUN}`, amount });
    // Wide enough for every stage's column, won and lost included, side by side.
    rep = (await newDesk(browser, { viewport: { width: 1920, height: 1000 } })).page;
    manager = (await newDesk(browser)).page;
    await signIn(crm, rep, REP);
    await signIn(crm, manager, MANAGER);
    for (const desk of [rep, manager]) {
      await desk.waitForURL('**/console/sales/pipeline');
      await repaintWithFont(desk);
    }
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await crm?.stop();
  });

  it('lets a rep drag an opportunity to the next stage, and the API has it there', async () => {
    await visit(rep, '/sales/pipeline');
    const card = rep.locator(`[data-opportunity="${toMove.id}"]`);
    await rep.getByTestId('stage-prospecting').locator(card).waitFor();
    expect(await seriousViolations(rep)).toEqual([]);
    await card.dragTo(rep.getByTestId('stage-qualification'));
    await rep.getByTestId('stage-qualification').locator(card).waitFor();
    const moved = await crm.api<Opportunity>(REP, `/opportunities/${toMove.id}`);
    expect(moved.stage).toBe('qualification');
    await shoot(rep, 'sales-pipeline');
  });

  it("shows the API's problem when it refuses a move: won needs an amount", async () => {
    const card = rep.locator(`[data-opportunity="${withoutAmount.id}"]`);
    await card.dragTo(rep.getByTestId('stage-won'));
    await rep.getByLabel('原因').fill('客户当场签约');
    await rep.getByRole('button', { name: /确\s*认/ }).click();
    await rep.getByTestId('refused').filter({ hasText: 'a won opportunity needs an amount' }).waitFor();
    await rep.getByTestId('stage-prospecting').locator(card).waitFor();
    expect((await crm.api<Opportunity>(REP, `/opportunities/${withoutAmount.id}`)).stage).toBe('prospecting');
  });

  it('moves an opportunity from the keyboard with the card menu', async () => {
    const card = rep.locator(`[data-opportunity="${toMove.id}"]`);
    await card.getByRole('button', { name: /移到阶段/ }).focus();
    await rep.keyboard.press('Enter');
    await rep.getByRole('menuitem', { name: '需求分析' }).click();
    await rep.getByTestId('stage-needs_analysis').locator(card).waitFor();
    expect((await crm.api<Opportunity>(REP, `/opportunities/${toMove.id}`)).stage).toBe('needs_analysis');
  });

  it('shows leads with their source and score, and converts one', async () => {
    const name = `线索 ${RUN}`;
    // A known customer's email links the lead at capture, so converting it registers nobody in the customer master.
    const lead = await crm.api<Lead>(REP, '/leads', {
      method: 'POST',
      body: JSON.stringify({
        name,
        source: 'showroom_visit',
        score: 87,
        email: 'demo.customer3@example.com',
        interest: { model: 'Aurora S7' },
      }),
    });
    expect(lead.customerId).toEqual(expect.any(String));
    await visit(rep, '/sales/leads');
    const row = rep.getByTestId('leads').getByRole('row').filter({ hasText: name });
    await row.waitFor();
    await row.getByText('展厅到访').waitFor();
    await row.getByText('87', { exact: true }).waitFor();
    expect(await seriousViolations(rep)).toEqual([]);
    await shoot(rep, 'sales-leads');
    await row.getByRole('button', { name: `转化（${name}）` }).click();
    const converting = rep.waitForResponse((response) =>
      response.url().endsWith(`/leads/${lead.id}/convert`),
    );
    await rep.getByRole('button', { name: /^转\s*化$/ }).click();
    const answer = await converting;
    expect(`${answer.status()} ${answer.status() === 200 ? '' : await answer.text()}`).toBe('200 ');
    await rep.waitForURL('**/console/sales/opportunities/*');
    const converted = await crm.api<Lead>(REP, `/leads/${lead.id}`);
    expect(converted.status).toBe('converted');
    expect(rep.url()).toContain(converted.opportunityId);
  });

  it('converts a lead whose customer is new, registering that customer once in the embedded default', async () => {
    const name = `新客户 ${RUN}`;
    const phone = `137${String(Date.now()).slice(-8)}`;
    const lead = await crm.api<Lead>(REP, '/leads', {
      method: 'POST',
      body: JSON.stringify({ name, source: 'web_form', phone, interest: { model: 'Aurora S7' } }),
    });
    expect(lead.customerId).toBeNull();
    await visit(rep, '/sales/leads');
    const row = rep.getByTestId('leads').getByRole('row').filter({ hasText: name });
    await row.getByRole('button', { name: `转化（${name}）` }).click();
    const converting = rep.waitForResponse((response) =>
      response.url().endsWith(`/leads/${lead.id}/convert`),
    );
    const started = Date.now();
    await rep.getByRole('button', { name: /^转\s*化$/ }).click();
    const answer = await converting;
    expect(`${answer.status()} ${answer.status() === 200 ? '' : await answer.text()}`).toBe('200 ');
    // The customer master answered within the conversion, not after its 5 s give-up.
    expect(Date.now() - started).toBeLessThan(4_000);
    await rep.waitForURL('**/console/sales/opportunities/*');
    const converted = await crm.api<Lead>(REP, `/leads/${lead.id}`);
    expect(converted).toMatchObject({ status: 'converted', customerId: expect.any(String) });
    const customer = await crm.api<{ name: string }>(REP, `/customers/${converted.customerId}`);
    expect(customer.name).toBe(name);
    const again = await crm.api<{ customerId: string }>(REP, `/leads/${lead.id}/convert`, {
      method: 'POST',
      body: '{}',
    });
    expect(again.customerId).toBe(converted.customerId);
  });

  it("shows a dealer's salesperson their dealer's leads and no one else's", async () => {
    const dealer = crm.logins().find((login) => login.roles.split(',').includes('dealer'));
    if (!dealer) throw new Error('the demo has no dealer login');
    const name = `经销商线索 ${RUN}`;
    await crm.api(dealer.username, '/leads', {
      method: 'POST',
      body: JSON.stringify({
        name,
        source: 'dealer',
        score: 55,
        phone: `138${String(Date.now()).slice(-8)}`,
      }),
    });
    const page = (await newDesk(browser)).page;
    await signIn(crm, page, dealer.username);
    // Their first screen is the dealer portal; their leads are in the sales area's menu.
    await page.waitForURL('**/console/dealer/**');
    await page.goto(`${crm.url}/console/sales/leads`);
    await page.getByTestId('leads').getByRole('row').filter({ hasText: name }).waitFor();
    expect(await page.getByText(`线索 ${RUN}`, { exact: true }).count()).toBe(0);
    expect(await statusInBrowser(page, `/opportunities/${toMove.id}`)).toBe(404);
    expect(await seriousViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('highlights an overdue next step with words, not only colour', async () => {
    await crm.api(REP, '/activities', {
      method: 'POST',
      body: JSON.stringify({
        type: 'call',
        subject: `逾期跟进 ${RUN}`,
        discussed: '置换补贴',
        nextStep: '回电确认试驾时间',
        nextStepDue: dayFrom(-3),
        opportunityId: toMove.id,
      }),
    });
    await visit(rep, '/sales/activities');
    const row = rep
      .getByTestId('activities')
      .getByRole('row')
      .filter({ hasText: `逾期跟进 ${RUN}` });
    await row.getByTestId('due-overdue').filter({ hasText: '已逾期' }).waitFor();
    await row.getByText('置换补贴').waitFor();
    expect(await seriousViolations(rep)).toEqual([]);
    await shoot(rep, 'sales-activities');
  });

  it('builds a quote and draws every page of the PDF the sales service renders', async () => {
    const models = await crm.api<{ items: { id: string }[] }>(REP, '/catalog/models');
    const model = await crm.api<{ trims: { id: string }[] }>(REP, `/catalog/models/${models.items[0].id}`);
    await crm.api(REP, `/opportunities/${toMove.id}/lines`, {
      method: 'POST',
      body: JSON.stringify({
        trimId: model.trims[0].id,
        quantity: 2,
        unitPrice: { amount: 239_000, currency: 'CNY' },
      }),
    });
    await visit(rep, `/sales/quotes?opportunity=${toMove.id}`);
    await rep.getByTestId('lines').getByRole('row').nth(1).waitFor();
    await rep.getByLabel('有效期至').fill(dayFrom(30));
    await rep.getByLabel('有效期至').press('Tab');
    await rep.getByLabel('客户名称').fill('陈静');
    await rep.getByLabel('条款', { exact: true }).fill(LONG_TERMS);
    await rep.getByRole('button', { name: '生成报价草稿' }).click();
    const quoteRow = rep.getByTestId('quotes').getByRole('row').filter({ hasText: '草稿' });
    await quoteRow.waitFor();
    const quotes = await crm.api<{ items: Quote[] }>(REP, `/quotes?opportunityId=${toMove.id}`);
    expect(quotes.items).toHaveLength(1);
    const [quote] = quotes.items;
    expect(await statusInBrowser(rep, `/quotes/${quote.id}/pdf`)).toBe(200);
    const pageCount = pagesIn(await pdfOf(crm, REP, quote.id));
    expect(pageCount).toBeGreaterThanOrEqual(2);

    const pdf = rep.getByTestId('quote-pdf');
    const pages = pdf.locator('canvas');
    await pdf
      .locator('canvas[data-drawn="true"]')
      .nth(pageCount - 1)
      .waitFor();
    expect(await pages.count()).toBe(pageCount);
    expect(await pages.last().getAttribute('aria-label')).toBe(
      `报价 ${quote.number} 第 ${quote.version} 版 PDF，第 ${pageCount} 页，共 ${pageCount} 页`,
    );
    for (const drawn of await pages.evaluateAll(readCanvases)) {
      // Drawn at the screen's pixel density, not stretched from a smaller picture, and not blank.
      expect(drawn.pixelWidth).toBe(Math.floor(drawn.cssWidth * drawn.pixelRatio));
      expect(drawn.inkedPixels).toBeGreaterThan(0);
    }
    const download = pdf.getByRole('link', { name: '下载 PDF' });
    expect(await download.getAttribute('href')).toMatch(/^blob:/);
    expect(await download.getAttribute('download')).toBe(`${quote.number}-v${quote.version}.pdf`);
    // A button under the pointer shows its lighter hover colour; axe judges the one it settles on.
    await rep.mouse.move(0, 0);
    expect(await seriousViolations(rep)).toEqual([]);
    await shoot(rep, 'sales-quote');
    await visit(rep, '/sales/orders');
    await rep.getByRole('heading', { name: '订单' }).waitFor();
    expect(await seriousViolations(rep)).toEqual([]);
  });

  it("answers a rep's deep link to a colleague's opportunity with not found, as the API does", async () => {
    await rep.goto(`${crm.url}/console/sales/opportunities/${colleagues.id}`);
    const failure = rep.getByTestId('read-failure');
    await failure.waitFor();
    const apiStatus = await statusInBrowser(rep, `/opportunities/${colleagues.id}`);
    expect(apiStatus).toBe(404);
    expect(await failure.getAttribute('data-status')).toBe(String(apiStatus));
    await rep.getByRole('heading', { name: '未找到该记录' }).waitFor();
    expect(await rep.getByText(colleagues.name).count()).toBe(0);
    expect(await seriousViolations(rep)).toEqual([]);
    // Their own is there for them.
    await visit(rep, `/sales/opportunities/${toMove.id}`);
    await rep.getByTestId('opportunity-name').filter({ hasText: toMove.name }).waitFor();
  });

  it('lets a manager adjust a forecast with a note and shows it', async () => {
    const note = `经销商活动带来额外订单 ${RUN}`;
    await visit(manager, '/sales/team');
    const row = manager.getByTestId('forecast').getByRole('row').filter({ hasText: '王芳' });
    await row.waitFor();
    await manager.getByTestId('quota-progress').getByRole('row').filter({ hasText: '王芳' }).waitFor();
    expect(await seriousViolations(manager)).toEqual([]);
    await row.getByRole('button', { name: '调整（王芳）' }).click();
    await manager.getByLabel('预测金额（元）').fill('650000');
    await manager.getByLabel('调整说明').fill(note);
    await manager.getByRole('button', { name: '保存调整' }).click();
    await row.getByTestId('forecast-note').filter({ hasText: note }).waitFor();
    await row.getByText('¥650,000').waitFor();
    const forecasts = await crm.api<Forecasts>(MANAGER, '/forecasts');
    const adjusted = forecasts.people.find((person) => person.name === '王芳')?.adjusted;
    expect(adjusted).toEqual(expect.objectContaining({ note, amount: 650_000 }));
    await shoot(manager, 'sales-manager');
  });

  it('switches the manager view between Chinese and English', async () => {
    await manager.getByText('English', { exact: true }).click();
    await manager.getByRole('heading', { name: 'My team', level: 1 }).waitFor();
    await manager.getByRole('columnheader', { name: 'Adjustment note' }).waitFor();
    expect(await seriousViolations(manager)).toEqual([]);
    await shoot(manager, 'sales-manager-en');
    await manager.getByText('中文', { exact: true }).click();
    await manager.getByRole('heading', { name: '团队管理', level: 1 }).waitFor();
  });
});
