import {
  CustomerErased,
  CustomerMerged,
  CustomerRegistered,
  EventEnvelope,
  NextBestOffer,
  NextBestOfferChanged,
  Roles,
} from '@crm/contracts';
import { MessageTransport } from '@crm/messaging';
import { deliver, eventually, stampedEvent } from '@crm/testing';
import { CallCenterHarness } from './call-center.harness';
import { customerState } from './call-center.fixtures';

const offerOf = (product: string, basedOn = 'Aurora S7'): NextBestOffer => ({
  product,
  basedOn,
  reason: `owners of ${basedOn} often buy ${product}: confidence 80%, lift 2.0`,
  score: 1.6,
  confidence: 0.8,
  lift: 2,
});

describe("campaigns' next best offer on the customer's 360 (next-best-offer.changed)", () => {
  let cc: CallCenterHarness;
  let agent: string;
  const customer = customerState({ name: '孙七' });

  beforeAll(async () => {
    cc = await CallCenterHarness.start();
    agent = await cc.as([Roles.agent]);
    await cc.publish(CustomerRegistered, customer.customerId, customer);
  });

  afterAll(() => cc?.stop());

  const view360 = async (customerId = customer.customerId) =>
    (await cc.http().get(`/customers/${customerId}/360`).set('Authorization', agent).expect(200)).body;
  /** Delivers the event as campaigns' outbox numbers it, and resolves once the read model has handled it. */
  const changed = async (
    customerId: string,
    sequence: number,
    offer: NextBestOffer | null,
    changedAt = `2026-11-${String(sequence).padStart(2, '0')}T08:00:00.000Z`,
  ) => {
    const envelope = stampedEvent(
      NextBestOfferChanged,
      customerId,
      { customerId, offer, changedAt },
      { occurredAt: changedAt, aggregateSequence: sequence, producer: 'campaigns' },
    );
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

  it('shows the offer with its product, reason and since', async () => {
    await eventually(async () => expect((await view360()).nextBestOffer).toBeNull());
    await changed(customer.customerId, 1, offerOf('Nova E3'));
    expect((await view360()).nextBestOffer).toEqual({
      product: 'Nova E3',
      basedOn: 'Aurora S7',
      reason: 'owners of Aurora S7 often buy Nova E3: confidence 80%, lift 2.0',
      since: '2026-11-01T08:00:00.000Z',
    });
  });

  it('takes a newer offer; a redelivered or older event changes nothing', async () => {
    const newer = await changed(customer.customerId, 3, offerOf('Luna M2'));
    await changed(customer.customerId, 2, offerOf('Terra X5'));
    await deliver(cc.app.get(MessageTransport), newer);
    await changed(customer.customerId, 3, offerOf('Terra X5'), '2026-11-30T08:00:00.000Z');
    expect((await view360()).nextBestOffer).toMatchObject({
      product: 'Luna M2',
      since: '2026-11-03T08:00:00.000Z',
    });
    expect(
      await cc.query(`SELECT count(*)::int AS n FROM call_center.processed_event WHERE event_id = $1`, [
        newer.id,
      ]),
    ).toEqual([{ n: 1 }]);
  });

  it('shows none once campaigns withdraws the offer, and an older offer does not bring it back', async () => {
    await changed(customer.customerId, 4, null);
    await changed(customer.customerId, 3, offerOf('Nova E3'), '2026-11-29T08:00:00.000Z');
    expect((await view360()).nextBestOffer).toBeNull();
  });

  it('drops a merged-away customer’s offer and keeps the survivor’s own', async () => {
    const survivor = customerState({ name: '孙七' });
    const merged = customerState({ name: '孙七 (dup)' });
    for (const state of [survivor, merged]) await cc.publish(CustomerRegistered, state.customerId, state);
    await changed(survivor.customerId, 1, offerOf('Nova E3'));
    await changed(merged.customerId, 1, offerOf('Luna M2'));
    await cc.publish(CustomerMerged, survivor.customerId, {
      survivorId: survivor.customerId,
      mergedId: merged.customerId,
      movedVehicleIds: [],
      survivor,
    });
    await eventually(async () =>
      expect(
        await cc.query(`SELECT product FROM call_center.next_best_offer WHERE customer_id = $1`, [
          merged.customerId,
        ]),
      ).toEqual([]),
    );
    expect((await view360(survivor.customerId)).nextBestOffer).toMatchObject({ product: 'Nova E3' });
  });

  it("forgets an erased customer's offer, and a late offer event does not bring it back", async () => {
    await changed(customer.customerId, 5, offerOf('Nova E3'));
    await cc.publish(CustomerErased, customer.customerId, {
      customerId: customer.customerId,
      erasedAt: new Date().toISOString(),
    });
    const stored = () =>
      cc.query(`SELECT 1 FROM call_center.next_best_offer WHERE customer_id = $1`, [customer.customerId]);
    await eventually(async () => expect(await stored()).toEqual([]));
    await changed(customer.customerId, 6, offerOf('Luna M2'));
    expect(await stored()).toEqual([]);
  });
});
