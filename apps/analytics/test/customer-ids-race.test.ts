import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { finishedOrWaitingForLock } from '@crm/testing';
import { OrderFact } from '../src/customer-value/customer-value-store';
import { PostgresProjectionStore } from '../src/projections/postgres-projection-store';
import { LIVE_TABLES } from '../src/projections/projection-tables';
import { AnalyticsHarness } from './analytics.harness';

/** An erasure or a merge, and a fact about the same customer from another topic, committing side by side. */
describe('analytics: customer ids resolved while an erasure or a merge commits', () => {
  let harness: AnalyticsHarness;
  let dataSource: DataSource;
  const store = new PostgresProjectionStore(LIVE_TABLES).customerValue;

  beforeAll(async () => {
    harness = await AnalyticsHarness.start();
    dataSource = harness.app.get(DataSource);
  });
  afterAll(() => harness?.stop());

  const order = (customerId: string): OrderFact => ({
    orderId: randomUUID(),
    customerId,
    dealerId: null,
    amount: 180_000,
    currency: 'CNY',
    models: ['Aurora'],
    placedAt: '2026-11-02T09:00:00.000Z',
    eventAt: '2026-11-02T09:00:00.000Z',
    eventId: randomUUID(),
  });

  const keptUnder = async (fact: OrderFact) =>
    (
      await harness.query<{ customer_id: string | null }>(
        `SELECT customer_id FROM analytics.order_fact WHERE order_id = $1`,
        [fact.orderId],
      )
    )[0].customer_id;

  async function begun(work: (tx: EntityManager) => Promise<void>): Promise<QueryRunner> {
    const runner = dataSource.createQueryRunner();
    await runner.startTransaction();
    await work(runner.manager);
    return runner;
  }

  async function committed(runner: QueryRunner): Promise<void> {
    await runner.commitTransaction();
    await runner.release();
  }

  it('takes the erased person’s id off an order applied beside the erasure', async () => {
    const person = randomUUID();
    const fact = order(person);
    const ordering = await begun((tx) => store.addOrders(tx, [fact]));

    const erasing = dataSource.transaction((tx) => store.erase(tx, person));
    await finishedOrWaitingForLock(dataSource, erasing);
    await committed(ordering);
    await erasing;

    expect(await keptUnder(fact)).toBeNull();
  });

  it('keeps no id on an order that waited for the erasure to commit', async () => {
    const person = randomUUID();
    const erasing = await begun((tx) => store.erase(tx, person));

    const fact = order(person);
    const ordering = dataSource.transaction((tx) => store.addOrders(tx, [fact]));
    await finishedOrWaitingForLock(dataSource, ordering);
    await committed(erasing);
    await ordering;

    expect(await keptUnder(fact)).toBeNull();
  });

  it('moves an order applied beside a merge to the survivor', async () => {
    const [merged, survivor] = [randomUUID(), randomUUID()];
    const fact = order(merged);
    const ordering = await begun((tx) => store.addOrders(tx, [fact]));

    const merging = dataSource.transaction((tx) => store.merge(tx, merged, survivor));
    await finishedOrWaitingForLock(dataSource, merging);
    await committed(ordering);
    await merging;

    expect(await keptUnder(fact)).toBe(survivor);
  });
});
