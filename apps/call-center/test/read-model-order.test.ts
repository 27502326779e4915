import { randomUUID } from 'node:crypto';
import {
  CustomerRegistered,
  CustomerUpdated,
  EventEnvelope,
  PartnerRegistered,
  PartnerUpdated,
  TicketResolved,
  TicketRouted,
  TicketSatisfactionRecorded,
  VehicleOwnershipChanged,
  VehicleRegistered,
} from '@crm/contracts';
import { MessageTransport } from '@crm/messaging';
import { deliver, eventually, stampedEvent } from '@crm/testing';
import { customerState, partnerState, ticketSummary, vehicleState } from './call-center.fixtures';
import { CallCenterHarness } from './call-center.harness';

const NEWER = new Date('2026-11-30T10:00:00Z');
const OLDER = new Date('2026-11-30T09:00:00Z');
/** A producer whose clock runs an hour fast stamps the older of two events later than the newer one. */
const SKEWED_LATE = { occurredAt: NEWER.toISOString() };
const EARLY = { occurredAt: OLDER.toISOString() };

describe('the call center read model applies only events newer than what it holds', () => {
  let harness: CallCenterHarness;

  beforeAll(async () => {
    harness = await CallCenterHarness.start();
  });
  afterAll(() => harness.stop());

  const handled = (eventId: string) =>
    eventually(async () => {
      const rows = await harness.query(`SELECT 1 FROM call_center.processed_event WHERE event_id = $1`, [
        eventId,
      ]);
      expect(rows).toHaveLength(1);
    });

  it('keeps the newer customer, vehicle and ticket when older events arrive late', async () => {
    const customer = customerState({ name: '王五', phones: ['+8613700137000'] });
    const id = customer.customerId;
    await harness.publish(
      CustomerUpdated,
      id,
      { ...customer, changedFields: ['name', 'phones'] },
      'test',
      NEWER,
    );
    const lateCustomer = await harness.publish(
      CustomerRegistered,
      id,
      { ...customer, name: '旧名', phones: ['+8613600136000'] },
      'test',
      OLDER,
    );
    const vehicle = vehicleState(id, { model: 'A8 Sedan' });
    await harness.publish(VehicleRegistered, vehicle.vehicleId, vehicle, 'test', NEWER);
    const lateVehicle = await harness.publish(
      VehicleRegistered,
      vehicle.vehicleId,
      { ...vehicle, model: 'A4 Sedan' },
      'test',
      OLDER,
    );
    const ticket = ticketSummary(id, { stationId: randomUUID() });
    await harness.publish(
      TicketResolved,
      ticket.ticketId,
      { ...ticket, status: 'resolved', repairId: randomUUID() },
      'test',
      NEWER,
    );
    const lateTicket = await harness.publish(
      TicketRouted,
      ticket.ticketId,
      {
        ...ticket,
        stationId: ticket.stationId!,
        status: 'routed',
        distanceMeters: 1,
        radiusKm: 5,
        candidates: [],
      },
      'test',
      OLDER,
    );
    await Promise.all([handled(lateCustomer.id), handled(lateVehicle.id), handled(lateTicket.id)]);

    expect(await harness.query(`SELECT name FROM call_center.customer WHERE id = $1`, [id])).toEqual([
      { name: '王五' },
    ]);
    expect(
      await harness.query(`SELECT e164 FROM call_center.customer_phone WHERE customer_id = $1`, [id]),
    ).toEqual([{ e164: '+8613700137000' }]);
    expect(
      await harness.query(`SELECT model FROM call_center.vehicle WHERE id = $1`, [vehicle.vehicleId]),
    ).toEqual([{ model: 'A8 Sedan' }]);
    expect(
      await harness.query(`SELECT status FROM call_center.ticket WHERE id = $1`, [ticket.ticketId]),
    ).toEqual([{ status: 'resolved' }]);
  });

  /** Delivers the events in order and waits until the read model has handled each of them. */
  const deliverAll = async (...events: EventEnvelope[]) => {
    await deliver(harness.app.get(MessageTransport), ...events);
    await Promise.all(events.map((event) => handled(event.id)));
  };

  /** As if retention had pruned the inbox: only the replica's own ordering now stands between a redelivery and the copy. */
  const forgetHandled = (events: EventEnvelope[]) =>
    harness.query(`DELETE FROM call_center.processed_event WHERE event_id = ANY($1)`, [
      events.map((e) => e.id),
    ]);

  it('orders by aggregate sequence, not clocks: an older event stamped later changes nothing, nor does a redelivery', async () => {
    const customer = customerState({ name: '赵六', phones: ['+8613500135000'] });
    const id = customer.customerId;
    const vehicle = vehicleState(id, { model: 'A8 Sedan', vin: 'LSVAU2187N2654321' });
    const partner = partnerState({ name: '上海新店' });
    const ticket = ticketSummary(id, { stationId: randomUUID() });
    const newer = [
      stampedEvent(
        CustomerUpdated,
        id,
        { ...customer, changedFields: ['name'] },
        { ...EARLY, aggregateSequence: 2 },
      ),
      stampedEvent(
        VehicleOwnershipChanged,
        vehicle.vehicleId,
        { ...vehicle, previousOwnerCustomerId: randomUUID(), reason: 'transfer' },
        {
          ...EARLY,
          aggregateSequence: 2,
        },
      ),
      stampedEvent(PartnerUpdated, partner.partnerId, partner, { ...EARLY, aggregateSequence: 2 }),
      stampedEvent(
        TicketResolved,
        ticket.ticketId,
        { ...ticket, status: 'resolved', repairId: randomUUID() },
        {
          ...EARLY,
          aggregateSequence: 3,
        },
      ),
      stampedEvent(
        TicketSatisfactionRecorded,
        ticket.ticketId,
        { ...ticket, status: 'resolved', score: 5, comment: null },
        {
          ...EARLY,
          aggregateSequence: 5,
        },
      ),
    ];
    const older = [
      stampedEvent(
        CustomerRegistered,
        id,
        { ...customer, name: '旧名', phones: ['+8613600136000'] },
        {
          ...SKEWED_LATE,
          aggregateSequence: 1,
        },
      ),
      stampedEvent(
        VehicleRegistered,
        vehicle.vehicleId,
        { ...vehicle, model: 'A4 Sedan' },
        {
          ...SKEWED_LATE,
          aggregateSequence: 1,
        },
      ),
      stampedEvent(
        PartnerRegistered,
        partner.partnerId,
        { ...partner, name: '上海旧店' },
        {
          ...SKEWED_LATE,
          aggregateSequence: 1,
        },
      ),
      stampedEvent(
        TicketRouted,
        ticket.ticketId,
        {
          ...ticket,
          stationId: ticket.stationId!,
          status: 'routed',
          distanceMeters: 1,
          radiusKm: 5,
          candidates: [],
        },
        {
          ...SKEWED_LATE,
          aggregateSequence: 2,
        },
      ),
      stampedEvent(
        TicketSatisfactionRecorded,
        ticket.ticketId,
        { ...ticket, status: 'resolved', score: 2, comment: '慢' },
        {
          ...SKEWED_LATE,
          aggregateSequence: 4,
        },
      ),
    ];
    const held = async () => ({
      customer: await harness.query(`SELECT name FROM call_center.customer WHERE id = $1`, [id]),
      phones: await harness.query(`SELECT e164 FROM call_center.customer_phone WHERE customer_id = $1`, [id]),
      vehicle: await harness.query(`SELECT model FROM call_center.vehicle WHERE id = $1`, [
        vehicle.vehicleId,
      ]),
      partner: await harness.query(`SELECT name FROM call_center.partner WHERE id = $1`, [partner.partnerId]),
      ticket: await harness.query(
        `SELECT status, satisfaction_score AS score FROM call_center.ticket WHERE id = $1`,
        [ticket.ticketId],
      ),
    });
    const expected = {
      customer: [{ name: '赵六' }],
      phones: [{ e164: '+8613500135000' }],
      vehicle: [{ model: 'A8 Sedan' }],
      partner: [{ name: '上海新店' }],
      ticket: [{ status: 'resolved', score: 5 }],
    };

    await deliverAll(...newer);
    await deliverAll(...older);
    expect(await held()).toEqual(expected);

    await forgetHandled([...newer, ...older]);
    await deliverAll(...older, ...newer);
    expect(await held()).toEqual(expected);
  });

  it('lets a numbered event replace an unnumbered one whatever the clocks say, never the reverse', async () => {
    const customer = customerState({ name: '孙八' });
    const id = customer.customerId;
    await deliverAll(stampedEvent(CustomerRegistered, id, { ...customer, name: '未编号' }, SKEWED_LATE));
    await deliverAll(
      stampedEvent(
        CustomerUpdated,
        id,
        { ...customer, changedFields: ['name'] },
        { ...EARLY, aggregateSequence: 1 },
      ),
    );
    await deliverAll(
      stampedEvent(
        CustomerUpdated,
        id,
        { ...customer, name: '旧客户端', changedFields: ['name'] },
        SKEWED_LATE,
      ),
    );

    expect(await harness.query(`SELECT name FROM call_center.customer WHERE id = $1`, [id])).toEqual([
      { name: '孙八' },
    ]);
  });
});
