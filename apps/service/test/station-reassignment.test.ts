import { DataSource } from 'typeorm';
import { eventually } from '@crm/testing';
import { ServiceHarness } from './service.harness';

const KM = 1 / 111.2;

/** A station acting at the moment its ticket is re-routed away: the assignment is checked under the row lock. */
describe('a station loses a ticket re-routed away while its action waits for the ticket lock', () => {
  let harness: ServiceHarness;
  let ownId: string;
  let otherId: string;
  let own: string;

  beforeAll(async () => {
    harness = await ServiceHarness.start();
    await harness.customer('6f1c1c1e-0000-4000-8000-000000000009');
    ownId = await harness.station({ name: 'own', lat: 31.2 + KM, lon: 121.4, capacity: 50 });
    otherId = await harness.station({ name: 'other', lat: 31.2 + 2 * KM, lon: 121.4 });
    own = await harness.asStation(ownId);
  });
  afterAll(() => harness.stop());

  async function openTicket(): Promise<string> {
    const opened = await harness
      .http()
      .post('/tickets')
      .set('Authorization', await harness.as(['agent']))
      .send({
        customerId: '6f1c1c1e-0000-4000-8000-000000000009',
        qualityType: 'engine',
        description: 'engine stalls',
        channel: 'web',
        location: { lat: 31.2, lon: 121.4 },
      })
      .expect(201);
    expect(opened.body.stationId).toBe(ownId);
    return opened.body.ticketId;
  }

  /** Holds the ticket's row lock, lets the station's request queue behind it, then re-routes the ticket. */
  async function rerouteWhileWaiting(ticketId: string, action: () => Promise<{ status: number }>) {
    const runner = harness.get(DataSource).createQueryRunner();
    await runner.connect();
    await runner.startTransaction();
    try {
      await runner.query(`SELECT id FROM service.ticket WHERE id = $1 FOR UPDATE`, [ticketId]);
      const pending = action();
      await eventually(async () => {
        const waiting = await harness.query(
          `SELECT 1 FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`,
        );
        expect(waiting.length).toBeGreaterThan(0);
      });
      await runner.query(`UPDATE service.ticket SET station_id = $2 WHERE id = $1`, [ticketId, otherId]);
      await runner.commitTransaction();
      return await pending;
    } finally {
      await runner.release();
    }
  }

  it.each([
    ['accept', {}],
    ['decline', { reason: 'no lift free' }],
    ['appointment', { at: '2030-01-02T09:00:00Z' }],
    ['progress', { note: 'parts ordered' }],
  ])('answers 404 to %s and leaves the ticket as it was', async (step, body) => {
    const ticketId = await openTicket();
    if (step === 'appointment' || step === 'progress')
      await harness.http().post(`/station/tickets/${ticketId}/accept`).set('Authorization', own).expect(200);
    const before = await harness.query(`SELECT status, station_id FROM service.ticket WHERE id = $1`, [
      ticketId,
    ]);
    const response = await rerouteWhileWaiting(ticketId, () =>
      harness.http().post(`/station/tickets/${ticketId}/${step}`).set('Authorization', own).send(body).then(),
    );
    expect(response.status).toBe(404);
    const [after] = await harness.query(`SELECT status, station_id FROM service.ticket WHERE id = $1`, [
      ticketId,
    ]);
    expect(after).toEqual({ status: before[0].status, station_id: otherId });
  });

  it('answers 404 to resolve and records no repair', async () => {
    const ticketId = await openTicket();
    await harness.http().post(`/station/tickets/${ticketId}/accept`).set('Authorization', own).expect(200);
    const response = await rerouteWhileWaiting(ticketId, () =>
      harness
        .http()
        .post(`/station/tickets/${ticketId}/resolve`)
        .set('Authorization', own)
        .send({
          workDone: 'replaced pads',
          technician: '王师傅',
          parts: [],
          cost: { amount: 100, currency: 'CNY' },
        })
        .then(),
    );
    expect(response.status).toBe(404);
    expect(
      await harness.query(`SELECT 1 FROM service.repair_record WHERE ticket_id = $1`, [ticketId]),
    ).toEqual([]);
  });
});
