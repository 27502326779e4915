import { EventEnvelope } from '@crm/contracts';
import { SUBSCRIBABLE_EVENTS } from './subscribable-events';
import { SubscriptionScope, wantsEvent } from './subscription';

const DEALER_A = '00000000-0000-4000-8000-00000000000a';
const DEALER_B = '00000000-0000-4000-8000-00000000000b';

function event(type: string, payload: Record<string, unknown>): EventEnvelope {
  return { id: 'e1', type, version: 1, payload } as unknown as EventEnvelope;
}
const sold = (dealer: string | null, model = 'Aurora S') =>
  event('vehicle.registered', { sellingDealerId: dealer, model });

describe(wantsEvent.name, () => {
  const platform: SubscriptionScope = { partnerId: null, eventTypes: ['vehicle.registered'], filters: {} };

  it('gives a platform client every event of the types it subscribed to', () => {
    expect(wantsEvent(platform, sold(DEALER_A))).toBe(true);
    expect(wantsEvent(platform, sold(null))).toBe(true);
    expect(wantsEvent(platform, event('customer.registered', {}))).toBe(false);
  });

  it("gives a dealer only the events about its own records, never another dealer's or unscoped ones", () => {
    const dealerA = { ...platform, partnerId: DEALER_A };
    expect(wantsEvent(dealerA, sold(DEALER_A))).toBe(true);
    expect(wantsEvent(dealerA, sold(DEALER_B))).toBe(false);
    expect(wantsEvent(dealerA, sold(null))).toBe(false);
    const customers = { partnerId: DEALER_A, eventTypes: ['customer.registered'], filters: {} };
    expect(wantsEvent(customers, event('customer.registered', { partnerId: DEALER_A }))).toBe(false);
  });

  it('applies filters on payload fields; an event without the field does not pass', () => {
    const models = { ...platform, filters: { model: ['Aurora S', 'Aurora X'] } };
    expect(wantsEvent(models, sold(DEALER_A, 'Aurora X'))).toBe(true);
    expect(wantsEvent(models, sold(DEALER_A, 'Aurora Z'))).toBe(false);
    expect(wantsEvent(models, event('vehicle.registered', {}))).toBe(false);
  });
});

describe('SUBSCRIBABLE_EVENTS', () => {
  it.each([
    ['vehicle.registered', 'sellingDealerId'],
    ['ticket.routed', 'stationId'],
    ['repair.recorded', 'stationId'],
    ['order.placed', 'dealerId'],
    ['lead.assigned', 'partnerId'],
    ['customer.registered', null],
  ])('scopes %s by %s', (type, field) => {
    expect(SUBSCRIBABLE_EVENTS.get(type)?.partnerField).toBe(field);
  });
});
