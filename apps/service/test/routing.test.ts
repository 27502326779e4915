import { EntityManager } from 'typeorm';
import { TicketOpened, TicketRouted, TicketRoutingFailed } from '@crm/contracts';
import { StationCandidateRepository } from '../src/routing/station-candidate.repository';
import { ServiceHarness } from './service.harness';

/** About 1 km of latitude. */
const KM = 1 / 111.2;

describe('routing a ticket to the nearest able station', () => {
  let harness: ServiceHarness;
  let agent: string;

  beforeAll(async () => {
    harness = await ServiceHarness.start();
    await harness.customer('6f1c1c1e-0000-4000-8000-000000000001');
    agent = await harness.as(['agent']);
  });
  afterAll(() => harness.stop());

  const open = (lat: number, lon: number, extra: Record<string, unknown> = {}) =>
    harness
      .http()
      .post('/tickets')
      .set('Authorization', agent)
      .send({
        customerId: '6f1c1c1e-0000-4000-8000-000000000001',
        brand: 'Aurora',
        qualityType: 'brakes',
        description: '刹车发软',
        channel: 'phone',
        location: { lat, lon },
        ...extra,
      })
      .expect(201)
      .then((response) => response.body);

  const details = (id: string) =>
    harness
      .http()
      .get(`/tickets/${id}`)
      .set('Authorization', agent)
      .expect(200)
      .then((r) => r.body);

  it('skips a closer station that lacks the skill, a closer full one, a closer inactive one', async () => {
    const [lat, lon] = [30, 120];
    const lacksSkill = await harness.station({
      name: 'no brakes',
      lat: lat + 1 * KM,
      lon,
      skills: ['engine'],
    });
    const full = await harness.station({ name: 'full', lat: lat + 2 * KM, lon, capacity: 0 });
    const inactive = await harness.station({ name: 'closed down', lat: lat + 3 * KM, lon, active: false });
    const otherBrand = await harness.station({
      name: 'other brand',
      lat: lat + 4 * KM,
      lon,
      brands: ['Zephyr'],
    });
    const able = await harness.station({ name: 'able', lat: lat + 5 * KM, lon });

    const ticket = await open(lat, lon);

    expect(ticket).toMatchObject({ status: 'routed', stationId: able });
    expect(ticket.ticketNumber).toMatch(/^T-\d{8}-\d{6}$/);
    const [decision] = (await details(ticket.ticketId)).routing;
    expect(decision).toMatchObject({ stationId: able, radiusKm: 25, outcome: 'routed' });
    expect(
      decision.candidates.map((c: { stationId: string; reason: string }) => [c.stationId, c.reason]),
    ).toEqual([
      [lacksSkill, 'lacks skill'],
      [full, 'full'],
      [inactive, 'inactive'],
      [otherBrand, 'brand not served'],
      [able, 'chosen'],
    ]);
    expect(decision.candidates[4].distanceMeters).toBeGreaterThan(4_500);
    expect(decision.candidates[4].distanceMeters).toBeLessThan(5_500);
  });

  it('publishes the decision in the routed event and counts the open ticket at the station', async () => {
    const [lat, lon] = [35, 100];
    const station = await harness.station({ lat: lat + KM, lon, capacity: 1 });
    const first = await open(lat, lon);
    const second = await open(lat, lon);

    expect(first.stationId).toBe(station);
    expect(second).toMatchObject({ status: 'new', stationId: null });
    expect(await harness.outboxTypes(first.ticketId)).toEqual([TicketOpened.type, TicketRouted.type]);
    expect(await harness.outboxTypes(second.ticketId)).toEqual([TicketOpened.type, TicketRoutingFailed.type]);
    const [routed] = await harness.query<{ envelope: { payload: Record<string, unknown> } }>(
      `SELECT envelope FROM service.outbox_message WHERE message_key = $1 AND envelope->>'type' = '${TicketRouted.type}'`,
      [first.ticketId],
    );
    expect(routed.envelope.payload).toMatchObject({ stationId: station, radiusKm: 25 });
    expect(routed.envelope.payload.candidates).toEqual([expect.objectContaining({ reason: 'chosen' })]);
  });

  describe('between equally distant able stations', () => {
    const loaded = async (
      code: string,
      at: { lat: number; lon: number },
      openTickets: number,
      capacity: number,
    ) => {
      const id = await harness.station({ ...at, code, capacity });
      await harness.query(`UPDATE service.station SET open_tickets = $2 WHERE id = $1`, [id, openTickets]);
      return id;
    };
    const summary = (c: { code: string; load: number; reason: string; tieBrokenBy?: string }) => [
      c.code,
      c.load,
      c.reason,
      c.tieBrokenBy,
    ];

    it('picks the lower load (open tickets relative to capacity), not the fewer open tickets', async () => {
      const [lat, lon] = [-10, 130];
      const at = { lat: lat + 2 * KM, lon };
      const busier = await loaded('TIE-A', at, 4, 5);
      const lighter = await loaded('TIE-B', at, 5, 10);

      const ticket = await open(lat, lon);

      expect(ticket.stationId).toBe(lighter);
      const [decision] = (await details(ticket.ticketId)).routing;
      const byId = new Map(decision.candidates.map((c: { stationId: string }) => [c.stationId, c]));
      expect(summary(byId.get(lighter) as never)).toEqual(['TIE-B', 0.5, 'chosen', 'lower load']);
      expect(summary(byId.get(busier) as never)).toEqual(['TIE-A', 0.8, 'eligible', undefined]);
    });

    it('picks the lower station code when the loads are equal too', async () => {
      const [lat, lon] = [-12, 130];
      const at = { lat: lat + 2 * KM, lon };
      const second = await loaded('TIE-D', at, 1, 4);
      const first = await loaded('TIE-C', at, 2, 8);

      const ticket = await open(lat, lon);

      expect(ticket.stationId).toBe(first);
      const [decision] = (await details(ticket.ticketId)).routing;
      expect(decision.candidates.map(summary)).toEqual([
        ['TIE-C', 0.25, 'chosen', 'station code'],
        ['TIE-D', 0.25, 'eligible', undefined],
      ]);
      expect(second).not.toBe(first);
    });

    it('says nothing about a tie when the chosen station is simply nearer', async () => {
      const [lat, lon] = [-14, 130];
      await loaded('TIE-F', { lat: lat + 3 * KM, lon }, 0, 5);
      const nearer = await loaded('TIE-G', { lat: lat + 2 * KM, lon }, 4, 5);

      const ticket = await open(lat, lon);

      expect(ticket.stationId).toBe(nearer);
      const [decision] = (await details(ticket.ticketId)).routing;
      expect(decision.candidates.map(summary)).toEqual([
        ['TIE-G', 0.8, 'chosen', undefined],
        ['TIE-F', 0, 'eligible', undefined],
      ]);
    });
  });

  it('widens the radius step by step when none qualifies nearby', async () => {
    const [lat, lon] = [40, 110];
    await harness.station({ name: 'near but unable', lat: lat + 10 * KM, lon, skills: ['engine'] });
    const far = await harness.station({ name: '80 km away', lat: lat + 80 * KM, lon });

    const ticket = await open(lat, lon);

    expect(ticket.stationId).toBe(far);
    const [decision] = (await details(ticket.ticketId)).routing;
    expect(decision).toMatchObject({ radiusKm: 100, stationId: far });
  });

  it('fails routing, with the reasons, when no station qualifies within 500 km', async () => {
    const [lat, lon] = [-30, 20];
    await harness.station({ lat: lat + KM, lon, skills: ['engine'] });
    await harness.station({ lat: lat + 600 * KM, lon });

    const ticket = await open(lat, lon);

    expect(ticket).toMatchObject({ status: 'new', stationId: null });
    const [decision] = (await details(ticket.ticketId)).routing;
    expect(decision.outcome).toBe('no-station');
    expect(decision.candidates.map((c: { reason: string }) => c.reason)).toEqual(['lacks skill']);
  });

  it('suggests quality types from a description', async () => {
    const types = await harness.http().get('/quality-types').set('Authorization', agent).expect(200);
    expect(types.body.items).toHaveLength(9);
    const suggested = await harness
      .http()
      .post('/quality-types/suggest')
      .set('Authorization', agent)
      .send({ description: '空调不凉，还有异响' })
      .expect(200);
    expect(suggested.body.items.map((s: { qualityType: string }) => s.qualityType)).toEqual([
      'air_conditioning',
      'noise_and_vibration',
    ]);
  });

  it('answers the nearest-able query from the GiST index (KNN), not a scan', async () => {
    await harness.query(
      `INSERT INTO service.station (id, code, name, lat, lon, brands, skills, capacity)
       SELECT gen_random_uuid(), 'BULK-' || i, 'bulk ' || i, 20 + (i % 100) * 0.3, 100 + (i / 100) * 0.3,
              ARRAY['Aurora'], ARRAY['brakes'], 5
         FROM generate_series(1, 5000) AS i`,
    );
    await harness.query(`ANALYZE service.station`);
    const plans: string[] = [];
    const explaining = {
      query: async (sql: string, params: unknown[]) => {
        const rows = await harness.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, params);
        plans.push(rows.map((row) => row['QUERY PLAN']).join('\n'));
        return [];
      },
    } as unknown as EntityManager;
    const repository = harness.get(StationCandidateRepository);
    const need = { skill: 'brakes' as const, brand: 'Aurora', excludedStationIds: [] };

    await repository.findNearestAble(explaining, { lat: 25, lon: 105 }, { ...need, radiusKm: 25 }, 3);
    await repository.examineNear(explaining, { lat: 25, lon: 105 }, { ...need, radiusKm: 25 }, 10);

    for (const plan of plans) {
      expect(plan).toContain('station_location_idx');
      expect(plan).not.toMatch(/Seq Scan on station/);
    }
    expect(plans).toHaveLength(2);
  });
});
