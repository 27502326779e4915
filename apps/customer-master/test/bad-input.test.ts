import { CustomerMasterHarness } from './customer-master.harness';

const HUGE = 'x'.repeat(100_000);

describe('bad input gives 400 problem+json naming the field', () => {
  let harness: CustomerMasterHarness;
  let admin: string;
  let customerId: string;

  beforeAll(async () => {
    harness = await CustomerMasterHarness.start();
    admin = await harness.as(['admin']);
    const created = await harness
      .http()
      .post('/customers')
      .set('Authorization', admin)
      .send({ kind: 'person', name: '郑十一', phones: ['13000130000'] })
      .expect(201);
    customerId = created.body.id;
  });
  afterAll(() => harness.stop());

  const cases: [string, string, () => string, unknown, string][] = [
    ['wrong type', 'post', () => '/customers', { kind: 'person', name: 42 }, 'name'],
    ['unknown field', 'post', () => '/customers', { kind: 'person', name: 'A', shoeSize: 44 }, 'shoeSize'],
    ['huge string', 'post', () => '/customers', { kind: 'person', name: HUGE.slice(0, 5_000) }, 'name'],
    ['bad phone', 'post', () => '/customers', { kind: 'person', name: 'A', phones: ['12345'] }, 'phones.0'],
    [
      'bad email',
      'post',
      () => '/customers',
      { kind: 'person', name: 'A', emails: ['not-an-email'] },
      'emails',
    ],
    ['bad kind', 'post', () => '/customers', { kind: 'robot', name: 'A' }, 'kind'],
    ['bad birthday', 'patch', () => `/customers/${customerId}`, { birthday: '1990-13-45' }, 'birthday'],
    [
      'bad consent',
      'patch',
      () => `/customers/${customerId}`,
      { consents: [{ channel: 'fax', granted: true, source: 'x' }] },
      'consents.0.channel',
    ],
    [
      'bad latitude',
      'patch',
      () => `/customers/${customerId}`,
      { address: { location: { lat: 123, lon: 1 } } },
      'address.location.lat',
    ],
    [
      'bad VIN',
      'post',
      () => `/customers/${customerId}/vehicles`,
      { vin: 'LSVAU2180N2123450', brand: 'A', model: 'B' },
      'vin',
    ],
    [
      'malformed VIN',
      'post',
      () => `/customers/${customerId}/vehicles`,
      { vin: 'SHORT', brand: 'A', model: 'B' },
      'vin',
    ],
    ['blank name', 'post', () => '/customers', { kind: 'person', name: ' \t ' }, 'name'],
    ['blank name on update', 'patch', () => `/customers/${customerId}`, { name: '   ' }, 'name'],
    [
      'blank partner name',
      'post',
      () => '/partners',
      { kind: 'dealer', code: 'D-BLANK', name: '  ', location: { lat: 1, lon: 1 } },
      'name',
    ],
    ['bad page size', 'get', () => '/customers?limit=1000', undefined, 'limit'],
    ['bad id', 'get', () => '/customers/not-a-uuid', undefined, 'id'],
    [
      'bad partner skill',
      'post',
      () => '/partners',
      { kind: 'repair_station', code: 'RS-1', name: 'R', location: { lat: 1, lon: 1 }, skills: ['magic'] },
      'skills',
    ],
  ];

  it.each(cases)('%s', async (_name, method, path, body, field) => {
    const call = harness.http()[method as 'get' | 'post' | 'patch'](path()).set('Authorization', admin);
    const response = await (body === undefined ? call : call.send(body as object));
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('rejects malformed JSON with 400', async () => {
    const response = await harness
      .http()
      .post('/customers')
      .set('Authorization', admin)
      .set('Content-Type', 'application/json')
      .send('{"kind": "person", ');
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
  });

  it('rejects a body over the size limit with 413, not 500', async () => {
    const response = await harness
      .http()
      .post('/customers')
      .set('Authorization', admin)
      .send({ kind: 'person', name: 'A', tags: [HUGE.repeat(12)] });
    expect(response.status).toBe(413);
  });
});
