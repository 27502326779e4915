import { randomUUID } from 'node:crypto';
import {
  CustomerErased,
  CustomerRegistered,
  CustomerValueTierChanged,
  EventEnvelope,
  Roles,
  ValueTier,
} from '@crm/contracts';
import { eventually } from '@crm/testing';
import { CampaignsHarness } from './campaigns.harness';
import { customerState } from './customer-fixture';

describe('campaigns value-tier replica and the valueTier segment rule (crm.customer-value.v1)', () => {
  let harness: CampaignsHarness;
  let marketer: string;
  const gold = customerState({ name: 'A gold' });
  const lead = customerState({ name: 'B lead' });

  const applied = (event: EventEnvelope) =>
    eventually(async () =>
      expect(
        await harness.query(`SELECT 1 FROM campaigns.processed_event WHERE event_id = $1`, [event.id]),
      ).toHaveLength(1),
    );
  const tierChanged = (customerId: string, tier: ValueTier, computedAt: string) =>
    harness.publish(
      CustomerValueTierChanged,
      customerId,
      { customerId, tier, previousTier: null, value: 1000, currency: 'CNY', computedAt },
      computedAt,
    );
  const members = async (tiers: ValueTier[]) => {
    const { body: segment } = await harness
      .http()
      .post('/segments')
      .set('authorization', marketer)
      .send({ name: 'by tier', rule: { field: 'valueTier', in: tiers } })
      .expect(201);
    const { body } = await harness
      .http()
      .get(`/segments/${segment.id}/preview?limit=50`)
      .set('authorization', marketer)
      .expect(200);
    return body.items.map((member: { name: string }) => member.name);
  };

  beforeAll(async () => {
    harness = await CampaignsHarness.start();
    marketer = await harness.auth({ roles: [Roles.marketer] });
    for (const state of [gold, lead])
      await applied(await harness.publish(CustomerRegistered, state.customerId, state));
    // The newer computation arrives first; the older one after it changes nothing.
    await applied(await tierChanged(gold.customerId, 'gold', '2026-11-02T00:00:00.000Z'));
    await applied(await tierChanged(gold.customerId, 'iron', '2026-11-01T00:00:00.000Z'));
    await applied(await tierChanged(lead.customerId, 'lead', '2026-11-02T00:00:00.000Z'));
  });

  afterAll(async () => {
    await harness?.stop();
  });

  it('selects customers by their latest tier', async () => {
    expect(await members(['gold'])).toEqual(['A gold']);
    expect(await members(['iron'])).toEqual([]);
    expect(await members(['gold', 'lead'])).toEqual(['A gold', 'B lead']);
  });

  it('refuses an unknown tier, naming it', async () => {
    const { body } = await harness
      .http()
      .post('/segments')
      .set('authorization', marketer)
      .send({ name: 'bad', rule: { field: 'valueTier', in: ['diamond'] } })
      .expect(400);
    expect(JSON.stringify(body)).toContain('rule.in[0]');
  });

  it('forgets an erased customer’s tier and ignores a tier event arriving after the erasure', async () => {
    const erased = await harness.publish(CustomerErased, lead.customerId, {
      customerId: lead.customerId,
      erasedAt: new Date().toISOString(),
    });
    await eventually(async () =>
      expect(
        await harness.query(`SELECT 1 FROM campaigns.processed_event WHERE event_id = $1`, [erased.id]),
      ).not.toHaveLength(0),
    );
    await applied(await tierChanged(lead.customerId, 'platinum', '2026-11-03T00:00:00.000Z'));
    expect(
      await harness.query(`SELECT 1 FROM campaigns.customer_value_tier WHERE customer_id = $1`, [
        lead.customerId,
      ]),
    ).toEqual([]);
    expect(await members(['platinum'])).toEqual([]);
  });

  it('does not match a customer never valued', async () => {
    const unvalued = customerState({ name: `C ${randomUUID().slice(0, 4)}` });
    await applied(await harness.publish(CustomerRegistered, unvalued.customerId, unvalued));
    expect(await members(['gold', 'lead', 'iron', 'platinum'])).toEqual(['A gold']);
  });
});
