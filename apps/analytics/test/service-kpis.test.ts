import { randomBytes } from 'node:crypto';
import { PartnerKinds, PartnerUpdated, Roles, TicketProgressUpdated } from '@crm/contracts';
import { DataSource } from 'typeorm';
import { kafkaTransportOptions, MessageTransport } from '@crm/messaging';
import { eventually, testPlatformConfig } from '@crm/testing';
import { PostgresProjectionStore } from '../src/projections/postgres-projection-store';
import { LIVE_TABLES, projectionTables } from '../src/projections/projection-tables';
import { ticketFactChange } from '../src/projections/ticket-fact-change';
import { ProjectionRebuild } from '../src/rebuild/projection-rebuild';
import { AnalyticsHarness } from './analytics.harness';
import { runRebuildCommand } from './rebuild-command';
import { at, publishEnvelopes, registerStation, registerVehicle, TicketStory } from './ticket-events.fixture';

const WINDOW = `from=${at(-60)}&to=${at(24 * 60)}`;

describe('service KPIs from ticket events (real Kafka and PostgreSQL)', () => {
  let harness: AnalyticsHarness;
  let analyst: string;
  let stationA: string;
  let stationB: string;
  let tickets: TicketStory[];
  const namespace = `t${randomBytes(4).toString('hex')}.`;
  const harnessUrls = () => ({ DATABASE_URL: harness.database.url, AUTH_JWKS_URL: harness.tokens.jwksUrl });

  const kpis = async (query = '') =>
    (
      await harness
        .http()
        .get(`/analytics/service/kpis?${WINDOW}${query}`)
        .set('Authorization', analyst)
        .expect(200)
    ).body;

  const processed = async (eventId: string) =>
    (await harness.query(`SELECT 1 FROM analytics.processed_event WHERE event_id = $1`, [eventId])).length >
    0;

  beforeAll(async () => {
    harness = await AnalyticsHarness.start({ kafkaNamespace: namespace });
    analyst = await harness.auth({ roles: [Roles.analyst] });
    stationA = await registerStation(harness, 'Station A', 'Shanghai');
    stationB = await registerStation(harness, 'Station B', 'Zhejiang');
    const vehicle = await registerVehicle(harness, 'i5');

    const quick = new TicketStory({ vehicleId: vehicle });
    const opened = quick.step('ticket.opened', 0, 'new');
    const routed = quick.step('ticket.routed', 1, 'routed', {
      stationId: stationA,
      distanceMeters: 1200,
      radiusKm: 10,
      candidates: [],
    });
    const accepted = quick.step('ticket.accepted', 10, 'accepted', {
      stationId: stationA,
      acceptedBy: 'tech',
    });
    const resolved = quick.step('ticket.resolved', 120, 'resolved', {
      stationId: stationA,
      repairId: '00000000-0000-4000-8000-0000000000aa',
    });
    const rated = quick.step('ticket.satisfaction-recorded', 180, 'resolved', {
      stationId: stationA,
      score: 4,
      comment: null,
    });

    const slow = new TicketStory({ vehicleId: null }, 5);
    slow.step('ticket.opened', 5, 'new');
    slow.step('ticket.routed', 6, 'routed', {
      stationId: stationB,
      distanceMeters: 900,
      radiusKm: 10,
      candidates: [],
    });
    slow.step('ticket.escalated', 20, 'escalated', {
      stationId: stationB,
      reason: 'response-sla-breached',
      dueAt: at(20),
    });
    slow.step('ticket.accepted', 35, 'accepted', { stationId: stationB, acceptedBy: 'tech' });
    slow.step('ticket.resolved', 125, 'resolved', {
      stationId: stationB,
      repairId: '00000000-0000-4000-8000-0000000000bb',
    });
    slow.step('ticket.reopened', 185, 'reopened', { stationId: stationB, reason: 'noise is back' });
    slow.step('ticket.resolved', 485, 'resolved', {
      stationId: stationB,
      repairId: '00000000-0000-4000-8000-0000000000cc',
    });
    slow.step('ticket.satisfaction-recorded', 500, 'resolved', {
      stationId: stationB,
      score: 2,
      comment: null,
    });

    const waiting = new TicketStory({ vehicleId: null }, 30);
    waiting.step('ticket.opened', 30, 'new');
    waiting.step('ticket.routed', 31, 'routed', {
      stationId: stationA,
      distanceMeters: 500,
      radiusKm: 10,
      candidates: [],
    });

    tickets = [quick, slow, waiting];
    // The quick ticket's events arrive backwards; the others in order.
    await publishEnvelopes(harness, [rated, resolved, accepted, routed, opened]);
    await publishEnvelopes(harness, [...slow.events, ...waiting.events]);
    await eventually(async () => {
      for (const story of tickets)
        for (const event of story.events) expect(await processed(event.id)).toBe(true);
    });
  }, 120_000);

  afterAll(async () => {
    await harness?.stop();
  });

  const EXPECTED_OVERALL = {
    tickets: 3,
    // quick: accepted after 10 min; slow: after 30 min (opened at 5, accepted at 35).
    firstResponse: { count: 2, p50Seconds: 1200, p90Seconds: 1680, meanSeconds: 1200 },
    stationAcceptance: { count: 2, p50Seconds: 1200, p90Seconds: 1680, meanSeconds: 1200 },
    // quick: resolved after 2 h; slow: resolved again 8 h after it opened.
    resolution: { count: 2, p50Seconds: 18_000, p90Seconds: 26_640, meanSeconds: 18_000 },
    slaBreachRate: 1 / 3,
    satisfaction: { count: 2, average: 3 },
    reopenRate: 0.5,
  };

  it('computes the KPIs over the window from events that arrived out of order', async () => {
    const report = await kpis();
    expect(report.kpis).toEqual(EXPECTED_OVERALL);
    expect(report.window).toEqual({ from: at(-60), to: at(24 * 60), basis: 'tickets opened in [from, to)' });
    expect(report.freshness.newestEventAt).toBe(at(500));
    expect(report.freshness.lagSeconds).toBeGreaterThan(0);
  });

  it('keeps each ticket fact by its own events, whatever their order', async () => {
    const [quick] = await harness.query<Record<string, unknown>>(
      `SELECT status, station_id, first_response_at, accepted_at, resolved_at, satisfaction_score, opened_at
       FROM analytics.ticket_fact WHERE ticket_id = $1`,
      [tickets[0].ticketId],
    );
    expect(quick).toEqual({
      status: 'resolved',
      station_id: stationA,
      first_response_at: new Date(at(10)),
      accepted_at: new Date(at(10)),
      resolved_at: new Date(at(120)),
      satisfaction_score: 4,
      opened_at: new Date(at(0)),
    });
  });

  it('changes nothing for a duplicate or an out-of-order event', async () => {
    const before = await kpis();
    const slow = tickets[1];
    const reopened = slow.events.find((event) => event.type === 'ticket.reopened')!;
    const earlierRating = slow.step('ticket.satisfaction-recorded', 200, 'resolved', {
      stationId: stationB,
      score: 5,
      comment: null,
    });
    const earlierResolution = slow.step('ticket.resolved', 124, 'resolved', {
      stationId: stationB,
      repairId: '00000000-0000-4000-8000-0000000000dd',
    });
    const laterAcceptance = slow.step('ticket.accepted', 40, 'accepted', {
      stationId: stationB,
      acceptedBy: 'y',
    });
    const sentinel = slow.step(TicketProgressUpdated.type, 60, 'in_progress', {
      stationId: stationB,
      note: 'parts',
    });
    // Same key, so same partition: once the sentinel is applied, so are those before it.
    await publishEnvelopes(harness, [reopened, earlierRating, earlierResolution, laterAcceptance, sentinel]);
    await eventually(async () => expect(await processed(sentinel.id)).toBe(true));

    const after = await kpis();
    expect(after.kpis).toEqual(EXPECTED_OVERALL);
    expect(after.kpis).toEqual(before.kpis);
    expect(after.freshness.newestEventAt).toBe(before.freshness.newestEventAt);
    const [fact] = await harness.query(
      `SELECT cardinality(reopen_event_ids) AS reopens, satisfaction_score, resolved_at FROM analytics.ticket_fact
       WHERE ticket_id = $1`,
      [slow.ticketId],
    );
    expect(fact).toEqual({ reopens: 1, satisfaction_score: 2, resolved_at: new Date(at(485)) });
  });

  it('leaves every row as it is when all events are applied again, and builds the same rows in reverse', async () => {
    const db = harness.app.get(DataSource);
    const ids = tickets.map((story) => story.ticketId);
    const rows = (table: string) =>
      harness.query(`SELECT * FROM ${table} WHERE ticket_id = ANY($1) ORDER BY ticket_id`, [ids]);
    const live = await rows(LIVE_TABLES.ticketFact);
    const events = tickets.flatMap((story) => story.events);
    const reapply = (store: PostgresProjectionStore, list: typeof events) =>
      db.transaction(async (tx) => {
        for (const event of list) await store.applyTicketChanges(tx, [ticketFactChange(event as never)]);
      });

    await reapply(new PostgresProjectionStore(LIVE_TABLES), events);
    expect(await rows(LIVE_TABLES.ticketFact)).toEqual(live);

    const reversed = projectionTables('reversed');
    await harness.query(`CREATE TABLE ${reversed.ticketFact} (LIKE ${LIVE_TABLES.ticketFact} INCLUDING ALL)`);
    await reapply(new PostgresProjectionStore(reversed), [...events].reverse());
    expect(await rows(reversed.ticketFact)).toEqual(live);
    await harness.query(`DROP TABLE ${reversed.ticketFact}`);
  });

  it('never stops on a bad message: it is parked and the next event applied', async () => {
    const story = new TicketStory({ vehicleId: null }, 2000);
    const opened = story.step('ticket.opened', 2000, 'new');
    await harness.app.get(MessageTransport).publish([
      { topic: 'crm.ticket.v1', key: story.ticketId, value: '{"not": "an event"', headers: {} },
      { topic: 'crm.ticket.v1', key: story.ticketId, value: JSON.stringify(opened), headers: {} },
    ]);
    await eventually(async () => expect(await processed(opened.id)).toBe(true));
    const parked = await harness.query(
      `SELECT 1 FROM analytics.dead_letter WHERE consumer = 'projections.crm.ticket.v1'`,
    );
    expect(parked.length).toBeGreaterThan(0);
  });

  it('scores each station, busiest first, with its name and region from the partner events', async () => {
    const { body } = await harness
      .http()
      .get(`/analytics/service/scorecards?${WINDOW}`)
      .set('Authorization', analyst)
      .expect(200);
    expect(body.total).toBe(2);
    expect(body.items.map((card: { stationName: string }) => card.stationName)).toEqual([
      'Station A',
      'Station B',
    ]);
    const [a, b] = body.items;
    expect(a).toMatchObject({ stationId: stationA, region: 'Shanghai' });
    expect(a.kpis).toMatchObject({
      tickets: 2,
      slaBreachRate: 0,
      reopenRate: 0,
      satisfaction: { count: 1, average: 4 },
    });
    expect(b.kpis).toMatchObject({
      tickets: 1,
      slaBreachRate: 1,
      reopenRate: 1,
      satisfaction: { count: 1, average: 2 },
    });
  });

  it('exports every scorecard as CSV with a BOM, the KPIs flattened, busiest first', async () => {
    const csv = await harness
      .http()
      .get(`/analytics/service/scorecards/export?${WINDOW}`)
      .set('Authorization', analyst)
      .expect(200)
      .expect('content-type', /text\/csv/);
    expect(csv.text.startsWith('\uFEFF')).toBe(true);
    const lines = csv.text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^"stationId","stationName","region","tickets","firstResponse.p50Seconds",/);
    expect(lines[0]).toMatch(/"slaBreachRate","satisfaction.average","satisfaction.count","reopenRate"$/);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(new RegExp(`^"${stationA}","Station A","Shanghai","2",`));
    expect(lines[2]).toMatch(/"1","2","1","1"$/);
  });

  it('keeps the newer station record when an older update arrives late', async () => {
    await harness.publish(
      PartnerUpdated,
      stationA,
      {
        partnerId: stationA,
        kind: PartnerKinds.repairStation,
        code: 'old',
        name: 'Old name',
        phone: null,
        address: {
          province: 'Jiangsu',
          city: null,
          district: null,
          street: null,
          postalCode: null,
          location: null,
        },
        location: { lat: 31.2, lon: 121.4 },
        brands: [],
        skills: [],
        capacity: 1,
        openingHours: [],
        active: true,
      },
      '2020-01-01T00:00:00.000Z',
    );
    const sentinel = await registerStation(harness, 'Sentinel', 'Anhui');
    await eventually(async () =>
      expect(
        await harness.query(`SELECT 1 FROM analytics.station WHERE station_id = $1`, [sentinel]),
      ).toHaveLength(1),
    );
    const [row] = await harness.query(`SELECT name FROM analytics.station WHERE station_id = $1`, [stationA]);
    expect(row).toEqual({ name: 'Station A' });
  });

  it('filters by station, model and region', async () => {
    expect((await kpis(`&stationId=${stationB}`)).kpis.tickets).toBe(1);
    expect((await kpis('&model=i5')).kpis.tickets).toBe(1);
    expect((await kpis('&region=Shanghai')).kpis.tickets).toBe(2);
    expect((await kpis('&qualityType=brakes')).kpis.tickets).toBe(0);
  });

  it('lets a station read its own scorecard only; a dealer none', async () => {
    const stationToken = await harness.auth({
      roles: [Roles.repairStation],
      partnerId: stationA,
      partnerKind: PartnerKinds.repairStation,
    });
    const own = await harness
      .http()
      .get(`/analytics/service/scorecards/${stationA}?${WINDOW}`)
      .set('Authorization', stationToken)
      .expect(200);
    expect(own.body.scorecard).toMatchObject({ stationId: stationA, stationName: 'Station A' });
    expect(own.body.scorecard.kpis.tickets).toBe(2);
    await harness
      .http()
      .get(`/analytics/service/scorecards/${stationB}`)
      .set('Authorization', stationToken)
      .expect(404);
    await harness.http().get('/analytics/service/scorecards').set('Authorization', stationToken).expect(403);
    const dealer = await harness.auth({
      roles: [Roles.dealer],
      partnerId: stationB,
      partnerKind: PartnerKinds.dealer,
    });
    await harness.http().get(`/analytics/service/kpis`).set('Authorization', dealer).expect(403);
    await harness
      .http()
      .get(`/analytics/service/scorecards/${stationB}`)
      .set('Authorization', dealer)
      .expect(403);
  });

  it('pages the ticket facts and streams them as CSV', async () => {
    const page = await harness
      .http()
      .get(`/analytics/service/tickets?${WINDOW}&limit=2&offset=1`)
      .set('Authorization', analyst)
      .expect(200);
    expect(page.body).toMatchObject({ total: 3, limit: 2, offset: 1 });
    expect(page.body.items.map((fact: { ticketId: string }) => fact.ticketId)).toEqual([
      tickets[1].ticketId,
      tickets[2].ticketId,
    ]);
    const csv = await harness
      .http()
      .get(`/analytics/service/tickets/export?${WINDOW}`)
      .set('Authorization', analyst)
      .expect(200)
      .expect('content-type', /text\/csv/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^"ticketId","ticketNumber","openedAt"/);
    expect(lines[1]).toContain(tickets[0].ticketId);
  });

  const kafkaOptions = () =>
    kafkaTransportOptions('analytics', testPlatformConfig({ ...harnessUrls(), KAFKA_NAMESPACE: namespace }));
  const factTables = async () =>
    (
      await harness.query<{ table_name: string }>(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'analytics' AND table_name LIKE 'ticket_fact%'`,
      )
    ).map((t) => t.table_name);

  it('leaves the live tables alone when a rebuild cannot replay, and drops its fresh ones', async () => {
    const before = await kpis();
    const rebuild = new ProjectionRebuild({
      dataSource: harness.app.get(DataSource),
      kafka: { ...kafkaOptions(), brokers: ['127.0.0.1:1'], retry: { retries: 1, initialRetryTime: 50 } },
      generation: 'failing',
    });
    await expect(rebuild.run()).rejects.toThrow(/connect/i);
    expect(await factTables()).toEqual(['ticket_fact']);
    expect((await kpis()).kpis).toEqual(before.kpis);
  });

  it('rebuilds from offset zero into fresh tables to the same numbers, while events keep arriving', async () => {
    const facts = () =>
      harness.query<{ ticket_id: string }>(`SELECT * FROM analytics.ticket_fact ORDER BY ticket_id`);
    const stations = () => harness.query(`SELECT * FROM analytics.station ORDER BY station_id`);
    const before = { kpis: (await kpis()).kpis, facts: await facts(), stations: await stations() };
    const rebuild = new ProjectionRebuild({
      dataSource: harness.app.get(DataSource),
      kafka: kafkaOptions(),
      generation: 'test',
    });
    // A ticket that opens and is reopened while the rebuild runs: counted once, in the tables swapped in.
    const late = new TicketStory({ vehicleId: null }, 3000);
    const running = rebuild.run();
    await publishEnvelopes(harness, [
      late.step('ticket.opened', 3000, 'new'),
      late.step('ticket.resolved', 3010, 'resolved', { repairId: '00000000-0000-4000-8000-0000000000ee' }),
    ]);
    await publishEnvelopes(harness, [late.step('ticket.reopened', 3020, 'reopened', { reason: 'again' })]);
    expect((await running).generation).toBe('test');

    expect(await factTables()).toEqual(['ticket_fact']);
    expect((await kpis()).kpis).toEqual(before.kpis);
    await eventually(async () => {
      const [row] = await harness.query(
        `SELECT cardinality(reopen_event_ids) AS reopens FROM analytics.ticket_fact WHERE ticket_id = $1`,
        [late.ticketId],
      );
      expect(row).toEqual({ reopens: 1 });
    });
    const rebuilt = (await facts()).filter((row) => row.ticket_id !== late.ticketId);
    expect(rebuilt).toEqual(before.facts);
    expect(await stations()).toEqual(before.stations);
  });

  it('rebuilds again from the command line, as npm run analytics:rebuild runs it, to the same numbers', async () => {
    const before = await kpis();
    const output = await runRebuildCommand({
      DATABASE_URL: harness.database.url,
      KAFKA_BROKERS: process.env.TEST_KAFKA_BROKERS,
      KAFKA_NAMESPACE: namespace,
    });
    const [{ count }] = await harness.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM analytics.ticket_fact`,
    );
    expect(JSON.parse(output.trim().split('\n').pop()!)).toMatchObject({
      context: 'analytics:rebuild',
      ticketFacts: count,
    });
    expect((await kpis()).kpis).toEqual(before.kpis);
  }, 120_000);

  it('answers a window that ends before it starts with 400 naming from', async () => {
    const { body } = await harness
      .http()
      .get(`/analytics/service/kpis?from=${at(10)}&to=${at(0)}`)
      .set('Authorization', analyst)
      .expect(400);
    expect(JSON.stringify(body)).toContain('from');
    await harness
      .http()
      .get('/analytics/service/kpis?to=yesterday')
      .set('Authorization', analyst)
      .expect(400);
  });
});
