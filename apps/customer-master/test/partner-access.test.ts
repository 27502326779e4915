import { randomUUID } from 'node:crypto';
import { withCheckDigit } from '@crm/core';
import { CustomerMasterHarness } from './customer-master.harness';

interface Route {
  method: 'get' | 'post' | 'patch' | 'put' | 'delete';
  path: string;
}

/** Every customer route with an id, read from the service's own OpenAPI document, so new routes are covered. */
async function customerRoutesWithId(harness: CustomerMasterHarness): Promise<Route[]> {
  const { body } = await harness.http().get('/docs/openapi.json').expect(200);
  return Object.entries(body.paths as Record<string, Record<string, unknown>>)
    .filter(([path]) => path.startsWith('/customers/{id}'))
    .flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => ({ method: method as Route['method'], path })),
    );
}

describe('partner access to customers', () => {
  let harness: CustomerMasterHarness;
  let customerOfDealerA: string;
  let dealerA: string;
  let dealerB: string;
  let admin: string;

  beforeAll(async () => {
    harness = await CustomerMasterHarness.start();
    admin = await harness.as(['admin']);
    const partner = (code: string) =>
      harness
        .http()
        .post('/partners')
        .set('Authorization', admin)
        .send({ kind: 'dealer', code, name: `Dealer ${code}`, location: { lat: 31.2, lon: 121.4 } })
        .expect(201)
        .then((r) => r.body.partnerId as string);
    const [dealerAId, dealerBId] = [await partner('D-A'), await partner('D-B')];
    dealerA = await harness.as(['dealer'], { id: dealerAId, kind: 'dealer' });
    dealerB = await harness.as(['dealer'], { id: dealerBId, kind: 'dealer' });
    const created = await harness
      .http()
      .post('/customers')
      .set('Authorization', dealerA)
      .send({ kind: 'person', name: '吴十', phones: ['13100131000'] })
      .expect(201);
    customerOfDealerA = created.body.id;
  });
  afterAll(() => harness.stop());

  it('finds a dealer by its code for staff (inbound sync names dealers by code), never for a dealer', async () => {
    const found = await harness
      .http()
      .get('/partners?kind=dealer&code=D-B')
      .set('Authorization', admin)
      .expect(200);
    expect(found.body.items.map((p: { code: string }) => p.code)).toEqual(['D-B']);
    const none = await harness.http().get('/partners?code=D-NONE').set('Authorization', admin).expect(200);
    expect(none.body.items).toEqual([]);
    const bad = await harness.http().get('/partners?code=lower').set('Authorization', admin).expect(400);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'code' })]);
    await harness.http().get('/partners?code=D-B').set('Authorization', dealerA).expect(403);
  });

  it('lets a dealer read its own customer', async () => {
    await harness.http().get(`/customers/${customerOfDealerA}`).set('Authorization', dealerA).expect(200);
  });

  it('lists only the dealer’s own customers', async () => {
    const own = await harness.http().get('/customers').set('Authorization', dealerA).expect(200);
    const other = await harness.http().get('/customers').set('Authorization', dealerB).expect(200);
    expect(own.body.items.map((c: { id: string }) => c.id)).toEqual([customerOfDealerA]);
    expect(other.body.items).toEqual([]);
  });

  it('lists only the vehicles the calling dealer sold, and none to a repair station', async () => {
    const sold = await harness
      .http()
      .post(`/customers/${customerOfDealerA}/vehicles`)
      .set('Authorization', dealerA)
      .send({
        vin: withCheckDigit('LSVAU2180N2900031'),
        brand: 'Roewe',
        model: 'i5',
        purchaseDate: '2026-05-01',
      })
      .expect(201);
    const own = await harness.http().get('/dealer/vehicles').set('Authorization', dealerA).expect(200);
    expect(own.body).toMatchObject({ limit: 20, offset: 0 });
    expect(own.body.items).toEqual([
      expect.objectContaining({ vehicleId: sold.body.vehicleId, sellingDealerId: sold.body.sellingDealerId }),
    ]);
    for (const search of ['roewe i5', sold.body.vin.slice(-6).toLowerCase()]) {
      const found = await harness
        .http()
        .get(`/dealer/vehicles?search=${encodeURIComponent(search)}`)
        .set('Authorization', dealerA)
        .expect(200);
      expect(found.body.items.map((v: { vehicleId: string }) => v.vehicleId)).toEqual([sold.body.vehicleId]);
    }
    const missed = await harness
      .http()
      .get('/dealer/vehicles?search=MG')
      .set('Authorization', dealerA)
      .expect(200);
    expect(missed.body.items).toEqual([]);
    const other = await harness.http().get('/dealer/vehicles').set('Authorization', dealerB).expect(200);
    expect(other.body.items).toEqual([]);
    const station = await harness.as(['repair_station'], { id: randomUUID(), kind: 'repair_station' });
    await harness.http().get('/dealer/vehicles').set('Authorization', station).expect(403);
    await harness.http().get('/dealer/vehicles').set('Authorization', admin).expect(403);
  });

  it('answers a malformed id from a dealer with 400, not 500', async () => {
    const response = await harness.http().get('/customers/not-a-uuid').set('Authorization', dealerB);
    expect(response.status).toBe(400);
  });

  it('covers at least the known customer routes', async () => {
    const routes = await customerRoutesWithId(harness);
    expect(routes.map((r) => `${r.method} ${r.path}`)).toEqual(
      expect.arrayContaining([
        'get /customers/{id}',
        'patch /customers/{id}',
        'get /customers/{id}/vehicles',
      ]),
    );
  });

  it('refuses another dealer on every customer route', async () => {
    const routes = await customerRoutesWithId(harness);
    for (const route of routes) {
      const path = route.path.replace('{id}', customerOfDealerA);
      const response = await harness.http()[route.method](path).set('Authorization', dealerB).send({});
      const refused = response.status === 403 || response.status === 404;
      expect({ route: `${route.method} ${route.path}`, refused }).toEqual({
        route: `${route.method} ${route.path}`,
        refused: true,
      });
      expect(JSON.stringify(response.body)).not.toContain('吴十');
    }
  });
});
