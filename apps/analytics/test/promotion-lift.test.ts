import { randomBytes, randomUUID } from 'node:crypto';
import { EventEnvelope, PartnerKinds, Roles } from '@crm/contracts';
import { eventually } from '@crm/testing';
import { DataSource } from 'typeorm';
import { LIVE_TABLES } from '../src/projections/projection-tables';
import { CampaignRecipientStore, RecipientSettlement } from '../src/seven-ps/campaign-recipient-store';
import { AnalyticsHarness } from './analytics.harness';
import { customerState, daysAgo, registerCustomer } from './customer-value.fixture';
import { expectProcessed } from './processed-events';
import { projectionRebuild } from './rebuild.fixture';
import { RecipientOutcome, sendCampaign, settleRecipient } from './seven-ps.fixture';
import { publishEnvelopes, vehicleRegistered } from './ticket-events.fixture';

type Row = Record<string, string | number | null>;
type Outcome = RecipientOutcome;

const treated = (outcome: Outcome = {}): Outcome => ({ group: 'treated', ...outcome });
const held = (converted: boolean): Outcome => ({ group: 'holdout', responded: converted, converted });
const bought = (amount: number): Outcome => ({ responded: true, converted: true, conversionAmount: amount });
const times = <T>(n: number, make: () => T) => Array.from({ length: n }, make);

/**
 * A campaign to 34 customers with answers computed by hand. Zhejiang (born 1990): 20 treated, 12 of whom bought
 * (100,000 each) and 3 more only opened; 10 held out, 5 of whom bought. Jiangsu (born 2003, each owns a Beta): 4
 * treated, 1 bought (50,000), 1 more opened; none held out, so no lift.
 */
const ZHEJIANG: Outcome[] = [
  ...times(12, () => treated(bought(100_000))),
  ...times(3, () => treated({ opened: true, responded: true })),
  ...times(5, () => treated()),
  ...times(5, () => held(true)),
  ...times(5, () => held(false)),
];
const JIANGSU: Outcome[] = [
  treated(bought(50_000)),
  treated({ opened: true, responded: true }),
  treated(),
  treated(),
];

describe('campaign response and lift by segment from settled recipients (real Kafka and PostgreSQL)', () => {
  let harness: AnalyticsHarness;
  let analyst: string;
  const namespace = `t${randomBytes(4).toString('hex')}.`;
  const campaign = randomUUID();
  const FROM = daysAgo(365);
  const TO = new Date().toISOString();
  const window = `from=${FROM}&to=${TO}`;
  const settlements: EventEnvelope[] = [];

  const get = async (path: string, token = analyst, status = 200) =>
    (await harness.http().get(path).set('Authorization', token).expect(status)).body;
  const items = async (query: string): Promise<Row[]> =>
    (await get(`/analytics/seven-ps/promotion?${window}&${query}`)).items;
  const byKey = (rows: Row[], key: string) => Object.fromEntries(rows.map((row) => [String(row[key]), row]));
  const facts = async () =>
    Number(
      (
        await harness.query<{ n: number }>(`SELECT count(*)::int AS n FROM analytics.campaign_recipient_fact`)
      )[0].n,
    );

  async function audience(province: string, birthday: string, outcomes: Outcome[], model?: string) {
    for (const outcome of outcomes) {
      const customerId = randomUUID();
      await registerCustomer(harness, customerState(customerId, 'City', birthday, province), daysAgo(400));
      if (model) await vehicleRegistered(harness, model, customerId);
      settlements.push(await settleRecipient(harness, campaign, customerId, outcome));
    }
  }

  beforeAll(async () => {
    harness = await AnalyticsHarness.start({ kafkaNamespace: namespace });
    analyst = await harness.auth({ roles: [Roles.analyst] });
    // The settlements arrive before the campaign is known: the report shows them once it is.
    await audience('Zhejiang', '1990-06-01', ZHEJIANG);
    await audience('Jiangsu', '2003-01-01', JIANGSU.slice(0, -1), 'Beta');
    await eventually(() => expectProcessed(harness, settlements));
    // Redelivered through Kafka, then one more on the same key (so the same partition, read after them).
    await publishEnvelopes(harness, settlements.slice(0, 5));
    await audience('Jiangsu', '2003-01-01', JIANGSU.slice(-1), 'Beta');
    await eventually(() => expectProcessed(harness, settlements));
    await sendCampaign(harness, campaign, 'Winter service', 40, { sent: 24, failed: 0, skipped: {} });
    await eventually(async () => expect(await items('by=campaign')).toHaveLength(1));
    await eventually(async () => {
      const [row] = await harness.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM analytics.vehicle_model WHERE model = 'Beta'`,
      );
      expect(row.n).toBe(JIANGSU.length);
    });
  }, 180_000);

  afterAll(async () => {
    await harness?.stop();
  });

  it('projects each settlement once, a redelivered or replayed one too', async () => {
    expect(await facts()).toBe(34);
    await harness.app
      .get(DataSource)
      .transaction((tx) =>
        new CampaignRecipientStore(LIVE_TABLES).addSettlements(tx, settlements as RecipientSettlement[]),
      );
    expect(await facts()).toBe(34);
  });

  it('gives response, conversion and lift with its 95% interval per region, by hand-computed numbers', async () => {
    const rows = byKey(await items('by=region'), 'region');
    // p1 = 12/20 = 0.6, p2 = 5/10 = 0.5, d = 0.1; SE = sqrt(0.6*0.4/20 + 0.5*0.5/10) = sqrt(0.037) = 0.1923538;
    // margin = 1.959964 * 0.1923538 = 0.3770066.
    expect(rows.Zhejiang).toMatchObject({
      campaignId: campaign,
      recipients: 30,
      treated: 20,
      holdout: 10,
      treatedResponded: 15,
      holdoutResponded: 5,
      treatedConverted: 12,
      holdoutConverted: 5,
      revenue: 1_200_000,
      treatedResponseRate: 0.75,
      holdoutResponseRate: 0.5,
      treatedConversionRate: 0.6,
      holdoutConversionRate: 0.5,
      liftNote: null,
    });
    expect(rows.Zhejiang.lift).toBeCloseTo(0.1, 10);
    expect(rows.Zhejiang.liftLow).toBeCloseTo(-0.2770066, 6);
    expect(rows.Zhejiang.liftHigh).toBeCloseTo(0.4770066, 6);
    expect(rows.Jiangsu).toEqual({
      campaignId: campaign,
      region: 'Jiangsu',
      name: 'Winter service',
      recipients: 4,
      treated: 4,
      holdout: 0,
      treatedResponded: 2,
      holdoutResponded: 0,
      treatedConverted: 1,
      holdoutConverted: 0,
      revenue: 50_000,
      treatedResponseRate: 0.5,
      holdoutResponseRate: null,
      treatedConversionRate: 0.25,
      holdoutConversionRate: null,
      lift: null,
      liftLow: null,
      liftHigh: null,
      liftNote: 'no holdout group',
    });
  });

  it('splits by age band and model owned, and totals the campaign', async () => {
    const ages = byKey(await items('by=ageBand'), 'ageBand');
    expect(ages['35-44']).toMatchObject({ recipients: 30, treatedConverted: 12, holdoutConverted: 5 });
    expect(ages['<25']).toMatchObject({ recipients: 4, holdout: 0, lift: null });
    const models = byKey(await items('by=model'), 'model');
    expect(models.Beta).toMatchObject({ recipients: 4, revenue: 50_000, liftLow: null });
    expect(models.null).toMatchObject({ recipients: 30 });
    const [total] = await items('by=campaign');
    // p1 = 13/24, p2 = 5/10: d = 0.0416667; SE = sqrt((13/24)(11/24)/24 + 0.025) = 0.1878...
    expect(total).toMatchObject({ name: 'Winter service', recipients: 34, treated: 24, holdout: 10 });
    expect(total.revenue).toBe(1_250_000);
    expect(total.lift).toBeCloseTo(13 / 24 - 0.5, 10);
    expect(total.liftLow).toBeCloseTo(-0.3268083, 6);
    expect(total.liftHigh).toBeCloseTo(0.4101416, 6);
  });

  it('filters, pages and streams the same rows as CSV, an absent interval as an empty cell', async () => {
    const filtered = await get(`/analytics/seven-ps/promotion?${window}&by=region&region=Jiangsu&limit=1`);
    expect(filtered).toMatchObject({ total: 1, limit: 1, by: 'region' });
    expect(filtered.window.basis).toMatch(/attribution window closed/);
    expect(filtered.freshness.newestEventAt).not.toBeNull();
    const csv = await harness
      .http()
      .get(`/analytics/seven-ps/promotion/export?${window}&by=region&region=Jiangsu`)
      .set('Authorization', analyst)
      .expect(200)
      .expect('content-type', /text\/csv/);
    const [header, row] = csv.text.trim().split('\r\n');
    expect(header).toContain('"lift","liftLow","liftHigh"');
    expect(row).not.toContain('NaN');
    const problem = await get(`/analytics/seven-ps/promotion?${window}&by=channel`, analyst, 400);
    expect(JSON.stringify(problem)).toContain('"by"');
  });

  it('lets analysts and managers read, and no dealer in', async () => {
    await get(`/analytics/seven-ps/promotion?by=region`, await harness.auth({ roles: [Roles.salesManager] }));
    const dealer = await harness.auth({
      roles: [Roles.dealer],
      partnerId: randomUUID(),
      partnerKind: PartnerKinds.dealer,
    });
    await get(`/analytics/seven-ps/promotion?by=region`, dealer, 403);
  });

  it('gives the same numbers after a rebuild from offset zero', async () => {
    const everything = async () => {
      const all: Record<string, Row[]> = {};
      for (const by of ['campaign', 'tier', 'ageBand', 'region', 'model']) all[by] = await items(`by=${by}`);
      return all;
    };
    const before = await everything();
    await projectionRebuild(harness, namespace, 'promotion').run();
    expect(await everything()).toEqual(before);
    expect(await facts()).toBe(34);
  }, 120_000);
});
