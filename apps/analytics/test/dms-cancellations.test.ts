import { randomBytes, randomUUID } from 'node:crypto';
import {
  DmsOrderCancelled,
  DmsOrderRecorded,
  DmsRepairCancelled,
  DmsRepairRecorded,
  EventEnvelope,
  Roles,
} from '@crm/contracts';
import { eventually } from '@crm/testing';
import { CustomerValueRecomputeLoop } from '../src/customer-value/customer-value-recompute.loop';
import { AnalyticsHarness } from './analytics.harness';
import { daysAgo } from './customer-value.fixture';
import { expectProcessed } from './processed-events';
import { projectionRebuild } from './rebuild.fixture';

const SOURCE = 'dms:test';

/**
 * Orders and paid repairs a DMS cancelled leave customer value (ADR 0054), whichever arrives first, on real Kafka
 * and PostgreSQL, and a rebuild replays to the same figures.
 */
describe('DMS cancellations in customer value', () => {
  let harness: AnalyticsHarness;
  let analyst: string;
  const namespace = `t${randomBytes(4).toString('hex')}.`;
  const customer = randomUUID();
  const dealerId = randomUUID();
  const stationId = randomUUID();
  const published: EventEnvelope[] = [];

  const order = (orderId: string, amount: number) =>
    harness.publish(DmsOrderRecorded, orderId, {
      orderId,
      source: SOURCE,
      externalId: `O-${orderId.slice(0, 6)}`,
      customerId: customer,
      dealerId,
      items: [{ model: 'A6 Sedan', quantity: 1, lineTotal: amount }],
      total: { amount, currency: 'CNY' },
      placedAt: daysAgo(20),
    });
  const cancelOrder = (orderId: string) =>
    harness.publish(DmsOrderCancelled, orderId, {
      orderId,
      dealerId,
      source: SOURCE,
      externalId: `O-${orderId.slice(0, 6)}`,
      cancelledAt: new Date().toISOString(),
      reason: null,
    });
  const repair = (repairId: string, amount: number) =>
    harness.publish(DmsRepairRecorded, repairId, {
      repairId,
      source: SOURCE,
      externalId: `R-${repairId.slice(0, 6)}`,
      customerId: customer,
      stationId,
      vin: null,
      workDone: 'brakes',
      cost: { amount, currency: 'CNY' },
      repairedAt: daysAgo(10),
    });
  const cancelRepair = (repairId: string) =>
    harness.publish(DmsRepairCancelled, repairId, {
      repairId,
      stationId,
      source: SOURCE,
      externalId: `R-${repairId.slice(0, 6)}`,
      cancelledAt: new Date().toISOString(),
      reason: 'entered twice',
    });
  const settled = async (events: EventEnvelope[]) => {
    published.push(...events);
    await eventually(() => expectProcessed(harness, published), 60_000);
  };
  const value = async () => {
    await harness
      .http()
      .post('/analytics/customer-value/recompute')
      .set('authorization', analyst)
      .expect(200);
    const card = await harness
      .http()
      .get(`/analytics/customers/${customer}/value`)
      .set('authorization', analyst)
      .expect(200);
    return { value: card.body.customer.value, purchases: card.body.customer.purchases };
  };
  const facts = async () => ({
    orders: await harness.query(`SELECT order_id FROM analytics.order_fact ORDER BY order_id`),
    repairs: await harness.query(`SELECT repair_id FROM analytics.repair_fact ORDER BY repair_id`),
  });

  beforeAll(async () => {
    harness = await AnalyticsHarness.start({ kafkaNamespace: namespace });
    analyst = await harness.auth({ roles: [Roles.analyst] });
    await harness.app.get(CustomerValueRecomputeLoop).onApplicationShutdown();
  }, 120_000);

  afterAll(async () => {
    await harness?.stop();
  });

  const kept = randomUUID();
  const cancelled = randomUUID();
  const early = randomUUID();
  const keptRepair = randomUUID();
  const cancelledRepair = randomUUID();

  it("drops a cancelled order's and repair's amounts from the customer's value, once however often it comes", async () => {
    await settled([
      await order(kept, 100_000),
      await order(cancelled, 50_000),
      await repair(keptRepair, 2_000),
      await repair(cancelledRepair, 800),
    ]);
    expect(await value()).toEqual({ value: 152_800, purchases: 4 });
    const cancellation = await cancelOrder(cancelled);
    await settled([cancellation, await cancelRepair(cancelledRepair)]);
    expect(await value()).toEqual({ value: 102_000, purchases: 2 });
    await settled([await cancelOrder(cancelled)]);
    expect(await value()).toEqual({ value: 102_000, purchases: 2 });
  });

  it('keeps out an order whose cancellation arrived before it, and an older copy of a cancelled one', async () => {
    await settled([await cancelOrder(early)]);
    await settled([await order(early, 70_000), await order(cancelled, 50_000)]);
    expect(await facts()).toEqual({
      orders: [{ order_id: kept }],
      repairs: [{ repair_id: keptRepair }],
    });
    expect(await value()).toEqual({ value: 102_000, purchases: 2 });
  });

  it('rebuilds to the same figures: the cancellations win in the replay too', async () => {
    const before = await facts();
    await projectionRebuild(harness, namespace, 'cancel').run();
    expect(await facts()).toEqual(before);
    expect(await value()).toEqual({ value: 102_000, purchases: 2 });
  });
});
