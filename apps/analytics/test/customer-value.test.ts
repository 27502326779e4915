import { randomBytes, randomUUID } from 'node:crypto';
import {
  CustomerValueTierChanged,
  EVENT_REGISTRY,
  EventEnvelope,
  PartnerKinds,
  Roles,
  topicFor,
  validateEvent,
} from '@crm/contracts';
import { RandomIdGenerator, SystemClock } from '@crm/core';
import { EventFactory, headersFor, MessageHeaders, messagesOf, OutboxRow, readJson } from '@crm/messaging';
import { eventually, readTopicRecords } from '@crm/testing';
import { CustomerValueRecompute } from '../src/customer-value/customer-value-recompute';
import { CustomerValueRecomputeLoop } from '../src/customer-value/customer-value-recompute.loop';
import { AnalyticsHarness } from './analytics.harness';
import { projectionRebuild } from './rebuild.fixture';
import { expectProcessed } from './processed-events';
import {
  customerState,
  daysAgo,
  eraseCustomer,
  placeOrder,
  recordRepair,
  registerCustomer,
  updateCustomer,
} from './customer-value.fixture';
import { publishEnvelopes } from './ticket-events.fixture';

/** The keys of a tier event built in Node (EventFactory.create, numbered by Outbox.addMany). */
const NODE_ENVELOPE_KEYS = Object.keys({
  ...new EventFactory('analytics', new SystemClock(), new RandomIdGenerator()).create(
    CustomerValueTierChanged,
    randomUUID(),
    { customerId: randomUUID(), tier: 'gold', previousTier: null, value: 1, currency: 'CNY', computedAt: '' },
  ),
  aggregateSequence: 1,
}).sort();

/** Ten buyers with known answers (worked out in ADR 0027's example): [days ago, amount] per purchase. */
const PURCHASES: Record<string, Array<[number, number]>> = {
  A: [
    [10, 300_000],
    [100, 200_000],
  ],
  B: [[20, 400_000]],
  C: [[30, 100_000]],
  D: [[200, 250_000]],
  E: [[300, 150_000]],
  F: [[400, 80_000]],
  G: [[500, 60_000]],
  H: [[600, 50_000]],
  I: [[700, 40_000]],
  // Outside the 730-day window: lifetime revenue only.
  J: [[800, 120_000]],
};
const EXPECTED: Record<
  string,
  { r: number; f: number; m: number; segment: string; potential: number; tier: string }
> = {
  A: { r: 5, f: 5, m: 5, segment: 'champions', potential: 250_000, tier: 'platinum' },
  B: { r: 5, f: 1, m: 5, segment: 'loyal', potential: 200_000, tier: 'iron' },
  C: { r: 4, f: 5, m: 3, segment: 'champions', potential: 52_500, tier: 'lead' },
  D: { r: 4, f: 1, m: 4, segment: 'loyal', potential: 125_000, tier: 'lead' },
  E: { r: 3, f: 1, m: 4, segment: 'loyal', potential: 75_000, tier: 'lead' },
  F: { r: 3, f: 1, m: 3, segment: 'needs_attention', potential: 40_000, tier: 'lead' },
  G: { r: 2, f: 1, m: 2, segment: 'hibernating', potential: 30_000, tier: 'lead' },
  H: { r: 2, f: 1, m: 2, segment: 'hibernating', potential: 25_000, tier: 'lead' },
  I: { r: 1, f: 1, m: 1, segment: 'lost', potential: 10_000, tier: 'lead' },
  J: { r: 1, f: 1, m: 1, segment: 'lost', potential: 30_000, tier: 'lead' },
};

describe('customer value from order, repair and customer events (real Kafka and PostgreSQL)', () => {
  let harness: AnalyticsHarness;
  let analyst: string;
  const namespace = `t${randomBytes(4).toString('hex')}.`;
  const ids = Object.fromEntries(Object.keys(PURCHASES).map((name) => [name, randomUUID()]));
  const published: EventEnvelope[] = [];

  const processed = (events: EventEnvelope[]) => expectProcessed(harness, events);
  const get = async (path: string, token = analyst, status = 200) =>
    (await harness.http().get(path).set('Authorization', token).expect(status)).body;
  const recompute = async () =>
    (
      await harness
        .http()
        .post('/analytics/customer-value/recompute')
        .set('Authorization', analyst)
        .expect(200)
    ).body;
  const card = (name: string) => get(`/analytics/customers/${ids[name]}/value`);
  const tierEvents = async () => harness.outbox(CustomerValueTierChanged.type);
  const values = () =>
    harness.query(
      `SELECT customer_id, purchases, value, lifetime_revenue, average_order_value, recency_score, frequency_score,
         monetary_score, segment, potential_value, churn_risk, clv, tier FROM analytics.customer_value ORDER BY customer_id`,
    );

  beforeAll(async () => {
    harness = await AnalyticsHarness.start({ kafkaNamespace: namespace });
    analyst = await harness.auth({ roles: [Roles.analyst] });
    // The schedule waits until the test says (it would value half the fixture): see the tier-event test.
    await harness.app.get(CustomerValueRecomputeLoop).onApplicationShutdown();
    for (const [name, purchases] of Object.entries(PURCHASES))
      for (const [days, amount] of purchases)
        published.push(await placeOrder(harness, ids[name], amount, days));
    published.push(await recordRepair(harness, ids.C, 5_000, 40));
    // A warranty repair is no purchase.
    published.push(await recordRepair(harness, ids.D, 0, 5));
    published.push(
      await registerCustomer(harness, customerState(ids.A, 'Hangzhou', '1990-06-01'), daysAgo(900)),
    );
    await eventually(() => processed(published));
  }, 120_000);

  afterAll(async () => {
    await harness?.stop();
  });

  it('computes value, RFM, segment, potential value, churn risk, CLV and tier with the known answers', async () => {
    const result = await recompute();
    expect(result).toMatchObject({ customers: 10 });
    for (const [name, expected] of Object.entries(EXPECTED)) {
      const { customer } = await card(name);
      expect({
        name,
        r: customer.recencyScore,
        f: customer.frequencyScore,
        m: customer.monetaryScore,
        segment: customer.segment,
        potential: customer.potentialValue,
        tier: customer.tier,
      }).toEqual({ name, ...expected });
    }
    const a = (await card('A')).customer;
    expect(a).toMatchObject({
      purchases: 2,
      value: 500_000,
      lifetimeRevenue: 500_000,
      averageOrderValue: 250_000,
      clv: 1_250_000,
      churnRisk: 'low',
      city: 'Hangzhou',
      province: 'Zhejiang',
    });
    expect(a.churnRatio).toBeCloseTo(10 / 90, 2);
    // C bought twice within 10 days and not for 30: high; D once, 200 days ago, against a typical 50: high.
    expect((await card('C')).customer).toMatchObject({ churnRisk: 'high', purchases: 2, value: 105_000 });
    expect((await card('D')).customer).toMatchObject({ churnRisk: 'high', purchases: 1 });
    expect((await card('J')).customer).toMatchObject({
      purchases: 0,
      value: 0,
      lifetimeRevenue: 120_000,
      clv: 210_000,
    });
  });

  it('summarises the distribution, tiers, segments and the Pareto view, stating window and freshness', async () => {
    const summary = await get('/analytics/customer-value/summary');
    expect(summary.distribution).toMatchObject({ customers: 10, totalValue: 1_635_000, mean: 163_500 });
    expect(summary.tiers).toEqual([
      { tier: 'platinum', customers: 1, value: 500_000 },
      { tier: 'gold', customers: 0, value: 0 },
      { tier: 'iron', customers: 1, value: 400_000 },
      { tier: 'lead', customers: 8, value: 735_000 },
    ]);
    expect(
      Object.fromEntries(
        summary.segments.map((s: { segment: string; customers: number }) => [s.segment, s.customers]),
      ),
    ).toEqual({
      champions: 2,
      loyal: 3,
      promising: 0,
      needs_attention: 1,
      at_risk: 0,
      hibernating: 2,
      lost: 2,
    });
    expect(summary.pareto).toMatchObject({ topShare: 0.2, topCustomers: 2, topValue: 900_000 });
    expect(summary.pareto.valueShare).toBeCloseTo(900_000 / 1_635_000, 6);
    expect(summary.currency).toBe('CNY');
    expect(summary.measure).toMatch(/^revenue/);
    expect(summary.window.basis).toMatch(/orders and paid repairs/);
    expect(new Date(summary.window.to).getTime() - new Date(summary.window.from).getTime()).toBe(
      730 * 86_400_000,
    );
    expect(summary.freshness.computedAt).toBe(summary.window.to);
    expect(summary.freshness.newestEventAt).not.toBeNull();
  });

  it('publishes one tier event per actual change, and none for a recompute that changes nothing', async () => {
    const first = await tierEvents();
    expect(first).toHaveLength(10);
    expect(first.find((event) => event.aggregateId === ids.A)?.payload).toMatchObject({
      customerId: ids.A,
      tier: 'platinum',
      previousTier: null,
      value: 500_000,
      currency: 'CNY',
    });
    expect((await recompute()).tierChanges).toBe(0);
    expect(await tierEvents()).toHaveLength(10);

    // Nothing new: the schedule finds no recompute due.
    expect(await harness.app.get(CustomerValueRecompute).recomputeIfDue()).toBeNull();

    // B buys again and overtakes A: B to platinum, A down to iron; nobody else moves. The schedule sees
    // the new purchase and recomputes by itself.
    const order = await placeOrder(harness, ids.B, 200_000, 1);
    await eventually(() => processed([order]));
    const loop = harness.app.get(CustomerValueRecomputeLoop);
    loop.onApplicationBootstrap();
    const changes = await eventually(async () => {
      const events = (await tierEvents()).slice(10).map((event) => event.payload);
      expect(events).toHaveLength(2);
      return events;
    }, 30_000);
    expect(changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          customerId: ids.B,
          tier: 'platinum',
          previousTier: 'iron',
          value: 600_000,
        }),
        expect.objectContaining({
          customerId: ids.A,
          tier: 'iron',
          previousTier: 'platinum',
          value: 500_000,
        }),
      ]),
    );
    await loop.onApplicationShutdown();
    expect((await recompute()).tierChanges).toBe(0);
    expect(await tierEvents()).toHaveLength(12);
    // The relay published each once, keyed by customer id.
    await eventually(async () => {
      const records = await readTopicRecords(`${namespace}${topicFor(CustomerValueTierChanged)}`);
      expect(records.map((record) => record.key).sort()).toEqual(
        (await tierEvents()).map((event) => event.aggregateId).sort(),
      );
    });
  }, 60_000);

  it('builds every tier event in SQL valid for the contract and the consumers, as addMany would write it', async () => {
    // As the relay publishes them: a batch row gives one message per event (ADR 0063).
    const rows = await harness.query<OutboxRow>(
      `SELECT seq, topic, message_key, envelope, headers, batch FROM analytics.outbox_message
        WHERE envelope->>'type' = $1 ORDER BY seq`,
      [CustomerValueTierChanged.type],
    );
    const events = rows.flatMap(messagesOf).map((message) => ({
      ...message,
      envelope: JSON.parse(String(message.value)) as EventEnvelope,
    }));
    // Both ways a recompute runs, on request and on the schedule: each has its own correlation, as in Node.
    const correlations = (from: number, to?: number) =>
      new Set(events.slice(from, to).map((event) => event.envelope.correlationId)).size;
    expect([events.length, correlations(0, 10), correlations(10), correlations(0)]).toEqual([12, 1, 1, 2]);
    for (const { topic, key, envelope, headers } of events) {
      expect(validateEvent(envelope)).toEqual(envelope);
      const consumed = EVENT_REGISTRY.parseEnvelope(readJson(Buffer.from(JSON.stringify(envelope))));
      expect(EVENT_REGISTRY.readAs(consumed, CustomerValueTierChanged)).toEqual(envelope);
      expect(Object.keys(envelope).sort()).toEqual(NODE_ENVELOPE_KEYS);
      expect(headers).toEqual(headersFor(envelope, headers[MessageHeaders.traceparent]));
      expect([topic, key]).toEqual([topicFor(CustomerValueTierChanged), envelope.aggregateId]);
    }
  });

  it('changes nothing for a duplicate order or an older customer update arriving late', async () => {
    const before = await values();
    const order = published[0];
    // The same event again, and an older event about the same order saying otherwise, arriving late.
    await publishEnvelopes(harness, [order]);
    const again = await placeOrder(harness, ids.A, 999_999, 11, order.aggregateId);
    const older = await updateCustomer(harness, customerState(ids.A, 'Ningbo', null), daysAgo(950));
    const newer = await updateCustomer(harness, customerState(ids.A, 'Shaoxing', '1990-06-01'), daysAgo(5));
    const stale = await updateCustomer(harness, customerState(ids.A, 'Wenzhou', null), daysAgo(6));
    await eventually(() => processed([again, older, newer, stale]));
    await recompute();
    expect(await values()).toEqual(before);
    expect(
      await harness.query(
        `SELECT city, registered_at IS NOT NULL AS registered FROM analytics.value_customer WHERE customer_id = $1`,
        [ids.A],
      ),
    ).toEqual([{ city: 'Shaoxing', registered: true }]);
    expect((await card('A')).customer.ageBand).toBe('35-44');
  });

  it('rebuilds the projections from offset zero to the same values', async () => {
    const projections = async () => ({
      orders: await harness.query(`SELECT * FROM analytics.order_fact ORDER BY order_id`),
      repairs: await harness.query(`SELECT * FROM analytics.repair_fact ORDER BY repair_id`),
      customers: await harness.query(`SELECT * FROM analytics.value_customer ORDER BY customer_id`),
    });
    const before = { projections: await projections(), values: await values() };
    await projectionRebuild(harness, namespace, 'value').run();
    expect(await projections()).toEqual(before.projections);
    expect((await recompute()).tierChanges).toBe(0);
    expect(await values()).toEqual(before.values);
  });

  it('forgets an erased customer: profile and value go, their orders stay without their id, a late one too', async () => {
    const erased = await eraseCustomer(harness, ids.A);
    await eventually(() => processed([erased]));
    const late = await placeOrder(harness, ids.A, 10_000, 2);
    await eventually(() => processed([late]));
    await recompute();
    await get(`/analytics/customers/${ids.A}/value`, analyst, 404);
    for (const table of ['order_fact', 'repair_fact', 'value_customer', 'customer_value'])
      expect(await harness.query(`SELECT 1 FROM analytics.${table} WHERE customer_id = $1`, [ids.A])).toEqual(
        [],
      );
    const [{ orders }] = await harness.query<{ orders: number }>(
      `SELECT count(*)::int AS orders FROM analytics.order_fact WHERE order_id = ANY($1) AND customer_id IS NULL`,
      [[published[0].aggregateId, published[1].aggregateId, late.aggregateId]],
    );
    expect(orders).toBe(3);
  });

  it('lists customers by tier or segment, pages them and streams them as CSV', async () => {
    const page = await get('/analytics/customer-value/customers?segment=hibernating&limit=1');
    expect(page).toMatchObject({ total: 2, limit: 1, offset: 0 });
    expect(page.items.map((item: { customerId: string }) => item.customerId)).toEqual([ids.G]);
    const platinum = await get('/analytics/customer-value/customers?tier=platinum');
    expect(platinum.items.map((item: { customerId: string }) => item.customerId)).toEqual([ids.B]);
    const csv = await harness
      .http()
      .get('/analytics/customer-value/customers/export?segment=lost')
      .set('Authorization', analyst)
      .expect(200)
      .expect('content-type', /text\/csv/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toMatch(/^"customerId","tier","tierSince","segment"/);
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual([`"${ids.I}"`, `"${ids.J}"`]);
    await get('/analytics/customer-value/customers?tier=diamond', analyst, 400);
  });

  it('lets analysts and managers read, analysts recompute, and no partner in', async () => {
    const manager = await harness.auth({ roles: [Roles.salesManager] });
    await get('/analytics/customer-value/summary', manager);
    await harness
      .http()
      .post('/analytics/customer-value/recompute')
      .set('Authorization', manager)
      .expect(403);
    const dealer = await harness.auth({
      roles: [Roles.dealer],
      partnerId: randomUUID(),
      partnerKind: PartnerKinds.dealer,
    });
    await get('/analytics/customer-value/summary', dealer, 403);
    await get(`/analytics/customers/${ids.B}/value`, dealer, 403);
    await harness.http().get('/analytics/customer-value/summary').expect(401);
  });

  it('shows a dealer the value figures of the customers it sold to, and another dealer none of them', async () => {
    const [mine, other] = [randomUUID(), randomUUID()];
    const order = await placeOrder(harness, ids.C, 1_000, 3, randomUUID(), { dealerId: mine });
    await eventually(() => processed([order]));
    await recompute();
    const token = (partnerId: string) =>
      harness.auth({ roles: [Roles.dealer], partnerId, partnerKind: PartnerKinds.dealer });
    const [dealer, otherDealer] = [await token(mine), await token(other)];
    const summary = await get(`/analytics/dealers/${mine}/customer-value/summary`, dealer);
    expect(summary.distribution).toMatchObject({ customers: 1, totalValue: 106_000 });
    expect(summary.tiers.find((t: { tier: string }) => t.tier === 'lead')).toEqual({
      tier: 'lead',
      customers: 1,
      value: 106_000,
    });
    const list = await get(`/analytics/dealers/${mine}/customer-value/customers`, dealer);
    expect(list).toMatchObject({ total: 1, items: [{ customerId: ids.C, value: 106_000 }] });
    const csv = await harness
      .http()
      .get(`/analytics/dealers/${mine}/customer-value/customers/export`)
      .set('Authorization', dealer)
      .expect(200);
    expect(csv.text.trim().split('\r\n')).toHaveLength(2);
    // Another dealer: 404 on every route of this one, and nobody among its own.
    for (const path of [
      'customer-value/summary',
      'customer-value/customers',
      'customer-value/customers/export',
    ])
      expect(await get(`/analytics/dealers/${mine}/${path}`, otherDealer, 404)).toMatchObject({
        status: 404,
      });
    expect(await get(`/analytics/dealers/${other}/customer-value/customers`, otherDealer)).toMatchObject({
      total: 0,
      items: [],
    });
    expect((await get(`/analytics/dealers/${mine}/customer-value/customers`)).total).toBe(1);
    const station = await harness.auth({
      roles: [Roles.repairStation],
      partnerId: mine,
      partnerKind: PartnerKinds.repairStation,
    });
    await get(`/analytics/dealers/${mine}/customer-value/summary`, station, 403);
  });
});
