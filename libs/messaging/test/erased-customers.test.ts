import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ErasedCustomers } from '@crm/messaging';
import { createTestDatabase, finishedOrWaitingForLock, TestDatabase } from '@crm/testing';

describe(`${ErasedCustomers.name}: an erasure and an event about the same customer, committing side by side`, () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  const erased = new ErasedCustomers('replica');

  beforeAll(async () => {
    database = await createTestDatabase('tombstones');
    dataSource = await new DataSource({ type: 'postgres', url: database.url }).initialize();
    await dataSource.query(`CREATE SCHEMA replica`);
    await dataSource.query(`CREATE TABLE replica.erased_customer (customer_id uuid PRIMARY KEY)`);
    await dataSource.query(`CREATE TABLE replica.visit (customer_id uuid NOT NULL)`);
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  const visits = async (customerId: string) =>
    (await dataSource.query(`SELECT 1 FROM replica.visit WHERE customer_id = $1`, [customerId])).length;

  async function begun() {
    const runner = dataSource.createQueryRunner();
    await runner.startTransaction();
    return runner;
  }

  const erasure = (customerId: string) =>
    dataSource.transaction(async (tx) => {
      await erased.tombstone(tx, customerId);
      await tx.query(`DELETE FROM replica.visit WHERE customer_id = $1`, [customerId]);
    });

  it('deletes a row an event inserted after finding the customer not erased, once that event commits', async () => {
    const customerId = randomUUID();
    const event = await begun();
    expect(await erased.isErased(event.manager, customerId)).toBe(false);
    await event.query(`INSERT INTO replica.visit (customer_id) VALUES ($1)`, [customerId]);

    const erasing = erasure(customerId);
    await finishedOrWaitingForLock(dataSource, erasing);
    await event.commitTransaction();
    await event.release();
    await erasing;

    expect(await visits(customerId)).toBe(0);
  });

  it('finds the customer erased once the erasure writing the tombstone commits', async () => {
    const customerId = randomUUID();
    const erasing = await begun();
    await erased.tombstone(erasing.manager, customerId);

    const check = dataSource.transaction((tx) => erased.isErased(tx, customerId));
    await finishedOrWaitingForLock(dataSource, check);
    await erasing.commitTransaction();
    await erasing.release();

    expect(await check).toBe(true);
  });

  it('lets events about the same customer check side by side', async () => {
    const customerId = randomUUID();
    const first = await begun();
    expect(await erased.isErased(first.manager, customerId)).toBe(false);
    expect(await dataSource.transaction((tx) => erased.isErased(tx, customerId))).toBe(false);
    await first.commitTransaction();
    await first.release();
  });
});
