import { randomUUID } from 'node:crypto';
import {
  CustomerErased,
  CustomerMerged,
  CustomerRegistered,
  CustomerValueTierChanged,
  EventDefinition,
  EventEnvelope,
  OpportunityLost,
  OpportunityStageChanged,
  OpportunitySummary,
  OpportunityWon,
  PayloadOf,
  Roles,
  ValueTier,
} from '@crm/contracts';
import { MessageTransport } from '@crm/messaging';
import { deliver, eventually, stampedEvent } from '@crm/testing';
import { CallCenterHarness } from './call-center.harness';
import { customerState } from './call-center.fixtures';

const PIPELINE = randomUUID();
const at = (day: number) => `2026-11-${String(day).padStart(2, '0')}T08:00:00.000Z`;

const opportunityOf = (customerId: string | null, overrides: Partial<OpportunitySummary> = {}) => ({
  opportunityId: randomUUID(),
  name: 'Nova E3 for the family',
  pipelineId: PIPELINE,
  stage: 'qualification',
  probability: 20,
  amount: { amount: 189_000, currency: 'CNY' },
  expectedCloseDate: '2026-12-20',
  customerId,
  leadId: null,
  ownerId: 'u-rep-li',
  partnerId: null,
  ...overrides,
});

describe("analytics' value tier and sales' open opportunities on the customer's 360", () => {
  let cc: CallCenterHarness;
  let agent: string;

  beforeAll(async () => {
    cc = await CallCenterHarness.start();
    agent = await cc.as([Roles.agent]);
  });

  afterAll(() => cc?.stop());

  const registered = async () => {
    const customer = customerState({ name: '周八' });
    await cc.publish(CustomerRegistered, customer.customerId, customer);
    await eventually(async () => expect((await view360(customer.customerId)).profile.name).toBe('周八'));
    return customer.customerId;
  };
  const view360 = async (customerId: string) => {
    const response = await cc.http().get(`/customers/${customerId}/360`).set('Authorization', agent);
    expect(response.status).toBe(200);
    return response.body;
  };
  /** Delivers the event as its producer's outbox numbers it, and resolves once the read model has handled it. */
  const delivered = async <D extends EventDefinition>(
    definition: D,
    aggregateId: string,
    payload: PayloadOf<D>,
    sequence: number,
    occurredAt = at(sequence),
  ) => {
    const envelope = stampedEvent(definition, aggregateId, payload, {
      occurredAt,
      aggregateSequence: sequence,
    });
    await deliver(cc.app.get(MessageTransport), envelope);
    await handled(envelope);
    return envelope;
  };
  const handled = (envelope: EventEnvelope) =>
    eventually(async () =>
      expect(
        await cc.query(`SELECT 1 FROM call_center.processed_event WHERE event_id = $1`, [envelope.id]),
      ).toHaveLength(1),
    );
  const tierChanged = (customerId: string, sequence: number, tier: ValueTier, value: number) =>
    delivered(
      CustomerValueTierChanged,
      customerId,
      { customerId, tier, previousTier: null, value, currency: 'CNY', computedAt: at(sequence) },
      sequence,
    );
  const stageChanged = (opportunity: OpportunitySummary, sequence: number) =>
    delivered(
      OpportunityStageChanged,
      opportunity.opportunityId,
      { ...opportunity, fromStage: null, changedBy: 'u-rep-li', changedAt: at(sequence) },
      sequence,
    );

  it('shows the tier once analytics placed the customer, and only a newer change moves it', async () => {
    const customerId = await registered();
    expect((await view360(customerId)).valueTier).toBeNull();
    await tierChanged(customerId, 1, 'iron', 12_000);
    expect((await view360(customerId)).valueTier).toEqual({
      tier: 'iron',
      value: 12_000,
      currency: 'CNY',
      computedAt: at(1),
    });
    const gold = await tierChanged(customerId, 3, 'gold', 386_000.5);
    await tierChanged(customerId, 2, 'platinum', 900_000);
    await deliver(cc.app.get(MessageTransport), gold);
    expect((await view360(customerId)).valueTier).toMatchObject({ tier: 'gold', value: 386_000.5 });
  });

  it('lists the open opportunities as they move through the pipeline, and drops them once won or lost', async () => {
    const customerId = await registered();
    const first = opportunityOf(customerId);
    const second = opportunityOf(customerId, { name: 'Second car', expectedCloseDate: null, amount: null });
    const leadOnly = opportunityOf(null);
    await stageChanged(first, 1);
    await stageChanged(second, 1);
    await stageChanged(leadOnly, 1);
    const negotiation = await stageChanged({ ...first, stage: 'negotiation', probability: 60 }, 2);
    await stageChanged(first, 1);
    await deliver(cc.app.get(MessageTransport), negotiation);

    expect((await view360(customerId)).openOpportunities).toEqual([
      {
        opportunityId: first.opportunityId,
        name: 'Nova E3 for the family',
        stage: 'negotiation',
        probability: 60,
        amount: 189_000,
        currency: 'CNY',
        expectedCloseDate: '2026-12-20',
        ownerId: 'u-rep-li',
        changedAt: at(2),
      },
      expect.objectContaining({ opportunityId: second.opportunityId, amount: null, currency: null }),
    ]);
    expect(
      await cc.query(`SELECT 1 FROM call_center.opportunity WHERE opportunity_id = $1`, [
        leadOnly.opportunityId,
      ]),
    ).toEqual([]);

    const closed = { reason: 'price', closedAt: at(3), salesCycleDays: 2 };
    await delivered(OpportunityWon, first.opportunityId, { ...first, ...closed, amount: first.amount! }, 3);
    await delivered(OpportunityLost, second.opportunityId, { ...second, ...closed }, 2);
    expect((await view360(customerId)).openOpportunities).toEqual([]);
  });

  it("moves a merged-away customer's opportunities to the survivor and keeps the survivor's own tier", async () => {
    const survivorId = await registered();
    const mergedId = await registered();
    await tierChanged(survivorId, 1, 'gold', 300_000);
    await tierChanged(mergedId, 1, 'lead', 0);
    const opportunity = opportunityOf(mergedId);
    await stageChanged(opportunity, 1);
    const survivor = customerState({ customerId: survivorId, name: '周八' });
    await cc.publish(CustomerMerged, survivorId, {
      survivorId,
      mergedId,
      movedVehicleIds: [],
      survivor,
    });
    await eventually(async () =>
      expect((await view360(survivorId)).openOpportunities).toEqual([
        expect.objectContaining({ opportunityId: opportunity.opportunityId }),
      ]),
    );
    expect((await view360(survivorId)).valueTier).toMatchObject({ tier: 'gold' });
    expect(
      await cc.query(`SELECT 1 FROM call_center.customer_value_tier WHERE customer_id = $1`, [mergedId]),
    ).toEqual([]);
  });

  it("forgets an erased customer's tier and opportunities, and late events do not bring them back", async () => {
    const customerId = await registered();
    await tierChanged(customerId, 1, 'platinum', 1_200_000);
    const opportunity = opportunityOf(customerId);
    await stageChanged(opportunity, 1);
    await cc.publish(CustomerErased, customerId, { customerId, erasedAt: new Date().toISOString() });
    const stored = async () => [
      ...(await cc.query(`SELECT 1 FROM call_center.customer_value_tier WHERE customer_id = $1`, [
        customerId,
      ])),
      ...(await cc.query(`SELECT 1 FROM call_center.opportunity WHERE customer_id = $1`, [customerId])),
    ];
    await eventually(async () => expect(await stored()).toEqual([]));
    await tierChanged(customerId, 2, 'gold', 500_000);
    await stageChanged({ ...opportunity, stage: 'negotiation' }, 2);
    expect(await stored()).toEqual([]);
  });
});
