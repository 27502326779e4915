import { randomUUID } from 'node:crypto';
import { CustomerTagRequested, EventEnvelope, MAX_CUSTOMER_TAGS } from '@crm/contracts';
import { MessageTransport } from '@crm/messaging';
import { deliver, eventually, stampedEvent } from '@crm/testing';
import { CustomerMasterHarness } from './customer-master.harness';

describe('add-tag requested by a workflow rule (workflow-command.customer-tag-requested)', () => {
  let harness: CustomerMasterHarness;
  let agent: string;

  beforeAll(async () => {
    harness = await CustomerMasterHarness.start();
    agent = await harness.as(['agent']);
  }, 60_000);
  afterAll(() => harness?.stop());

  const register = (tags: string[] = []) =>
    harness.registerCustomer({ kind: 'person', name: '标签客户', tags }, agent);
  const requestTag = async (customerId: string, tag: string): Promise<EventEnvelope> => {
    const envelope = stampedEvent(
      CustomerTagRequested,
      customerId,
      {
        customerId,
        tag,
        ruleId: randomUUID(),
        firingId: randomUUID(),
        requestedAt: new Date().toISOString(),
      },
      { occurredAt: new Date().toISOString(), producer: 'integration' },
    );
    await deliver(harness.app.get(MessageTransport), envelope);
    await eventually(
      async () =>
        expect(
          await harness.query(`SELECT 1 FROM customer_master.processed_event WHERE event_id = $1`, [
            envelope.id,
          ]),
        ).toHaveLength(1),
      60_000,
    );
    return envelope;
  };
  const tagsOf = async (customerId: string) =>
    (await harness.http().get(`/customers/${customerId}`).set('Authorization', agent).expect(200)).body.tags;

  it('adds the tag once and publishes customer.updated with tags changed; the same tag again changes nothing', async () => {
    const customerId = await register(['vip']);
    await requestTag(customerId, 'critical-complaint');
    expect(await tagsOf(customerId)).toEqual(['vip', 'critical-complaint']);
    await requestTag(customerId, 'critical-complaint');
    expect(await tagsOf(customerId)).toEqual(['vip', 'critical-complaint']);
    const updates = (await harness.outboxPayloads('customer.updated', customerId)) as {
      changedFields: string[];
    }[];
    expect(updates.map((update) => update.changedFields)).toEqual([['tags']]);
  });

  it('leaves a full tag list as it is, and an unknown customer is skipped', async () => {
    const full = Array.from({ length: MAX_CUSTOMER_TAGS }, (_, i) => `t${i}`);
    const customerId = await register(full);
    await requestTag(randomUUID(), 'ghost');
    await requestTag(customerId, 'one-too-many');
    expect(await tagsOf(customerId)).toEqual(full);
  });
});
