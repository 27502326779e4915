import { randomUUID } from 'node:crypto';
import {
  ComplaintRecorded,
  TicketAccepted,
  TicketAppointmentProposed,
  TicketDeclined,
  TicketOpened,
  TicketProgressUpdated,
  TicketResolved,
  TicketRouted,
  TicketSatisfactionRecorded,
} from '@crm/contracts';
import { eventually } from '@crm/testing';
import { ServiceHarness } from './service.harness';

const KM = 1 / 111.2;
const CUSTOMER = '6f1c1c1e-0000-4000-8000-000000000002';

describe('a ticket from complaint to satisfaction', () => {
  let harness: ServiceHarness;
  let agent: string;
  let nearest: string;
  let next: string;

  beforeAll(async () => {
    harness = await ServiceHarness.start();
    await harness.customer(CUSTOMER, [{ vin: 'LSVAU2180N2123456', brand: 'Aurora' }]);
    agent = await harness.as(['agent']);
    nearest = await harness.station({ name: '浦东站', lat: 31.2 + KM, lon: 121.5 });
    next = await harness.station({ name: '徐汇站', lat: 31.2 + 3 * KM, lon: 121.5 });
  });
  afterAll(() => harness.stop());

  const station = (id: string) => harness.asStation(id);
  const call = async (stationId: string, ticketId: string, action: string, body: object = {}) =>
    harness
      .http()
      .post(`/station/tickets/${ticketId}/${action}`)
      .set('Authorization', await station(stationId))
      .send(body);

  it('goes new → routed → declined → routed → accepted → in progress → resolved → rated, with a timeline', async () => {
    const opened = await harness
      .http()
      .post('/tickets')
      .set('Authorization', agent)
      .send({
        customerId: CUSTOMER,
        vin: 'LSVAU2180N2123456',
        brand: 'Aurora',
        qualityType: 'brakes',
        description: '刹车异响',
        channel: 'phone',
        location: { lat: 31.2, lon: 121.5 },
      })
      .expect(201);
    const id = opened.body.ticketId;
    expect(opened.body).toMatchObject({ status: 'routed', stationId: nearest, severity: 'critical' });

    const declined = await call(nearest, id, 'decline', { reason: '没有刹车技师' });
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ status: 'routed', stationId: next });
    await call(nearest, id, 'accept').then((r) => expect(r.status).toBe(404));

    expect((await call(next, id, 'accept')).body.status).toBe('accepted');
    const appointmentAt = '2026-11-26T01:30:00.000Z';
    expect((await call(next, id, 'appointment', { at: appointmentAt })).body.appointmentAt).toBe(
      appointmentAt,
    );
    expect((await call(next, id, 'progress', { note: '已订购刹车片' })).body.status).toBe('in_progress');
    const resolved = await call(next, id, 'resolve', {
      workDone: '更换前刹车片',
      parts: [{ partNumber: 'BRK-1', description: 'front pads', quantity: 2 }],
      cost: { amount: 860.5, currency: 'CNY' },
      technician: '王师傅',
    });
    expect(resolved.body).toMatchObject({ status: 'resolved', stationId: next });

    const rated = await harness
      .http()
      .post(`/tickets/${id}/satisfaction`)
      .set('Authorization', agent)
      .send({ score: 5, comment: '很满意' })
      .expect(200);
    expect(rated.body.satisfaction).toMatchObject({ score: 5, comment: '很满意' });

    expect(await harness.outboxTypes(id)).toEqual([
      TicketOpened.type,
      TicketRouted.type,
      TicketDeclined.type,
      TicketRouted.type,
      TicketAccepted.type,
      TicketAppointmentProposed.type,
      TicketProgressUpdated.type,
      TicketResolved.type,
      TicketSatisfactionRecorded.type,
    ]);
    const repairs = await harness.query(`SELECT envelope->'payload' AS p FROM service.outbox_message
      WHERE envelope->>'type' = 'repair.recorded'`);
    expect(repairs).toEqual([
      { p: expect.objectContaining({ ticketId: id, stationName: '徐汇站', technician: '王师傅' }) },
    ]);

    const timeline = await harness
      .http()
      .get(`/tickets/${id}/timeline`)
      .set('Authorization', agent)
      .expect(200);
    expect(timeline.body.steps.map((s: { step: string }) => s.step)).toEqual([
      'opened',
      'routed',
      'declined',
      'routed',
      'accepted',
      'appointment-proposed',
      'progress',
      'resolved',
      'satisfaction-recorded',
    ]);
    expect(timeline.body.reported.by).toEqual({ id: 'user-agent', kind: 'user', name: null });
    expect(timeline.body.accepted.by.kind).toBe('partner');
    expect(timeline.body.resolved.sinceOpenedMs).toBeGreaterThanOrEqual(0);
    expect(timeline.body.steps[2]).toMatchObject({ stationId: nearest, note: '没有刹车技师' });
    expect(timeline.body.steps[1].tookMs).toEqual(expect.any(Number));
  });

  it('frees the station’s slot on decline and resolve', async () => {
    const rows = await harness.query(`SELECT id, open_tickets FROM service.station ORDER BY name`);
    expect(rows).toEqual(
      expect.arrayContaining([
        { id: nearest, open_tickets: 0 },
        { id: next, open_tickets: 0 },
      ]),
    );
  });

  it('refuses a step the status does not allow with 409', async () => {
    const [ticket] = await harness.query<{ id: string }>(`SELECT id FROM service.ticket LIMIT 1`);
    const response = await harness
      .http()
      .post(`/tickets/${ticket.id}/reopen`)
      .set('Authorization', agent)
      .send({});
    expect(response.status).toBe(400);
    await harness.http().post(`/tickets/${ticket.id}/close`).set('Authorization', agent).expect(200);
    const again = await harness.http().post(`/tickets/${ticket.id}/close`).set('Authorization', agent);
    expect(again.status).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
  });

  it('opens the ticket of a recorded complaint once, under the call center’s id', async () => {
    const ticketId = randomUUID();
    const complaint = {
      interactionId: randomUUID(),
      ticketId,
      customerId: CUSTOMER,
      vehicleId: null,
      vin: null,
      brand: 'Aurora',
      sellingDealerId: null,
      qualityType: 'engine' as const,
      description: '发动机抖动',
      channel: 'phone' as const,
      location: { lat: 31.2, lon: 121.5 },
      agentId: 'agent-7',
      agentName: '王丽',
    };
    const envelope = await harness.publish(ComplaintRecorded, complaint.interactionId, complaint);
    await harness.publishEnvelope(envelope);
    await harness.publish(ComplaintRecorded, complaint.interactionId, complaint);

    const ticket = await eventually(async () => {
      const response = await harness
        .http()
        .get(`/tickets/${ticketId}`)
        .set('Authorization', agent)
        .expect(200);
      return response.body;
    });
    expect(ticket).toMatchObject({
      status: 'routed',
      stationId: nearest,
      interactionId: complaint.interactionId,
    });
    await eventually(async () => {
      const consumed = await harness.query(`SELECT count(*)::int AS n FROM service.processed_event
        WHERE consumer = 'complaint-intake'`);
      expect(consumed).toEqual([{ n: 2 }]);
    });
    expect(await harness.outboxTypes(ticketId)).toEqual([TicketOpened.type, TicketRouted.type]);
    const timeline = await harness.http().get(`/tickets/${ticketId}/timeline`).set('Authorization', agent);
    expect(timeline.body.reported.by).toMatchObject({ name: '王丽' });
  });
});
