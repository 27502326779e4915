import { randomBytes, randomUUID } from 'node:crypto';
import { EventEnvelope, Roles } from '@crm/contracts';
import { eventually } from '@crm/testing';
import { CustomerValueRecomputeLoop } from '../src/customer-value/customer-value-recompute.loop';
import { AnalyticsHarness } from './analytics.harness';
import { expectProcessed } from './processed-events';
import {
  customerState,
  eraseCustomer,
  placeOrder,
  recordRepair,
  registerCustomer,
  daysAgo,
} from './customer-value.fixture';
import { captureLead, mergeCustomers, settleRecipient, unsubscribe } from './seven-ps.fixture';
import { vehicleRegistered } from './ticket-events.fixture';

/** A person's analytics rows: exported on request, re-pointed by a merge, anonymised by an erasure. */
describe('a person’s data in analytics: export, merge and erasure (real Kafka and PostgreSQL)', () => {
  let harness: AnalyticsHarness;
  let analyst: string;
  let officer: string;
  const namespace = `t${randomBytes(4).toString('hex')}.`;
  const [survivor, merged] = [randomUUID(), randomUUID()];
  const campaign = randomUUID();
  const lead = {
    leadId: randomUUID(),
    source: 'web_form' as const,
    customerId: merged,
    campaignId: campaign,
  };

  const processed = (events: EventEnvelope[]) => expectProcessed(harness, events);
  const exported = async (customerId: string) =>
    (
      await harness
        .http()
        .get(`/privacy/analytics/customers/${customerId}/export`)
        .set('Authorization', officer)
        .expect(200)
    ).body;
  const card = (customerId: string, status = 200) =>
    harness
      .http()
      .get(`/analytics/customers/${customerId}/value`)
      .set('Authorization', analyst)
      .expect(status);
  const recompute = () =>
    harness.http().post('/analytics/customer-value/recompute').set('Authorization', analyst).expect(200);

  beforeAll(async () => {
    harness = await AnalyticsHarness.start({ kafkaNamespace: namespace });
    analyst = await harness.auth({ roles: [Roles.analyst] });
    officer = await harness.auth({ roles: [Roles.privacyOfficer] });
    await harness.app.get(CustomerValueRecomputeLoop).onApplicationShutdown();
    const events = [
      await registerCustomer(harness, customerState(survivor, 'Hangzhou', '1985-03-01'), daysAgo(400)),
      await registerCustomer(harness, customerState(merged, 'Hangzhou', null), daysAgo(300)),
      await placeOrder(harness, survivor, 100_000, 50),
      await placeOrder(harness, merged, 200_000, 40, randomUUID(), { lines: [['Alpha', 1, 200_000]] }),
      await recordRepair(harness, merged, 3_000, 30),
      await vehicleRegistered(harness, 'Alpha', merged),
      await captureLead(harness, lead, 35),
      await unsubscribe(harness, campaign, merged),
      await settleRecipient(harness, campaign, merged, { converted: true, responded: true }),
    ];
    await eventually(() => processed(events));
    await recompute();
  }, 120_000);

  afterAll(async () => {
    await harness?.stop();
  });

  it('exports every row analytics holds about the person, to privacy officers only', async () => {
    const part = await exported(merged);
    expect(part).toMatchObject({ source: 'analytics', customerId: merged });
    const counts = Object.fromEntries(
      Object.entries(part.tables as Record<string, unknown[]>).map(([table, rows]) => [table, rows.length]),
    );
    expect(counts).toEqual({
      value_customer: 1,
      customer_value: 1,
      order_fact: 1,
      order_line: 1,
      repair_fact: 1,
      vehicle_model: 1,
      lead_fact: 1,
      campaign_unsubscribe: 1,
      campaign_recipient_fact: 1,
      merged_customer: 0,
    });
    expect(part.tables.customer_value[0]).toMatchObject({ customer_id: merged, value: '203000.00' });
    await harness
      .http()
      .get(`/privacy/analytics/customers/${merged}/export`)
      .set('Authorization', analyst)
      .expect(403);
  });

  it('counts a merged-away customer’s purchases for the survivor, a late one too', async () => {
    const merge = await mergeCustomers(harness, customerState(survivor, 'Hangzhou', '1985-03-01'), merged);
    await eventually(() => processed([merge]));
    const late = await placeOrder(harness, merged, 7_000, 2);
    await eventually(() => processed([late]));
    await recompute();
    expect((await card(survivor)).body.customer).toMatchObject({ purchases: 4, value: 310_000 });
    await card(merged, 404);
    const counts = async (customerId: string) =>
      Object.fromEntries(
        Object.entries((await exported(customerId)).tables as Record<string, unknown[]>).map(([t, rows]) => [
          t,
          rows.length,
        ]),
      );
    expect(await counts(merged)).toEqual({
      value_customer: 0,
      customer_value: 0,
      order_fact: 0,
      order_line: 0,
      repair_fact: 0,
      vehicle_model: 0,
      lead_fact: 0,
      campaign_unsubscribe: 0,
      campaign_recipient_fact: 0,
      merged_customer: 1,
    });
    expect(await counts(survivor)).toEqual({
      value_customer: 1,
      customer_value: 1,
      order_fact: 3,
      order_line: 3,
      repair_fact: 1,
      vehicle_model: 1,
      lead_fact: 1,
      campaign_unsubscribe: 1,
      campaign_recipient_fact: 1,
      merged_customer: 1,
    });
  });

  it('forgets an erased survivor: no row names them, the facts stay counted without them', async () => {
    const erased = await eraseCustomer(harness, survivor);
    await eventually(() => processed([erased]));
    await recompute();
    await card(survivor, 404);
    const { tables } = await exported(survivor);
    for (const [table, rows] of Object.entries(tables as Record<string, unknown[]>))
      expect({ table, rows }).toEqual({ table, rows: [] });
    // The merged-away record was theirs: erased with them.
    expect(
      await harness.query(`SELECT 1 FROM analytics.erased_customer WHERE customer_id = $1`, [merged]),
    ).toHaveLength(1);
    const [facts] = await harness.query<{ orders: number; leads: number; unsubscribes: number }>(
      `SELECT (SELECT count(*) FROM analytics.order_fact WHERE customer_id IS NULL)::int AS orders,
         (SELECT count(*) FROM analytics.lead_fact WHERE customer_id IS NULL)::int AS leads,
         (SELECT count(*) FROM analytics.campaign_unsubscribe WHERE customer_id IS NULL)::int AS unsubscribes,
         (SELECT count(*) FROM analytics.campaign_recipient_fact WHERE customer_id IS NULL)::int AS settled`,
    );
    expect(facts).toEqual({ orders: 3, leads: 1, unsubscribes: 1, settled: 1 });
  });
});
