import { Browser, Page } from 'playwright-core';
import { launchChromium, newDesk, seriousViolations as axeFindings, shoot, signIn } from './browser-kit';
import { ConsoleUnderTest } from './console-under-test';

interface CustomerCampaign {
  campaignId: string;
  name: string;
  sentAt: string | null;
  reply: { outcome: string | null } | null;
}
interface Customer360 {
  profile: { name: string };
  valueTier: { tier: string } | null;
  nextBestOffer: { product: string } | null;
  openOpportunities: { opportunityId: string; name: string }[];
  interactions: { subject: string; outcome: string | null }[];
}

const TIER_NAMES: Record<string, string> = {
  platinum: '铂金客户',
  gold: '黄金客户',
  iron: '铁牌客户',
  lead: '铅牌客户',
};
const ARRANGED_WITHIN_MS = 240_000;
const TEMPLATE = {
  'zh-CN': {
    subject: '{{name}}，新车试驾邀请',
    body: '{{name}}您好：欢迎到店试驾新车。退订：{{unsubscribeUrl}}',
  },
};

const until = async <T>(what: string, found: () => Promise<T | undefined>): Promise<T> => {
  const deadline = Date.now() + ARRANGED_WITHIN_MS;
  while (Date.now() < deadline) {
    const result = await found();
    if (result !== undefined) return result;
    await new Promise((wait) => setTimeout(wait, 2000));
  }
  throw new Error(`${what} did not happen in time`);
};

describe('the customer 360 on the agent desktop: value tier, open deals, offers and campaign responses', () => {
  let crm: ConsoleUnderTest;
  let browser: Browser;
  let page: Page;
  /** A demo customer analytics tiered, reached by a campaign of this suite's own. */
  let customerId: string;
  let campaign: CustomerCampaign;
  /** Names this run's own records apart from those of other runs on the same data. */
  const run = Date.now().toString(36).slice(-4).toUpperCase();
  const opportunityName = `Nova E3 换购 ${run}`;

  const agentApi = <T>(path: string) => crm.api<T>('agent', path);
  const seriousViolations = () => axeFindings(page);
  /**
   * Text shaped before the stand-in CJK font arrived can keep its missing-glyph boxes through the kit's relayout;
   * a changed font description makes Chromium shape all of it again, with the font.
   */
  const picture = async (name: string, fullPage = true) => {
    await page.addStyleTag({ content: '*{font-kerning:none!important}' });
    await shoot(page, name, fullPage);
  };

  /** Tiers and next best offers come with analytics' and campaigns' recomputes; one with an offer makes the picture. */
  async function tieredCustomer(): Promise<string> {
    await crm.api('analyst', '/analytics/customer-value/recompute', { method: 'POST' });
    await crm.api('marketer', '/cross-sell/recompute', { method: 'POST' });
    const { items } = await agentApi<{ items: { id: string }[] }>('/customers?limit=100');
    return until('a tiered demo customer', async () => {
      const tiered: { id: string; view: Customer360 }[] = [];
      for (const { id } of items) {
        const view = await agentApi<Customer360>(`/customers/${id}/360`);
        if (view.valueTier) tiered.push({ id, view });
      }
      return (tiered.find(({ view }) => view.nextBestOffer) ?? tiered[0])?.id;
    });
  }

  /** A one-person static list and an email campaign to it, sent now. */
  async function campaignTo(id: string): Promise<CustomerCampaign> {
    const { segment } = await crm.api<{ segment: { id: string } }>(
      'marketer',
      `/segments/static?name=${encodeURIComponent(`试驾邀请 ${run}`)}`,
      { method: 'POST', headers: { 'content-type': 'text/csv' }, body: `customer_id\n${id}\n` },
    );
    const created = await crm.api<{ id: string }>('marketer', '/campaigns', {
      method: 'POST',
      body: JSON.stringify({
        name: `试驾邀请 ${run}`,
        channel: 'email',
        segmentId: segment.id,
        template: TEMPLATE,
      }),
    });
    await crm.api('marketer', `/campaigns/${created.id}/schedule`, { method: 'POST', body: '{}' });
    return until('the campaign reaching the customer', async () =>
      (await agentApi<CustomerCampaign[]>(`/customers/${id}/campaigns`)).find(
        (candidate) => candidate.campaignId === created.id,
      ),
    );
  }

  beforeAll(async () => {
    [crm, browser] = await Promise.all([ConsoleUnderTest.start(), launchChromium()]);
    customerId = await tieredCustomer();
    campaign = await campaignTo(customerId);
    await crm.api('sales.rep', '/opportunities', {
      method: 'POST',
      body: JSON.stringify({
        name: opportunityName,
        customerId,
        stage: 'test_drive',
        amount: { amount: 189_000 },
        expectedCloseDate: '2027-01-15',
      }),
    });
    ({ page } = await newDesk(browser));
    await signIn(crm, page, 'agent');
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await crm?.stop();
  });

  it("shows the customer's value tier as analytics has it, and the opportunity sales opened", async () => {
    const { tier } = await crm.api<{ tier: string }>('analyst', `/analytics/customers/${customerId}/value`);
    await page.goto(`${crm.url}/console/agent/customers/${customerId}`);
    await page.getByTestId('value-tier').filter({ hasText: TIER_NAMES[tier] }).waitFor();
    const opportunity = page
      .getByTestId('opportunities')
      .getByRole('row')
      .filter({ hasText: opportunityName });
    await opportunity.waitFor({ timeout: 60_000 });
    expect(await opportunity.textContent()).toContain('试驾');
    await page.getByTestId('campaigns').getByRole('row').filter({ hasText: campaign.name }).first().waitFor();
    expect(await seriousViolations()).toEqual([]);
  });

  it('records the customer’s answer to a campaign during the call; campaigns keeps it as their reply', async () => {
    const row = page.getByTestId('campaigns').locator(`tr[data-row-key="${campaign.campaignId}"]`);
    await row.getByRole('button', { name: '记录回应' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('radio', { name: '感兴趣', exact: true }).check();
    await dialog.getByLabel('备注').fill('想周末来店试驾');
    expect(await seriousViolations()).toEqual([]);
    await picture('campaign-response', false);
    await dialog.getByRole('button', { name: '保存回应' }).click();

    await row.getByText('感兴趣').waitFor({ timeout: 60_000 });
    const subject = `活动回应：${campaign.name}`;
    await page.getByRole('row').filter({ hasText: subject }).filter({ hasText: '感兴趣' }).waitFor();
    const answered = (await agentApi<CustomerCampaign[]>(`/customers/${customerId}/campaigns`)).find(
      (candidate) => candidate.campaignId === campaign.campaignId,
    );
    expect(answered?.reply).toMatchObject({ outcome: 'interested' });
    const view = await agentApi<Customer360>(`/customers/${customerId}/360`);
    expect(view.interactions).toContainEqual(expect.objectContaining({ subject, outcome: 'interested' }));
    expect(await seriousViolations()).toEqual([]);
    await picture('customer-360');
  });
});
