import { FixedClock } from '@crm/core';
import { TicketEscalated } from '@crm/contracts';
import { SlaChecker } from '../src/sla/sla-checker';
import { ServiceHarness } from './service.harness';

const MINUTE = 60_000;

describe(SlaChecker.name, () => {
  // A Tuesday, 10:00 in Shanghai.
  const clock = new FixedClock(new Date('2026-11-24T02:00:00Z'));
  let harness: ServiceHarness;
  let agent: string;
  let checker: SlaChecker;

  beforeAll(async () => {
    harness = await ServiceHarness.start({ clock });
    await harness.customer('6f1c1c1e-0000-4000-8000-000000000005');
    agent = await harness.as(['agent']);
    checker = harness.get(SlaChecker);
  });
  afterAll(() => harness.stop());

  const open = (lat: number, lon: number) =>
    harness
      .http()
      .post('/tickets')
      .set('Authorization', agent)
      .send({
        customerId: '6f1c1c1e-0000-4000-8000-000000000005',
        qualityType: 'brakes',
        description: 'brakes fail',
        channel: 'phone',
        location: { lat, lon },
      })
      .expect(201)
      .then((r) => r.body);
  const escalations = async (ticketId: string) =>
    (await harness.outboxTypes(ticketId)).filter((type) => type === TicketEscalated.type);

  it('stores the due times on the ticket: response from routing, resolution from opening', async () => {
    await harness.station({ lat: 30 + 0.01, lon: 110 });
    const ticket = await open(30, 110);
    expect(ticket).toMatchObject({
      severity: 'critical',
      responseDueAt: '2026-11-24T03:00:00.000Z',
      resolutionDueAt: '2026-11-25T02:00:00.000Z',
      escalated: false,
    });
  });

  const slaClock = async (ticketId: string) =>
    (
      await harness.query<{ response: Date | null; resolution: Date | null }>(
        `SELECT response_due_at AS response, resolution_due_at AS resolution FROM service.sla_clock WHERE ticket_id = $1`,
        [ticketId],
      )
    ).map((row) => ({
      response: row.response?.toISOString() ?? null,
      resolution: row.resolution?.toISOString() ?? null,
    }));

  it('counts the response target in the station’s opening hours', async () => {
    const hours = [2, 3].map((day) => ({ day, opens: '09:00', closes: '10:30' }));
    await harness.station({ lat: 40 + 0.01, lon: 100, openingHours: hours });
    const ticket = await open(40, 100);
    // Routed at 10:00 Shanghai: half an hour today, the other half from 09:00 tomorrow.
    expect(ticket.responseDueAt).toBe('2026-11-25T01:30:00.000Z');
  });

  it('escalates a breach exactly once, and a second target breach once more', async () => {
    await harness.station({ lat: 20 + 0.01, lon: 100 });
    const ticket = await open(20, 100);
    expect(await checker.checkBreaches(new Date(clock.now().getTime() + 59 * MINUTE))).toBe(0);

    clock.advance(61 * MINUTE);
    expect(await checker.checkBreaches(clock.now())).toBeGreaterThanOrEqual(1);
    expect(await checker.checkBreaches(clock.now())).toBe(0);
    expect(await escalations(ticket.ticketId)).toHaveLength(1);

    const escalated = await harness
      .http()
      .get(`/tickets/${ticket.ticketId}`)
      .set('Authorization', agent)
      .expect(200);
    expect(escalated.body).toMatchObject({
      escalated: true,
      status: 'routed',
      responseBreachedAt: clock.now().toISOString(),
    });
    const listed = await harness
      .http()
      .get('/tickets?escalated=true')
      .set('Authorization', agent)
      .expect(200);
    expect(listed.body.items.map((t: { ticketId: string }) => t.ticketId)).toContain(ticket.ticketId);

    await harness
      .http()
      .post(`/station/tickets/${ticket.ticketId}/accept`)
      .set('Authorization', await harness.asStation(ticket.stationId))
      .expect(200);
    clock.advance(24 * 60 * MINUTE);
    await checker.checkBreaches(clock.now());
    await checker.checkBreaches(clock.now());
    expect(await escalations(ticket.ticketId)).toHaveLength(2);
    const [, resolution] = await harness.query<{ p: { reason: string; dueAt: string } }>(
      `SELECT envelope->'payload' AS p FROM service.outbox_message
        WHERE message_key = $1 AND envelope->>'type' = '${TicketEscalated.type}' ORDER BY seq`,
      [ticket.ticketId],
    );
    expect(resolution.p).toMatchObject({ reason: 'resolution-sla-breached', dueAt: ticket.resolutionDueAt });
  });

  it('keeps its own clock from the ticket’s steps: response stops on acceptance, everything on resolution', async () => {
    await harness.station({ lat: 50 + 0.01, lon: 100 });
    const ticket = await open(50, 100);
    expect(await slaClock(ticket.ticketId)).toEqual([
      { response: ticket.responseDueAt, resolution: ticket.resolutionDueAt },
    ]);

    const station = await harness.asStation(ticket.stationId);
    await harness
      .http()
      .post(`/station/tickets/${ticket.ticketId}/accept`)
      .set('Authorization', station)
      .expect(200);
    expect(await slaClock(ticket.ticketId)).toEqual([{ response: null, resolution: ticket.resolutionDueAt }]);
    clock.advance(2 * 60 * MINUTE);
    await checker.checkBreaches(clock.now());
    expect(await escalations(ticket.ticketId)).toEqual([]);

    await harness
      .http()
      .post(`/station/tickets/${ticket.ticketId}/resolve`)
      .set('Authorization', station)
      .send({
        workDone: 'Replaced pads',
        parts: [],
        cost: { amount: 100, currency: 'CNY' },
        technician: '王师傅',
      })
      .expect(200);
    expect(await slaClock(ticket.ticketId)).toEqual([]);
  });
});
