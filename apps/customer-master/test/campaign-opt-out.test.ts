import { randomUUID } from 'node:crypto';
import { CampaignUnsubscribed, SYSTEM_ACTOR, topicFor, validateEvent } from '@crm/contracts';
import { MessageTransport } from '@crm/messaging';
import { eventually } from '@crm/testing';
import { CustomerMasterHarness } from './customer-master.harness';

describe('campaign.unsubscribed withdraws the email consent (consumer over Kafka)', () => {
  let harness: CustomerMasterHarness;
  let agent: string;

  beforeAll(async () => {
    harness = await CustomerMasterHarness.start();
    agent = await harness.as(['agent']);
  }, 60_000);

  afterAll(() => harness?.stop());

  const unsubscribe = async (customerId: string, unsubscribedAt: string) => {
    const campaignId = randomUUID();
    const envelope = validateEvent({
      id: randomUUID(),
      type: CampaignUnsubscribed.type,
      version: CampaignUnsubscribed.version,
      occurredAt: unsubscribedAt,
      producer: 'campaigns',
      aggregateType: CampaignUnsubscribed.aggregateType,
      aggregateId: campaignId,
      correlationId: randomUUID(),
      causationId: null,
      actor: SYSTEM_ACTOR,
      payload: { campaignId, customerId, channel: 'email', unsubscribedAt },
    });
    await harness.app.get(MessageTransport).publish([
      {
        topic: topicFor(CampaignUnsubscribed),
        key: campaignId,
        value: JSON.stringify(envelope),
        headers: {},
      },
    ]);
    return envelope.id;
  };
  const consents = async (customerId: string) =>
    (await harness.http().get(`/customers/${customerId}`).set('Authorization', agent).expect(200)).body
      .consents;
  const register = (name: string) =>
    harness.registerCustomer(
      {
        kind: 'person',
        name,
        emails: [`${randomUUID()}@example.cn`],
        consents: [
          { channel: 'email', granted: true, source: 'call-center' },
          { channel: 'sms', granted: true, source: 'call-center' },
        ],
      },
      agent,
    );

  it('withdraws email only, records where from, and publishes customer.updated', async () => {
    const customerId = await register('退订者');
    await unsubscribe(customerId, new Date().toISOString());
    await eventually(async () =>
      expect(await consents(customerId)).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ channel: 'email', granted: false, source: 'campaign-unsubscribe' }),
          expect.objectContaining({ channel: 'sms', granted: true }),
        ]),
      ),
    );
    const updates = (await harness.outboxPayloads('customer.updated', customerId)) as {
      changedFields: string[];
    }[];
    expect(updates.map((update) => update.changedFields)).toEqual([['consents']]);
  });

  it('leaves a consent granted again after the unsubscribe as it is', async () => {
    const customerId = await register('又订阅者');
    const clickedBefore = new Date(Date.now() - 60_000).toISOString();
    const eventId = await unsubscribe(customerId, clickedBefore);
    await eventually(async () => {
      const rows = await harness.query(`SELECT 1 FROM customer_master.processed_event WHERE event_id = $1`, [
        eventId,
      ]);
      expect(rows).toHaveLength(1);
    });
    expect(await consents(customerId)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ channel: 'email', granted: true, source: 'call-center' }),
      ]),
    );
    expect(await harness.outboxPayloads('customer.updated', customerId)).toEqual([]);
  });
});
