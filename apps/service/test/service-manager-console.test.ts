import { randomUUID } from 'node:crypto';
import { CustomerRegistered, TicketRouted } from '@crm/contracts';
import { FixedClock } from '@crm/core';
import { eventually } from '@crm/testing';
import { ServiceHarness, stationState } from './service.harness';

const KM = 1 / 111.2;
const HOUR = 3_600_000;
const AT = { lat: 31.2, lon: 121.4 };
const RESOLUTION = {
  workDone: '更换刹车片',
  parts: [],
  cost: { amount: 300, currency: 'CNY' },
  technician: '王师傅',
};
const jiangsu = (lat: number, lon: number) => ({
  ...stationState({ lat, lon }).address,
  province: '江苏省',
  city: '苏州市',
});

/** The service manager's and the station portal's console routes (ADR 0041), on real PostgreSQL and Kafka. */
describe('service manager console: board, station map, re-route by hand; station portal log; survey page', () => {
  // A Tuesday, 10:00 in Shanghai.
  const clock = new FixedClock(new Date('2026-11-24T02:00:00Z'));
  let harness: ServiceHarness;
  let manager: string;
  let agent: string;
  let customerId: string;
  const station: Record<'near' | 'jiangsu' | 'full' | 'inactive' | 'unskilled', string> = {} as never;

  beforeAll(async () => {
    harness = await ServiceHarness.start({ clock });
    manager = await harness.as(['service_manager']);
    agent = await harness.as(['agent']);
    customerId = await harness.customer();
    station.near = await harness.station({ name: '上海近站', lat: AT.lat + KM, lon: AT.lon, capacity: 50 });
    station.jiangsu = await harness.station({
      name: '苏州站',
      lat: AT.lat + 30 * KM,
      lon: AT.lon,
      address: jiangsu(AT.lat + 30 * KM, AT.lon),
    });
    station.full = await harness.station({ name: '满站', lat: AT.lat + 40 * KM, lon: AT.lon, capacity: 0 });
    station.inactive = await harness.station({
      name: '停业站',
      lat: AT.lat + 50 * KM,
      lon: AT.lon,
      active: false,
    });
    station.unskilled = await harness.station({
      name: '只修发动机',
      lat: AT.lat + 60 * KM,
      lon: AT.lon,
      skills: ['engine'],
    });
    await harness
      .http()
      .put(`/stations/${station.jiangsu}/webhook`)
      .set('Authorization', await harness.asStation(station.jiangsu))
      .send({ url: 'http://127.0.0.1:9/crm/tickets' })
      .expect(200);
  });
  afterAll(() => harness.stop());

  const openTicket = async (authorization = agent): Promise<string> => {
    const opened = await harness
      .http()
      .post('/tickets')
      .set('Authorization', authorization)
      .send({ customerId, qualityType: 'brakes', description: '刹车异响', channel: 'phone', location: AT })
      .expect(201);
    expect(opened.body.stationId).toBe(station.near);
    return opened.body.ticketId;
  };
  /** The near station accepts the ticket and resolves it. */
  const resolveAtNearStation = async (ticketId: string) => {
    const near = await harness.asStation(station.near);
    for (const [step, body] of [
      ['accept', {}],
      ['resolve', RESOLUTION],
    ] as const)
      await harness
        .http()
        .post(`/station/tickets/${ticketId}/${step}`)
        .set('Authorization', near)
        .send(body)
        .expect(200);
  };
  /** A ticket opened (by `authorization`), accepted and resolved by the near station, with its survey link. */
  const resolvedTicketLink = async (authorization = agent) => {
    const ticketId = await openTicket(authorization);
    await resolveAtNearStation(ticketId);
    const link = await harness
      .http()
      .post(`/tickets/${ticketId}/survey-link`)
      .set('Authorization', agent)
      .expect(201);
    return { ticketId, token: link.body.token as string };
  };
  const reroute = (ticketId: string, body: object, authorization = manager) =>
    harness.http().post(`/tickets/${ticketId}/reroute`).set('Authorization', authorization).send(body);
  const slotsTaken = async (stationId: string) =>
    (
      await harness.query<{ open_tickets: number }>(
        `SELECT open_tickets FROM service.station WHERE id = $1`,
        [stationId],
      )
    )[0].open_tickets;

  describe('POST /tickets/:id/reroute', () => {
    it('sends the ticket to the chosen station, frees the old slot and notifies the new one as a routing does', async () => {
      const ticketId = await openTicket();
      await harness
        .http()
        .post(`/station/tickets/${ticketId}/accept`)
        .set('Authorization', await harness.asStation(station.near))
        .expect(200);
      const [nearBefore, jiangsuBefore] = [await slotsTaken(station.near), await slotsTaken(station.jiangsu)];

      const rerouted = await reroute(ticketId, {
        stationId: station.jiangsu,
        reason: '客户要求去苏州修',
      }).expect(200);

      expect(rerouted.body).toMatchObject({
        stationId: station.jiangsu,
        status: 'routed',
        acceptedAt: null,
        responseDueAt: new Date(clock.now().getTime() + HOUR).toISOString(),
      });
      expect(await slotsTaken(station.near)).toBe(nearBefore - 1);
      expect(await slotsTaken(station.jiangsu)).toBe(jiangsuBefore + 1);
      expect((await harness.outboxTypes(ticketId)).filter((type) => type === TicketRouted.type)).toHaveLength(
        2,
      );
      const deliveries = await harness.query(
        `SELECT station_id FROM service.webhook_delivery WHERE ticket_id = $1`,
        [ticketId],
      );
      expect(deliveries).toEqual([{ station_id: station.jiangsu }]);

      const timeline = await harness
        .http()
        .get(`/tickets/${ticketId}/timeline`)
        .set('Authorization', manager);
      expect(timeline.body.steps.at(-1)).toMatchObject({
        step: 'routed',
        status: 'routed',
        stationId: station.jiangsu,
        actor: { kind: 'user' },
        note: 'by hand from 上海近站 to 苏州站: 客户要求去苏州修',
      });
      const details = await harness
        .http()
        .get(`/tickets/${ticketId}`)
        .set('Authorization', manager)
        .expect(200);
      expect(details.body.routing.at(-1)).toMatchObject({
        stationId: station.jiangsu,
        stationName: '苏州站',
        outcome: 'routed',
        candidates: [{ stationId: station.jiangsu, reason: 'chosen by hand', eligible: true }],
      });
      expect(details.body.routing.at(-1).distanceMeters).toBeGreaterThan(25_000);

      await harness
        .http()
        .get(`/station/tickets/${ticketId}`)
        .set('Authorization', await harness.asStation(station.near))
        .expect(404);
      await harness
        .http()
        .get(`/station/tickets/${ticketId}`)
        .set('Authorization', await harness.asStation(station.jiangsu))
        .expect(200);
    });

    it('tells the station the ticket was taken from by webhook, naming the ticket and nothing more', async () => {
      const ticketId = await openTicket();
      await reroute(ticketId, { stationId: station.jiangsu, reason: '客户要求去苏州修' }).expect(200);
      await reroute(ticketId, { stationId: station.near, reason: '客户又改回上海' }).expect(200);

      const deliveries = await harness.query<{ station_id: string; body: string }>(
        `SELECT station_id, body FROM service.webhook_delivery WHERE ticket_id = $1`,
        [ticketId],
      );
      const bodies = deliveries.map((d) => ({ stationId: d.station_id, ...JSON.parse(d.body) }));
      expect(bodies.map((b) => [b.stationId, b.event]).sort()).toEqual([
        [station.jiangsu, 'ticket.routed'],
        [station.jiangsu, 'ticket.withdrawn'],
      ]);
      const ticketNumber = bodies[0].ticket.ticketNumber;
      expect(bodies.find((b) => b.event === 'ticket.withdrawn')).toEqual({
        stationId: station.jiangsu,
        event: 'ticket.withdrawn',
        deliveryId: expect.any(String),
        ticket: { ticketId, ticketNumber },
        station: { stationId: station.jiangsu, name: '苏州站' },
      });
    });

    it('records the routing rule a station chosen by hand fails as overridden', async () => {
      const ticketId = await openTicket();
      await reroute(ticketId, { stationId: station.unskilled, reason: '这家也会修刹车' }).expect(200);
      const details = await harness
        .http()
        .get(`/tickets/${ticketId}`)
        .set('Authorization', manager)
        .expect(200);
      expect(details.body.routing.at(-1).candidates).toEqual([
        expect.objectContaining({ reason: 'chosen by hand', eligible: false, overrode: 'lacks skill' }),
      ]);
    });

    it('answers 403 to callers other than a service manager, a partner token included', async () => {
      const ticketId = await openTicket();
      const body = { stationId: station.jiangsu, reason: 'x' };
      await reroute(ticketId, body, agent).expect(403);
      await reroute(ticketId, body, await harness.asStation(station.near)).expect(403);
      await reroute(
        ticketId,
        body,
        await harness.as(['dealer'], { id: randomUUID(), kind: 'dealer' }),
      ).expect(403);
      expect(
        (await harness.http().get(`/tickets/${ticketId}`).set('Authorization', manager)).body.stationId,
      ).toBe(station.near);
    });

    it('names the bad field, and refuses the station it is at, an inactive or a full station and a resolved ticket', async () => {
      const ticketId = await openTicket();
      const nearBefore = await slotsTaken(station.near);
      const unknown = await reroute(ticketId, { stationId: randomUUID(), reason: 'x' }).expect(400);
      expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'stationId' })]);
      const noReason = await reroute(ticketId, { stationId: station.jiangsu }).expect(400);
      expect(noReason.body.errors.map((e: { field: string }) => e.field)).toContain('reason');
      for (const stationId of [station.near, station.inactive, station.full]) {
        const refused = await reroute(ticketId, { stationId, reason: 'x' }).expect(409);
        expect(refused.headers['content-type']).toContain('application/problem+json');
      }
      expect(await slotsTaken(station.near)).toBe(nearBefore);
      await reroute(randomUUID(), { stationId: station.jiangsu, reason: 'x' }).expect(404);

      await resolveAtNearStation(ticketId);
      await reroute(ticketId, { stationId: station.jiangsu, reason: 'x' }).expect(409);
    });
  });

  describe('GET /board/tickets and /board/escalations', () => {
    it('shows each ticket with its station’s name and both SLA clocks, breached once past due', async () => {
      const ticketId = await openTicket();
      const row = async (query: string) =>
        (
          await harness.http().get(`/board/tickets?${query}`).set('Authorization', manager).expect(200)
        ).body.items.find((item: { ticketId: string }) => item.ticketId === ticketId);

      const fresh = await row(`stationId=${station.near}&status=routed`);
      expect(fresh.station).toEqual({
        stationId: station.near,
        code: expect.any(String),
        name: '上海近站',
        province: null,
        city: null,
      });
      expect(fresh.sla.response).toEqual({
        dueAt: fresh.responseDueAt,
        breachedAt: null,
        state: 'running',
        breached: false,
        remainingMs: HOUR,
      });
      expect(fresh.sla.resolution).toMatchObject({
        state: 'running',
        breached: false,
        remainingMs: 24 * HOUR,
      });
      expect(await row('breached=true')).toBeUndefined();

      clock.advance(2 * HOUR);
      const overdue = await row('breached=true');
      expect(overdue.sla.response).toMatchObject({ state: 'breached', breached: true, remainingMs: -HOUR });
      expect(overdue.sla.resolution).toMatchObject({ state: 'running', breached: false });
      expect(await row('breached=false')).toBeUndefined();
      expect(await row('region=江苏省')).toBeUndefined();

      const escalations = await harness
        .http()
        .get('/board/escalations')
        .set('Authorization', manager)
        .expect(200);
      expect(escalations.body.items.map((item: { ticketId: string }) => item.ticketId)).toContain(ticketId);
      expect(escalations.body.total).toBeGreaterThanOrEqual(1);
    });

    it('names the customer, from the customer master’s event, and the technician once repaired', async () => {
      const namedId = randomUUID();
      await harness.publish(CustomerRegistered, namedId, {
        customerId: namedId,
        kind: 'person',
        name: '钱七',
        namePinyin: 'qian qi',
        phones: [],
        emails: [],
        address: null,
        birthday: null,
        gender: null,
        tags: [],
        ownerSalesRepId: null,
        consents: [],
      });
      await eventually(async () =>
        expect(
          await harness.query(`SELECT 1 FROM service.customer_contact WHERE customer_id = $1`, [namedId]),
        ).toHaveLength(1),
      );
      const opened = await harness
        .http()
        .post('/tickets')
        .set('Authorization', agent)
        .send({
          customerId: namedId,
          qualityType: 'brakes',
          description: '刹车异响',
          channel: 'phone',
          location: AT,
        })
        .expect(201);
      const row = async () =>
        (
          await harness.http().get(`/board/tickets?stationId=${station.near}`).set('Authorization', manager)
        ).body.items.find((item: { ticketId: string }) => item.ticketId === opened.body.ticketId);
      expect(await row()).toMatchObject({
        customerName: '钱七',
        technician: null,
        station: { name: '上海近站' },
      });

      await resolveAtNearStation(opened.body.ticketId);
      expect(await row()).toMatchObject({ customerName: '钱七', technician: RESOLUTION.technician });
    });

    it('filters by the region of the station and counts every match', async () => {
      const board = await harness
        .http()
        .get('/board/tickets?region=江苏省&limit=1')
        .set('Authorization', manager)
        .expect(200);
      expect(board.body.items).toHaveLength(1);
      expect(board.body.items[0].station).toMatchObject({ name: '苏州站', province: '江苏省' });
      expect(board.body.total).toBeGreaterThanOrEqual(1);
    });

    it('answers 403 to partner tokens and 400 naming a bad filter', async () => {
      for (const path of ['/board/tickets', '/board/escalations', '/board/stations']) {
        await harness
          .http()
          .get(path)
          .set('Authorization', await harness.asStation(station.near))
          .expect(403);
        await harness
          .http()
          .get(path)
          .set('Authorization', await harness.as(['dealer'], { id: randomUUID(), kind: 'dealer' }))
          .expect(403);
      }
      const bad = await harness
        .http()
        .get('/board/tickets?breached=maybe')
        .set('Authorization', manager)
        .expect(400);
      expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'breached' })]);
    });
  });

  describe('GET /board/tickets/:id', () => {
    it('shows one ticket as the board does: customer name, station and both clocks read now', async () => {
      const ticketId = await openTicket();
      const row = await harness
        .http()
        .get(`/board/tickets/${ticketId}`)
        .set('Authorization', manager)
        .expect(200);
      expect(row.body).toMatchObject({
        ticketId,
        station: { stationId: station.near, name: '上海近站' },
        asOf: clock.now().toISOString(),
        sla: { response: { state: 'running', breached: false, remainingMs: HOUR } },
      });
      expect(row.body).toHaveProperty('customerName');
    });

    it('answers 404 for no such ticket, 403 to partners and 400 naming a bad id', async () => {
      await harness.http().get(`/board/tickets/${randomUUID()}`).set('Authorization', manager).expect(404);
      const ticketId = await openTicket();
      await harness
        .http()
        .get(`/board/tickets/${ticketId}`)
        .set('Authorization', await harness.asStation(station.near))
        .expect(403);
      const bad = await harness.http().get('/board/tickets/42').set('Authorization', manager).expect(400);
      expect(JSON.stringify(bad.body)).toContain('id');
    });
  });

  describe('GET /tickets/:id/timeline', () => {
    it('names who did each step: the user as signed in, the station by its name, the customer of a survey', async () => {
      const { ticketId, token } = await resolvedTicketLink(await harness.asNamed(['agent'], '王丽'));
      await harness.http().post(`/survey/${token}`).send({ score: 5 }).expect(200);

      const timeline = await harness
        .http()
        .get(`/tickets/${ticketId}/timeline`)
        .set('Authorization', manager)
        .expect(200);
      const actorOf = (step: string) =>
        timeline.body.steps.find((entry: { step: string }) => entry.step === step)?.actor;
      expect(actorOf('opened')).toMatchObject({ kind: 'user', name: '王丽' });
      expect(actorOf('accepted')).toMatchObject({ kind: 'partner', name: '上海近站' });
      expect(actorOf('resolved')).toMatchObject({ kind: 'partner', name: '上海近站' });
      expect(actorOf('satisfaction-recorded')).toEqual({ id: 'customer', kind: 'system', name: null });
      expect(timeline.body.reported.by).toMatchObject({ name: '王丽' });

      const atStation = await harness
        .http()
        .get(`/station/tickets/${ticketId}/timeline`)
        .set('Authorization', await harness.asStation(station.near))
        .expect(200);
      expect(atStation.body.steps).toEqual(timeline.body.steps);
      await harness
        .http()
        .get(`/station/tickets/${ticketId}/timeline`)
        .set('Authorization', await harness.asStation(station.jiangsu))
        .expect(404);
    });
  });

  describe('GET /board/stations', () => {
    it('gives each station its place, skills, capacity, load and open and breached ticket counts', async () => {
      const map = await harness
        .http()
        .get('/board/stations?region=苏州市')
        .set('Authorization', manager)
        .expect(200);
      expect(map.body.items).toEqual([
        {
          stationId: station.jiangsu,
          code: expect.any(String),
          name: '苏州站',
          phone: null,
          province: '江苏省',
          city: '苏州市',
          location: { lat: expect.closeTo(AT.lat + 30 * KM, 6), lon: AT.lon },
          brands: ['Aurora'],
          skills: ['brakes', 'engine'],
          active: true,
          capacity: 5,
          slotsTaken: 1,
          load: 0.2,
          openTickets: 1,
          breachedTickets: 1,
        },
      ]);
      const all = await harness.http().get('/board/stations').set('Authorization', manager).expect(200);
      const near = all.body.items.find((item: { stationId: string }) => item.stationId === station.near);
      expect(near.openTickets).toBeGreaterThanOrEqual(1);
      expect(near.breachedTickets).toBeGreaterThanOrEqual(1);
    });
  });

  describe('GET /station/webhook-deliveries', () => {
    it('shows a station its own webhook notifications only', async () => {
      const own = await harness
        .http()
        .get('/station/webhook-deliveries')
        .set('Authorization', await harness.asStation(station.jiangsu))
        .expect(200);
      expect(own.body.items.length).toBeGreaterThanOrEqual(1);
      expect(new Set(own.body.items.map((item: { stationId: string }) => item.stationId))).toEqual(
        new Set([station.jiangsu]),
      );
      const other = await harness
        .http()
        .get('/station/webhook-deliveries')
        .set('Authorization', await harness.asStation(station.near))
        .expect(200);
      expect(other.body.items).toEqual([]);
      await harness.http().get('/station/webhook-deliveries').set('Authorization', manager).expect(403);
    });
  });

  describe('the survey page: GET and POST /survey/:token', () => {
    it('tells unknown, answered and expired links apart by status and `survey`', async () => {
      const unknown = await harness.http().get('/survey/no-such-token').expect(404);
      expect(unknown.body).toMatchObject({ status: 404, survey: 'unknown' });
      expect(unknown.headers['content-type']).toContain('application/problem+json');

      const { ticketId, token } = await resolvedTicketLink();
      const page = await harness.http().get(`/survey/${token}`).expect(200);
      expect(page.body).toEqual({
        ticketId,
        ticketNumber: expect.stringMatching(/^T-/),
        qualityType: 'brakes',
        brand: null,
        resolvedAt: clock.now().toISOString(),
        stationName: '上海近站',
        expiresAt: new Date(clock.now().getTime() + 30 * 24 * HOUR).toISOString(),
      });
      await harness.http().post(`/survey/${token}`).send({ score: 5 }).expect(200);
      const used = await harness.http().get(`/survey/${token}`).expect(409);
      expect(used.body).toMatchObject({ status: 409, survey: 'used', answeredAt: clock.now().toISOString() });
      await harness.http().post(`/survey/${token}`).send({ score: 1 }).expect(409);

      const late = await resolvedTicketLink();
      clock.advance(30 * 24 * HOUR);
      const expired = await harness.http().get(`/survey/${late.token}`).expect(410);
      expect(expired.body).toMatchObject({
        status: 410,
        survey: 'expired',
        type: expect.stringContaining('410'),
      });
      await harness.http().post(`/survey/${late.token}`).send({ score: 4 }).expect(410);
    });
  });
});
