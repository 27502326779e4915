import { CustomerErased, CustomerRegistered, topicFor } from '@crm/contracts';
import { MessageTransport, tombstonesSkipped } from '@crm/messaging';
import { eventually } from '@crm/testing';
import { CampaignsHarness } from './campaigns.harness';
import { customerState } from './customer-fixture';

const tombstonesSeen = async () =>
  (await tombstonesSkipped.get()).values
    .filter(
      (value) => value.labels.service === 'campaigns' && value.labels.topic === topicFor(CustomerErased),
    )
    .reduce((sum, value) => sum + value.value, 0);

/** The customer master follows an erasure with a tombstone on crm.customer.v1 (ADR 0013): nothing to apply. */
describe('campaigns meeting a tombstone on crm.customer.v1', () => {
  let harness: CampaignsHarness;

  beforeAll(async () => {
    harness = await CampaignsHarness.start();
  });
  afterAll(async () => {
    await harness?.stop();
  });

  it('passes over it, parks nothing and applies the next event of the same key and of others', async () => {
    const erased = customerState({ name: '周芷若' });
    const next = customerState({ name: '殷离' });
    await harness.publish(CustomerRegistered, erased.customerId, erased);
    await harness.publish(CustomerErased, erased.customerId, {
      customerId: erased.customerId,
      erasedAt: new Date().toISOString(),
    });
    await harness.app
      .get(MessageTransport)
      .publish([{ topic: topicFor(CustomerErased), key: erased.customerId, value: null, headers: {} }]);
    // The same key, so the same partition: once it is applied, the tombstone before it was handled.
    const replayed = await harness.publish(CustomerRegistered, erased.customerId, erased);
    await harness.publish(CustomerRegistered, next.customerId, next);

    await eventually(async () => {
      expect(
        await harness.query(`SELECT 1 FROM campaigns.processed_event WHERE event_id = $1`, [replayed.id]),
      ).toHaveLength(1);
      expect(
        await harness.query(`SELECT name FROM campaigns.customer WHERE id = $1`, [next.customerId]),
      ).toEqual([{ name: '殷离' }]);
    });
    expect(
      await harness.query(`SELECT id FROM campaigns.customer WHERE id = $1`, [erased.customerId]),
    ).toEqual([]);
    expect(await harness.query(`SELECT reason, topic FROM campaigns.dead_letter`)).toEqual([]);
    expect(await tombstonesSeen()).toBeGreaterThanOrEqual(1);
  });
});
