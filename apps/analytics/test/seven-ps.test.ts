import { randomBytes, randomUUID } from 'node:crypto';
import { EventEnvelope, PartnerKinds, Roles } from '@crm/contracts';
import { eventually } from '@crm/testing';
import { CustomerValueRecomputeLoop } from '../src/customer-value/customer-value-recompute.loop';
import { AnalyticsHarness } from './analytics.harness';
import { projectionRebuild } from './rebuild.fixture';
import { expectProcessed } from './processed-events';
import { customerState, daysAgo, placeOrder, recordRepair, registerCustomer } from './customer-value.fixture';
import { registerDealer } from './sales-events.fixture';
import { captureLead, convertLead, LeadStory, sendCampaign, unsubscribe } from './seven-ps.fixture';
import { registerStation, vehicleRegistered } from './ticket-events.fixture';

type Row = Record<string, string | number | null>;

/** A campaign's (or segment's) settled-recipient figures before anyone's attribution window closed. */
const NOBODY_SETTLED = {
  recipients: 0,
  treated: 0,
  holdout: 0,
  treatedResponded: 0,
  holdoutResponded: 0,
  treatedConverted: 0,
  holdoutConverted: 0,
  revenue: 0,
  treatedResponseRate: null,
  holdoutResponseRate: null,
  treatedConversionRate: null,
  holdoutConversionRate: null,
  lift: null,
  liftLow: null,
  liftHigh: null,
  liftNote: 'no holdout group',
};

/**
 * Four customers with known answers. A (platinum, Zhejiang, 35-44, owns an Alpha) bought twice in the window;
 * B (Jiangsu, under 25, owns a Beta, registered in the window) once; C (Zhejiang, no birthday) had a paid
 * repair, then bought; D (no profile) bought in the window and once long before it.
 */
describe('the Seven Ps reports from sales, service, customer and campaign events (real Kafka and PostgreSQL)', () => {
  let harness: AnalyticsHarness;
  let analyst: string;
  const namespace = `t${randomBytes(4).toString('hex')}.`;
  const [A, B, C, D] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
  const [shanghaiDealer, jiangsuDealer] = [randomUUID(), randomUUID()];
  const campaign = randomUUID();
  const FROM = daysAgo(365);
  const TO = new Date().toISOString();
  const window = `from=${FROM}&to=${TO}`;
  const leads: Record<string, LeadStory> = {
    web: { leadId: randomUUID(), source: 'web_form', customerId: B, campaignId: campaign },
    webNoCustomer: { leadId: randomUUID(), source: 'web_form', customerId: null, campaignId: null },
    dealer: { leadId: randomUUID(), source: 'dealer', customerId: C, campaignId: campaign },
  };
  const published: EventEnvelope[] = [];
  let springSentAt: string;

  const get = async (path: string, token = analyst, status = 200) =>
    (await harness.http().get(path).set('Authorization', token).expect(status)).body;
  const report = (p: string, query = '') => get(`/analytics/seven-ps/${p}?${window}&${query}`);
  const items = async (p: string, query = ''): Promise<Row[]> => (await report(p, query)).items;
  /** Rows keyed by their key columns, so no test leans on the database's collation. */
  const keyed = (rows: Row[], ...keys: string[]) =>
    Object.fromEntries(
      rows.map((row) => {
        const rest = { ...row };
        for (const key of keys) delete rest[key];
        return [keys.map((key) => String(row[key])).join('/'), rest];
      }),
    );
  const processed = (events: EventEnvelope[]) => expectProcessed(harness, events);

  beforeAll(async () => {
    harness = await AnalyticsHarness.start({ kafkaNamespace: namespace });
    analyst = await harness.auth({ roles: [Roles.analyst] });
    await harness.app.get(CustomerValueRecomputeLoop).onApplicationShutdown();
    await registerDealer(harness, shanghaiDealer, 'Shanghai');
    await registerDealer(harness, jiangsuDealer, 'Jiangsu');
    const station = await registerStation(harness, 'Station Hangzhou', 'Zhejiang');
    const order = (
      customer: string,
      amount: number,
      days: number,
      dealerId: string,
      lines: Array<[string, number, number]>,
    ) => placeOrder(harness, customer, amount, days, randomUUID(), { dealerId, lines });
    const spring = await sendCampaign(harness, campaign, 'Spring', 30, {
      sent: 100,
      failed: 2,
      skipped: { no_consent: 3, erased: 1 },
    });
    springSentAt = (spring[1].payload as { sentAt: string }).sentAt;
    published.push(
      await registerCustomer(harness, customerState(A, 'Hangzhou', '1990-06-01'), daysAgo(900)),
      await registerCustomer(harness, customerState(B, 'Nanjing', '2003-01-01', 'Jiangsu'), daysAgo(20)),
      await registerCustomer(harness, customerState(C, 'Ningbo', null), daysAgo(500)),
      await vehicleRegistered(harness, 'Alpha', A),
      await vehicleRegistered(harness, 'Beta', B),
      await order(A, 300_000, 10, shanghaiDealer, [['Alpha', 1, 300_000]]),
      await order(A, 200_000, 100, shanghaiDealer, [['Beta', 1, 200_000]]),
      await order(B, 400_000, 20, jiangsuDealer, [['Alpha', 2, 400_000]]),
      await recordRepair(harness, C, 5_000, 40, station),
      await order(C, 100_000, 30, jiangsuDealer, [['Beta', 1, 100_000]]),
      await order(D, 250_000, 200, shanghaiDealer, [['Alpha', 1, 250_000]]),
      await order(D, 50_000, 800, shanghaiDealer, [['Alpha', 1, 50_000]]),
      // A warranty repair is no visit.
      await recordRepair(harness, D, 0, 5, station),
      // The conversion arrives before the capture: the lead still counts once, converted.
      await convertLead(harness, leads.web, 25),
      await captureLead(harness, leads.web, 50),
      await captureLead(harness, leads.webNoCustomer, 45),
      await captureLead(harness, leads.dealer, 10),
      ...spring,
      ...(await sendCampaign(harness, randomUUID(), 'Long ago', 400, { sent: 10, failed: 0, skipped: {} })),
      await unsubscribe(harness, campaign, A),
    );
    await eventually(() => processed(published));
    await eventually(async () => {
      const [{ partners }] = await harness.query<{ partners: number }>(
        `SELECT (SELECT count(*) FROM analytics.dealer) + (SELECT count(*) FROM analytics.station) AS partners`,
      );
      expect(Number(partners)).toBe(3);
    });
    await harness
      .http()
      .post('/analytics/customer-value/recompute')
      .set('Authorization', analyst)
      .expect(200);
  }, 120_000);

  afterAll(async () => {
    await harness?.stop();
  });

  it('profiles the customers by tier, model owned and age band, with the new ones of the window', async () => {
    const byTier = await report('profiling');
    expect(byTier).toMatchObject({
      p: 'profiling',
      by: 'tier',
      window: { from: FROM, to: TO },
      currency: 'CNY',
      total: 2,
      columns: ['tier', 'customers', 'newCustomers', 'share'],
    });
    expect(byTier.window.basis).toMatch(/registered before/);
    expect(byTier.freshness.newestEventAt).not.toBeNull();
    expect(keyed(byTier.items, 'tier')).toEqual({
      platinum: { customers: 1, newCustomers: 0, share: 0.25 },
      lead: { customers: 3, newCustomers: 1, share: 0.75 },
    });
    expect(keyed(await items('profiling', 'by=model'), 'model')).toEqual({
      Alpha: { customers: 1, newCustomers: 0, share: 0.25 },
      Beta: { customers: 1, newCustomers: 1, share: 0.25 },
      null: { customers: 2, newCustomers: 0, share: 0.5 },
    });
    expect(keyed(await items('profiling', 'by=ageBand&region=Zhejiang'), 'ageBand')).toEqual({
      '35-44': { customers: 1, newCustomers: 0, share: 0.5 },
      null: { customers: 1, newCustomers: 0, share: 0.5 },
    });
  });

  it('measures retention, repeat purchases and loyalty per tier', async () => {
    expect(keyed(await items('persistency'), 'tier')).toEqual({
      platinum: {
        customers: 1,
        retained: 1,
        retentionRate: 1,
        buyers: 1,
        repeatBuyers: 1,
        repeatPurchaseRate: 1,
        multiPurchaseBuyers: 1,
        loyalty: 1,
      },
      lead: {
        customers: 3,
        retained: 1,
        retentionRate: 1 / 3,
        buyers: 3,
        repeatBuyers: 0,
        repeatPurchaseRate: 0,
        multiPurchaseBuyers: 1,
        loyalty: 1 / 3,
      },
    });
  });

  it('sums the customer-value figures per tier over the recompute’s window, refusing a window of its own', async () => {
    const profitability = await get('/analytics/seven-ps/profitability');
    expect(profitability.missing).toEqual([expect.stringMatching(/^margin/)]);
    expect(new Date(profitability.window.to).getTime() - new Date(profitability.window.from).getTime()).toBe(
      730 * 86_400_000,
    );
    const rows = keyed(profitability.items, 'tier');
    expect(rows.platinum).toMatchObject({ customers: 1, value: 500_000, lifetimeRevenue: 500_000 });
    expect(rows.lead).toMatchObject({ customers: 3, value: 755_000, lifetimeRevenue: 805_000 });
    expect(rows.platinum.valueShare).toBeCloseTo(500 / 1255, 9);
    const refused = await get(`/analytics/seven-ps/profitability?from=${FROM}`, analyst, 400);
    expect(JSON.stringify(refused)).toContain('from');
  });

  it('splits revenue by product, channel and the selling region', async () => {
    const byProduct = keyed(await items('performance'), 'product');
    expect(byProduct).toEqual({
      Alpha: { revenue: 950_000, revenueShare: expect.any(Number), units: 4, sales: 3 },
      Beta: { revenue: 300_000, revenueShare: expect.any(Number), units: 2, sales: 2 },
      repair: { revenue: 5_000, revenueShare: expect.any(Number), units: 1, sales: 1 },
    });
    expect(byProduct.Alpha.revenueShare).toBeCloseTo(950 / 1255, 9);
    expect(keyed(await items('performance', 'by=channel'), 'channel')).toMatchObject({
      sales: { revenue: 1_250_000, units: 6, sales: 5 },
      service: { revenue: 5_000, units: 1, sales: 1 },
    });
    expect(keyed(await items('performance', 'by=region&model=Alpha'), 'region')).toMatchObject({
      Shanghai: { revenue: 550_000 },
      Jiangsu: { revenue: 400_000 },
    });
  });

  it('counts leads captured per source and month, converted and turned buyers', async () => {
    const month = (days: number) => daysAgo(days).slice(0, 7);
    const rows = await items('prospecting');
    const bySource = (source: string) => rows.filter((row) => row.source === source);
    // The two web leads may fall in different months.
    const web = bySource('web_form');
    expect(web.map((row) => row.month).sort()).toEqual([...new Set([month(50), month(45)])].sort());
    expect(web.reduce((sum, row) => sum + Number(row.leads), 0)).toBe(2);
    expect(web.reduce((sum, row) => sum + Number(row.converted), 0)).toBe(1);
    expect(web.reduce((sum, row) => sum + Number(row.buyers), 0)).toBe(1);
    expect(bySource('dealer')).toEqual([
      { source: 'dealer', month: month(10), leads: 1, converted: 0, conversionRate: 0, buyers: 0 },
    ]);
    expect((await items('prospecting', 'source=dealer')).map((row) => row.source)).toEqual(['dealer']);
  });

  it('crosses products with the buyers’ tiers', async () => {
    expect(keyed(await items('product'), 'model', 'tier')).toEqual({
      'Alpha/platinum': { buyers: 1, units: 1, revenue: 300_000, modelShare: 300 / 950 },
      'Alpha/lead': { buyers: 2, units: 3, revenue: 650_000, modelShare: 650 / 950 },
      'Beta/platinum': { buyers: 1, units: 1, revenue: 200_000, modelShare: 2 / 3 },
      'Beta/lead': { buyers: 1, units: 1, revenue: 100_000, modelShare: 1 / 3 },
    });
  });

  it('reports campaign responses from what the events carry, and says what is missing', async () => {
    const promotion = await report('promotion');
    expect(promotion.missing).toEqual([
      expect.stringMatching(/attribution window is still open/),
      expect.stringMatching(/tier at settlement/),
    ]);
    expect(promotion.items).toEqual([
      {
        campaignId: campaign,
        name: 'Spring',
        channel: 'email',
        sentAt: springSentAt,
        sent: 100,
        failed: 2,
        skipped: 4,
        leads: 2,
        convertedLeads: 1,
        leadRate: 0.02,
        unsubscribed: 1,
        unsubscribeRate: 0.01,
        ...NOBODY_SETTLED,
      },
    ]);
    // Response and lift by segment come from settled recipients (promotion-lift.test.ts); none settled here.
    expect(await items('promotion', 'by=tier')).toEqual([]);
  });

  it('pages, streams CSV, and names the field of a bad request', async () => {
    const page = await report('performance', 'limit=1&offset=1');
    expect(page).toMatchObject({ limit: 1, offset: 1, total: 3 });
    expect(page.items).toHaveLength(1);
    const csv = await harness
      .http()
      .get(`/analytics/seven-ps/performance/export?${window}&by=channel`)
      .set('Authorization', analyst)
      .expect(200)
      .expect('content-type', /text\/csv/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('"channel","revenue","revenueShare","units","sales"');
    expect(lines).toHaveLength(3);
    const empty = await report('promotion', `by=region&region=Tibet`);
    expect(empty).toMatchObject({
      total: 0,
      items: [],
      columns: ['campaignId', 'region', 'name', ...Object.keys(NOBODY_SETTLED)],
    });
    for (const [path, field] of [
      ['/analytics/seven-ps/price', 'p'],
      ['/analytics/seven-ps/performance?by=tier', 'by'],
      ['/analytics/seven-ps/prospecting?region=Zhejiang', 'region'],
      ['/analytics/seven-ps/product?ageBand=old', 'ageBand'],
      ['/analytics/seven-ps/product/export?tier=diamond', 'tier'],
    ]) {
      const problem = await get(path, analyst, 400);
      expect(JSON.stringify(problem)).toContain(`"${field}"`);
    }
  });

  it('lets analysts and managers read, and no partner in', async () => {
    await get('/analytics/seven-ps/profiling', await harness.auth({ roles: [Roles.serviceManager] }));
    const dealer = await harness.auth({
      roles: [Roles.dealer],
      partnerId: shanghaiDealer,
      partnerKind: PartnerKinds.dealer,
    });
    await get('/analytics/seven-ps/profiling', dealer, 403);
    await harness.http().get('/analytics/seven-ps/profiling').expect(401);
  });

  it('gives the same numbers after a rebuild from offset zero', async () => {
    const everything = async () => {
      const all: Record<string, Row[]> = {};
      for (const [p, groupings] of Object.entries({
        profiling: ['tier', 'model', 'ageBand', 'region'],
        persistency: ['tier', 'segment', 'region', 'ageBand'],
        profitability: ['tier', 'segment'],
        performance: ['product', 'channel', 'region'],
        prospecting: ['source'],
        product: ['tier', 'ageBand', 'region'],
        promotion: ['campaign', 'tier'],
      }))
        for (const by of groupings)
          all[`${p}/${by}`] = (
            await get(`/analytics/seven-ps/${p}?by=${by}${p === 'profitability' ? '' : `&${window}`}`)
          ).items;
      return all;
    };
    const before = await everything();
    await projectionRebuild(harness, namespace, 'sevenps').run();
    expect(await everything()).toEqual(before);
  }, 120_000);
});
