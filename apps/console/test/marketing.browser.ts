import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Browser, Page } from 'playwright-core';
import {
  launchChromium,
  newDesk,
  seriousViolations as axeFindings,
  shoot as shootPage,
  signIn,
} from './browser-kit';
import { ConsoleUnderTest } from './console-under-test';

interface Segment {
  id: string;
  name: string;
  version: number;
  rule: unknown;
}
interface Results {
  treated: { delivered: number; opened: number; clicked: number };
}
const OFFER_LINK = 'https://www.example.cn/spring-service';

/** The all-in-one writes campaign mail whole into its data folder, one file per message named by its idempotency key. */
function mailsOf(crm: ConsoleUnderTest, campaignId: string): string[] {
  const folder = join(crm.dataDir, 'campaign-mail');
  return readdirSync(folder)
    .filter((file) => file.startsWith(`${campaignId}.`))
    .map((file) => readFileSync(join(folder, file), 'utf8'));
}

/** The Subject header of a raw mail, its RFC 2047 encoded words decoded. */
function subjectOf(mail: string): string {
  const header = /^Subject: (.*(?:\r?\n[ \t].*)*)/m.exec(mail)?.[1] ?? '';
  return header
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=/gi, (_, encoding: string, text: string) =>
      encoding.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (__, hex: string) => String.fromCharCode(parseInt(hex, 16))),
            'latin1',
          ).toString('utf8'),
    );
}

/** The open pixel (`o`) or the first tracked link (`c`) in a raw mail's quoted-printable HTML part. */
function trackingUrl(mail: string, kind: 'o' | 'c'): string {
  const html = mail.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
  const url = new RegExp(`https?://[^"\\s]+/t/${kind}/[^"\\s]+`).exec(html)?.[0];
  if (!url) throw new Error(`no /t/${kind}/ link in the mail`);
  return url;
}

describe('the marketing area in a browser', () => {
  let crm: ConsoleUnderTest;
  let browser: Browser;
  let page: Page;
  // The suites share one all-in-one: this run's records carry a stamp of their own.
  const stamp = `B${Date.now().toString(36)}`;
  const segmentName = `浏览器测试细分 ${stamp}`;
  const subject = `{{name}}，春季保养关怀 ${stamp}`;
  let segment: Segment;
  let campaignId: string;

  beforeAll(async () => {
    [crm, browser] = await Promise.all([ConsoleUnderTest.start(), launchChromium()]);
    ({ page } = await newDesk(browser));
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await crm?.stop();
  });

  const shoot = (name: string, fullPage = true) => shootPage(page, name, fullPage);
  const seriousViolations = () => axeFindings(page);
  const pick = async (label: string, option: string) => {
    await page.getByLabel(label, { exact: true }).last().click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: option })
      .first()
      .click();
  };

  /** The count and first member on screen are the service's for this rule, evaluated unsaved. */
  const expectLiveCount = async (rule: object) => {
    const { count, items } = await crm.api<{ count: number; items: { name: string }[] }>(
      'marketer',
      '/segments/evaluate?limit=10',
      { method: 'POST', body: JSON.stringify({ rule }) },
    );
    expect(count).toBeGreaterThan(0);
    await page
      .getByTestId('segment-count')
      .filter({ hasText: new RegExp(`^${count}$`) })
      .waitFor();
    await page
      .getByTestId('segment-preview')
      .getByRole('cell', { name: items[0].name, exact: true })
      .first()
      .waitFor();
  };
  const stored = async () =>
    (await crm.api<{ items: Segment[] }>('marketer', '/segments?limit=100')).items.find(
      (candidate) => candidate.name === segmentName,
    );

  it('counts a rule live without saving it, and stores the segment only on Save', async () => {
    const evaluations: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/segments/evaluate')) evaluations.push(request.postData() ?? '');
    });
    await signIn(crm, page, 'marketer');
    await page.waitForURL('**/console/marketing/segments');
    await page.getByRole('heading', { name: '细分构建器' }).waitFor();
    await page.getByLabel('细分名称').fill(segmentName);
    await pick('条件字段', '营销许可');
    await pick('营销许可', '邮件');
    await expectLiveCount({ field: 'consent', channel: 'email' });
    expect(await stored()).toBeUndefined();

    await page.getByRole('button', { name: '保存细分' }).click();
    await page.getByText('已保存 · 第 1 版').waitFor();
    segment = (await stored()) as Segment;
    expect(segment).toMatchObject({ version: 1, rule: { field: 'consent', channel: 'email' } });

    // Widened live: email or SMS consent is counted at once, and stored only when saved again.
    await page.getByRole('button', { name: '添加条件' }).click();
    await pick('条件字段', '营销许可');
    await pick('营销许可', '短信');
    await pick('客户满足', '任一条件');
    const widened = {
      any: [
        { field: 'consent', channel: 'email' },
        { field: 'consent', channel: 'sms' },
      ],
    };
    await expectLiveCount(widened);
    await page.getByText('第 1 版之后有未保存的修改').waitFor();
    expect((await stored())?.version).toBe(1);
    // Debounced: a handful of evaluations for the whole editing, not one per keystroke or click.
    expect(evaluations.length).toBeLessThanOrEqual(6);
    expect(await seriousViolations()).toEqual([]);
    await shoot('marketing-segment');
    await page.getByRole('button', { name: '保存细分' }).click();
    await page.getByText('已保存 · 第 2 版').waitFor();
    expect(await stored()).toMatchObject({ version: 2, rule: widened });
  });

  it('creates an email campaign with a personalised template previewed for a sample member', async () => {
    await page.getByRole('link', { name: '用此细分创建活动' }).click();
    await page.waitForURL('**/console/marketing/campaigns/new?segment=*');
    await page.getByLabel('活动名称').fill(`春季保养关怀 ${stamp}`);
    await page.getByRole('button', { name: '下一步' }).click();

    await page.getByLabel('主题').fill(subject);
    await page.getByLabel('正文').fill('您好 ');
    await page.getByRole('button', { name: '姓名' }).click();
    await page.getByLabel('正文').press('End');
    await page.getByLabel('正文').pressSequentially(`，本月保养八折：${OFFER_LINK}`);
    const [sample] = (
      await crm.api<{ items: { name: string }[] }>('marketer', `/segments/${segment.id}/preview?limit=1`)
    ).items;
    const preview = page.getByTestId('template-preview');
    await preview.getByText(`${sample.name}，春季保养关怀 ${stamp}`).waitFor();
    await preview.getByText(`您好 ${sample.name}，本月保养八折：${OFFER_LINK}`).waitFor();
    expect(await seriousViolations()).toEqual([]);
    await shoot('marketing-campaign');

    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByText('对照组比例（不发送，用于衡量提升）').waitFor();
    expect(await seriousViolations()).toEqual([]);
    await page.getByRole('button', { name: '下一步' }).click();
    await page.getByRole('heading', { name: '请确认' }).waitFor();
    expect(await seriousViolations()).toEqual([]);
  });

  it('sends it: the mail reaches the all-in-one mailbox and the results show it delivered', async () => {
    await page.getByRole('button', { name: '创建并发送' }).click();
    await page.waitForURL(/\/console\/marketing\/campaigns\/[0-9a-f-]{36}$/);
    campaignId = page.url().split('/').pop() as string;
    await page.getByTestId('campaign-status').filter({ hasText: '已发送' }).waitFor({ timeout: 90_000 });

    const sent = await crm.api<Results>('marketer', `/campaigns/${campaignId}/results`);
    expect(sent.treated.delivered).toBeGreaterThan(0);
    const mails = mailsOf(crm, campaignId);
    expect(mails).toHaveLength(sent.treated.delivered);
    expect(subjectOf(mails[0])).toMatch(new RegExp(`^.+，春季保养关怀 ${stamp}$`));

    // Some customers read the mail (their mail client loads its pixel); one follows the offer link.
    const readers = mails.slice(0, Math.ceil(mails.length / 2));
    for (const mail of readers) expect((await fetch(trackingUrl(mail, 'o'))).status).toBe(200);
    const click = await fetch(trackingUrl(mails[0], 'c'), { redirect: 'manual' });
    expect(click.headers.get('location')).toBe(OFFER_LINK);
    // Back to the list and into the campaign again: the results are read afresh.
    await page.getByRole('menuitem', { name: '营销活动' }).click();
    await page.getByRole('link', { name: `春季保养关怀 ${stamp}` }).click();
    const funnel = page.getByTestId('results-funnel').getByRole('row');
    for (const [label, count] of [
      ['已送达', sent.treated.delivered],
      ['已打开', readers.length],
      ['已点击', 1],
    ] as const)
      await funnel
        .filter({ hasText: label })
        .getByRole('cell', { name: String(count), exact: true })
        .waitFor();
    expect(await seriousViolations()).toEqual([]);
    await shoot('marketing-results');
  });

  it('shows the results in English too', async () => {
    await page.getByTitle('English', { exact: true }).click();
    await page.getByRole('heading', { name: /^Campaign results/ }).waitFor();
    await page.getByTestId('results-funnel').getByRole('cell', { name: 'Delivered' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await seriousViolations()).toEqual([]);
    await shoot('marketing-results-en');
    await page.getByTitle('中文', { exact: true }).click();
    await page.getByRole('heading', { name: /^活动结果/ }).waitFor();
  });

  it('lists the campaign and shows the response model page', async () => {
    await page.getByRole('menuitem', { name: '营销活动' }).click();
    await page.getByRole('link', { name: `春季保养关怀 ${stamp}` }).waitFor();
    expect(await seriousViolations()).toEqual([]);
    await shoot('marketing-campaigns');
    await page.getByRole('menuitem', { name: '响应模型' }).click();
    await page.getByRole('heading', { name: '响应预测模型' }).waitFor();
    await page.getByRole('button', { name: '训练模型' }).waitFor();
    expect(await seriousViolations()).toEqual([]);
    await shoot('marketing-model');
  });
});
