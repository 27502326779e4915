import { randomUUID } from 'node:crypto';
import {
  CustomerRegistered,
  CustomerUpdated,
  TicketResolved,
  TicketRouted,
  VehicleRegistered,
} from '@crm/contracts';
import { eventually } from '@crm/testing';
import { customerState, ticketSummary, vehicleState } from './call-center.fixtures';
import { CallCenterHarness } from './call-center.harness';

const NEWER = new Date('2026-11-30T10:00:00Z');
const OLDER = new Date('2026-11-30T09:00:00Z');

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
});
