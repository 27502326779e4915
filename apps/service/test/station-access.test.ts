import { TicketOpened, TicketRouted } from '@crm/contracts';
import { ServiceHarness } from './service.harness';

interface Route {
  method: 'get' | 'post';
  path: string;
}

const KM = 1 / 111.2;

/** Every station route with a ticket id, read from the service's own OpenAPI document, so new routes are covered. */
async function stationRoutesWithId(harness: ServiceHarness): Promise<Route[]> {
  const { body } = await harness.http().get('/docs/openapi.json').expect(200);
  return Object.entries(body.paths as Record<string, Record<string, unknown>>)
    .filter(([path]) => path.startsWith('/station/tickets/{id}'))
    .flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => ({ method: method as Route['method'], path })),
    );
}

const VALID_BODIES: Record<string, object> = {
  decline: { reason: 'busy' },
  appointment: { at: '2026-11-26T01:30:00Z' },
  progress: { note: 'working' },
  resolve: { workDone: 'x', parts: [], cost: { amount: 1, currency: 'CNY' }, technician: 't' },
};

describe('a station reaches only the tickets assigned to it', () => {
  let harness: ServiceHarness;
  let ticketId: string;
  let own: string;
  let other: string;

  beforeAll(async () => {
    harness = await ServiceHarness.start();
    await harness.customer('6f1c1c1e-0000-4000-8000-000000000003');
    const ownId = await harness.station({ name: 'own', lat: 22.5 + KM, lon: 114 });
    const otherId = await harness.station({ name: 'other', lat: 22.5 + 2 * KM, lon: 114 });
    own = await harness.asStation(ownId);
    other = await harness.asStation(otherId);
    const agent = await harness.as(['agent']);
    const opened = await harness
      .http()
      .post('/tickets')
      .set('Authorization', agent)
      .send({
        customerId: '6f1c1c1e-0000-4000-8000-000000000003',
        qualityType: 'engine',
        description: 'engine stalls',
        channel: 'web',
        location: { lat: 22.5, lon: 114 },
      })
      .expect(201);
    expect(opened.body.stationId).toBe(ownId);
    ticketId = opened.body.ticketId;
  });
  afterAll(() => harness.stop());

  it('covers every known station route', async () => {
    const routes = (await stationRoutesWithId(harness)).map((r) => `${r.method} ${r.path}`);
    expect(routes.sort()).toEqual(
      [
        'get /station/tickets/{id}',
        'get /station/tickets/{id}/timeline',
        'post /station/tickets/{id}/accept',
        'post /station/tickets/{id}/decline',
        'post /station/tickets/{id}/appointment',
        'post /station/tickets/{id}/progress',
        'post /station/tickets/{id}/resolve',
      ].sort(),
    );
  });

  it('lets the assigned station read the ticket and see it in its queue', async () => {
    await harness.http().get(`/station/tickets/${ticketId}`).set('Authorization', own).expect(200);
    const queue = await harness.http().get('/station/tickets').set('Authorization', own).expect(200);
    expect(queue.body.items.map((t: { ticketId: string }) => t.ticketId)).toEqual([ticketId]);
  });

  it('keeps the ticket out of another station’s queue', async () => {
    const queue = await harness.http().get('/station/tickets').set('Authorization', other).expect(200);
    expect(queue.body.items).toEqual([]);
  });

  it('refuses another station on every route, without changing the ticket', async () => {
    for (const route of await stationRoutesWithId(harness)) {
      const action = route.path.split('/').pop() as string;
      const path = route.path.replace('{id}', ticketId);
      const response = await harness
        .http()
        [route.method](path)
        .set('Authorization', other)
        .send(VALID_BODIES[action] ?? {});
      const label = `${route.method} ${route.path}`;
      expect({ label, status: response.status }).toEqual({ label, status: 404 });
      expect(JSON.stringify(response.body)).not.toContain('engine stalls');
    }
    const [row] = await harness.query(`SELECT status FROM service.ticket WHERE id = $1`, [ticketId]);
    expect(row).toEqual({ status: 'routed' });
    expect(await harness.outboxTypes(ticketId)).toEqual([TicketOpened.type, TicketRouted.type]);
  });

  it('refuses staff tokens without a station on the station routes and station tokens on staff routes', async () => {
    const agent = await harness.as(['agent']);
    await harness.http().get('/station/tickets').set('Authorization', agent).expect(403);
    await harness.http().get(`/tickets/${ticketId}`).set('Authorization', own).expect(403);
    await harness.http().get(`/tickets/${ticketId}/webhook-deliveries`).set('Authorization', own).expect(403);
  });
});
