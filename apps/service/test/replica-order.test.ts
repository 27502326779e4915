import { randomUUID } from 'node:crypto';
import {
  CustomerRegistered,
  CustomerUpdated,
  EventEnvelope,
  PartnerRegistered,
  PartnerUpdated,
  VehicleOwnershipChanged,
  VehicleRegistered,
} from '@crm/contracts';
import { MessageTransport } from '@crm/messaging';
import { deliver, eventually, stampedEvent } from '@crm/testing';
import { ServiceHarness, stationState, vehicleState } from './service.harness';

const NEWER = new Date('2026-11-30T10:00:00Z');
const OLDER = new Date('2026-11-30T09:00:00Z');
/** A producer whose clock runs an hour fast stamps the older of two events later than the newer one. */
const SKEWED_LATE = { occurredAt: NEWER.toISOString() };
const EARLY = { occurredAt: OLDER.toISOString() };

const customerAt = (customerId: string, phone: string, lat: number | null) => ({
  customerId,
  kind: 'person' as const,
  name: '钱七',
  namePinyin: 'qian qi',
  phones: [phone],
  emails: [],
  address: {
    province: null,
    city: null,
    district: null,
    street: null,
    postalCode: null,
    location: lat === null ? null : { lat, lon: 100 },
  },
  birthday: null,
  gender: null,
  tags: [],
  ownerSalesRepId: null,
  consents: [],
});

describe('replicas apply only events newer than what they hold', () => {
  let harness: ServiceHarness;

  beforeAll(async () => {
    harness = await ServiceHarness.start();
  });
  afterAll(() => harness.stop());

  const handled = (eventId: string, consumers: number) =>
    eventually(async () => {
      const rows = await harness.query(`SELECT consumer FROM service.processed_event WHERE event_id = $1`, [
        eventId,
      ]);
      expect(rows).toHaveLength(consumers);
    });

  it('keeps the newer station when an older partner event arrives late', async () => {
    const state = stationState({ lat: 31, lon: 121, name: '上海浦东站' });
    await harness.publish(PartnerUpdated, state.partnerId, { ...state, capacity: 9 }, NEWER);
    const late = await harness.publish(PartnerUpdated, state.partnerId, { ...state, capacity: 3 }, OLDER);
    await handled(late.id, 1);

    const rows = await harness.query(`SELECT capacity FROM service.station WHERE id = $1`, [state.partnerId]);
    expect(rows).toEqual([{ capacity: 9 }]);
  });

  it('keeps the newer customer location and contacts when an older customer event arrives late', async () => {
    const customerId = randomUUID();
    await harness.publish(
      CustomerUpdated,
      customerId,
      { ...customerAt(customerId, '+8613900139000', 40), changedFields: ['phones', 'address'] },
      NEWER,
    );
    const late = await harness.publish(
      CustomerRegistered,
      customerId,
      customerAt(customerId, '+8613800138000', 20),
      OLDER,
    );
    await handled(late.id, 2);

    expect(
      await harness.query(`SELECT lat FROM service.customer_location WHERE customer_id = $1`, [customerId]),
    ).toEqual([{ lat: 40 }]);
    expect(
      await harness.query(`SELECT phones FROM service.customer_contact WHERE customer_id = $1`, [customerId]),
    ).toEqual([{ phones: ['+8613900139000'] }]);
  });

  /** Delivers the events in order and waits until every consumer of them has handled each. */
  const deliverAll = async (consumers: number, ...events: EventEnvelope[]) => {
    await deliver(harness.get(MessageTransport), ...events);
    await Promise.all(events.map((event) => handled(event.id, consumers)));
  };

  /** As if retention had pruned the inbox: only the replica's own ordering now stands between a redelivery and it. */
  const forgetHandled = (events: EventEnvelope[]) =>
    harness.query(`DELETE FROM service.processed_event WHERE event_id = ANY($1)`, [events.map((e) => e.id)]);

  it('orders stations by aggregate sequence, not clocks, and ignores a redelivery', async () => {
    const state = stationState({ lat: 31, lon: 121, name: '上海闵行站' });
    const newer = stampedEvent(
      PartnerUpdated,
      state.partnerId,
      { ...state, capacity: 9 },
      {
        ...EARLY,
        aggregateSequence: 2,
      },
    );
    const older = stampedEvent(
      PartnerRegistered,
      state.partnerId,
      { ...state, capacity: 3 },
      {
        ...SKEWED_LATE,
        aggregateSequence: 1,
      },
    );
    const capacity = () =>
      harness.query(`SELECT capacity FROM service.station WHERE id = $1`, [state.partnerId]);

    await deliverAll(1, newer);
    await deliverAll(1, older);
    expect(await capacity()).toEqual([{ capacity: 9 }]);

    await forgetHandled([newer, older]);
    await deliverAll(1, older, newer);
    expect(await capacity()).toEqual([{ capacity: 9 }]);
  });

  it('orders customer locations and contacts by aggregate sequence, not clocks, and ignores a redelivery', async () => {
    const customerId = randomUUID();
    const newer = stampedEvent(
      CustomerUpdated,
      customerId,
      { ...customerAt(customerId, '+8613900139000', 40), changedFields: ['phones', 'address'] },
      { ...EARLY, aggregateSequence: 2 },
    );
    const older = stampedEvent(CustomerRegistered, customerId, customerAt(customerId, '+8613800138000', 20), {
      ...SKEWED_LATE,
      aggregateSequence: 1,
    });
    const held = async () => ({
      location: await harness.query(`SELECT lat FROM service.customer_location WHERE customer_id = $1`, [
        customerId,
      ]),
      contact: await harness.query(`SELECT phones FROM service.customer_contact WHERE customer_id = $1`, [
        customerId,
      ]),
    });
    const expected = { location: [{ lat: 40 }], contact: [{ phones: ['+8613900139000'] }] };

    await deliverAll(2, newer);
    await deliverAll(2, older);
    expect(await held()).toEqual(expected);

    await forgetHandled([newer, older]);
    await deliverAll(2, older, newer);
    expect(await held()).toEqual(expected);
  });

  it('does not let an older event with a later clock remove a newer location', async () => {
    const customerId = randomUUID();
    const located = stampedEvent(
      CustomerUpdated,
      customerId,
      { ...customerAt(customerId, '+8613900139000', 40), changedFields: ['address'] },
      { ...EARLY, aggregateSequence: 2 },
    );
    const unlocated = stampedEvent(
      CustomerRegistered,
      customerId,
      customerAt(customerId, '+8613900139000', null),
      {
        ...SKEWED_LATE,
        aggregateSequence: 1,
      },
    );

    await deliverAll(2, located);
    await deliverAll(2, unlocated);

    expect(
      await harness.query(`SELECT lat FROM service.customer_location WHERE customer_id = $1`, [customerId]),
    ).toEqual([{ lat: 40 }]);
  });

  it('keeps the newer owner of a customer vehicle when an older event carries a later clock, and ignores a redelivery', async () => {
    const [formerOwner, owner] = [randomUUID(), randomUUID()];
    const vehicle = vehicleState(owner);
    const newer = stampedEvent(
      VehicleOwnershipChanged,
      vehicle.vehicleId,
      { ...vehicle, previousOwnerCustomerId: formerOwner, reason: 'transfer' },
      { ...EARLY, aggregateSequence: 2 },
    );
    const older = stampedEvent(
      VehicleRegistered,
      vehicle.vehicleId,
      { ...vehicle, ownerCustomerId: formerOwner },
      {
        ...SKEWED_LATE,
        aggregateSequence: 1,
      },
    );
    const heldOwner = () =>
      harness.query(`SELECT owner_customer_id AS owner FROM service.customer_vehicle WHERE vehicle_id = $1`, [
        vehicle.vehicleId,
      ]);

    await deliverAll(1, newer);
    await deliverAll(1, older);
    expect(await heldOwner()).toEqual([{ owner }]);

    await forgetHandled([newer, older]);
    await deliverAll(1, older, newer);
    expect(await heldOwner()).toEqual([{ owner }]);
  });
});
