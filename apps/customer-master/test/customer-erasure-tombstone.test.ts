import { CustomerErased, topicFor } from '@crm/contracts';
import { eventually, readTopicRecords } from '@crm/testing';
import { CustomerMasterHarness } from './customer-master.harness';

/** An erasure reaches the Kafka log: a tombstone for the customer follows customer.erased (ADR 0013). */
describe('customer erasure on crm.customer.v1', () => {
  let harness: CustomerMasterHarness;
  let agent: string;
  let officer: string;

  beforeAll(async () => {
    harness = await CustomerMasterHarness.start();
    agent = await harness.as(['agent']);
    officer = await harness.as(['privacy_officer']);
  });
  afterAll(async () => {
    await harness.stop();
  });

  const recordsOf = async (customerId: string) =>
    (await readTopicRecords(`${harness.kafkaNamespace}${topicFor(CustomerErased)}`))
      .filter((record) => record.key === customerId)
      .map((record) => ({
        partition: record.partition,
        type: record.value === null ? null : (JSON.parse(record.value) as { type: string }).type,
      }));

  it('publishes a tombstone for the customer after customer.erased, on the same partition, and once', async () => {
    const id = await harness.registerCustomer(
      { kind: 'person', name: '钱多多', phones: ['13900139000'] },
      agent,
    );
    await harness
      .http()
      .patch(`/customers/${id}`)
      .set('Authorization', agent)
      .send({ tags: ['vip'] })
      .expect(200);
    await harness.http().post(`/customers/${id}/erase`).set('Authorization', officer).expect(200);
    await harness.http().post(`/customers/${id}/erase`).set('Authorization', officer).expect(200);

    // Read the topic once everything the customer's erasure wrote to the outbox has left it.
    await eventually(async () =>
      expect(
        await harness.query(
          `SELECT count(*)::int AS pending FROM customer_master.outbox_message
            WHERE message_key = $1 AND state <> 'published'`,
          [id],
        ),
      ).toEqual([{ pending: 0 }]),
    );
    const records = await recordsOf(id);
    expect(records.map((record) => record.type)).toEqual([
      'customer.registered',
      'customer.updated',
      'customer.erased',
      null,
    ]);
    expect(new Set(records.map((record) => record.partition)).size).toBe(1);
    expect(
      await harness.query(
        `SELECT state FROM customer_master.outbox_message WHERE message_key = $1 AND envelope IS NULL`,
        [id],
      ),
    ).toEqual([{ state: 'published' }]);
  });
});
