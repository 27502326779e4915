import { ServiceHarness } from './service.harness';

const ID = '6f1c1c1e-0000-4000-8000-000000000006';
const OPEN = { customerId: ID, qualityType: 'engine', description: 'x', channel: 'phone' };

describe('bad input on every service route gives 400 problem+json naming the field', () => {
  let harness: ServiceHarness;
  let admin: string;
  let station: string;
  let ticketId: string;

  beforeAll(async () => {
    harness = await ServiceHarness.start();
    await harness.customer(ID);
    admin = await harness.as(['admin']);
    const stationId = await harness.station({ lat: 1, lon: 1, skills: ['engine'] });
    station = await harness.asStation(stationId);
    const opened = await harness
      .http()
      .post('/tickets')
      .set('Authorization', admin)
      .send({ ...OPEN, location: { lat: 1, lon: 1 } })
      .expect(201);
    ticketId = opened.body.ticketId;
  });
  afterAll(() => harness.stop());

  type Case = [string, 'get' | 'post' | 'put', () => string, object | undefined, string, 'admin' | 'station'];
  const cases: Case[] = [
    ['suggest without description', 'post', () => '/quality-types/suggest', {}, 'description', 'admin'],
    [
      'unknown quality type',
      'post',
      () => '/tickets',
      { ...OPEN, qualityType: 'magic' },
      'qualityType',
      'admin',
    ],
    ['bad customer id', 'post', () => '/tickets', { ...OPEN, customerId: 'x' }, 'customerId', 'admin'],
    ['bad channel', 'post', () => '/tickets', { ...OPEN, channel: 'fax' }, 'channel', 'admin'],
    ['bad severity', 'post', () => '/tickets', { ...OPEN, severity: 'urgent' }, 'severity', 'admin'],
    [
      'bad latitude',
      'post',
      () => '/tickets',
      { ...OPEN, location: { lat: 91, lon: 1 } },
      'location.lat',
      'admin',
    ],
    ['short VIN', 'post', () => '/tickets', { ...OPEN, vin: 'SHORT' }, 'vin', 'admin'],
    ['unknown field', 'post', () => '/tickets', { ...OPEN, shoeSize: 44 }, 'shoeSize', 'admin'],
    ['bad status filter', 'get', () => '/tickets?status=lost', undefined, 'status', 'admin'],
    ['bad escalated filter', 'get', () => '/tickets?escalated=maybe', undefined, 'escalated', 'admin'],
    ['bad page size', 'get', () => '/tickets?limit=1000', undefined, 'limit', 'admin'],
    ['bad ticket id', 'get', () => '/tickets/nope', undefined, 'id', 'admin'],
    ['bad timeline id', 'get', () => '/tickets/nope/timeline', undefined, 'id', 'admin'],
    ['bad deliveries id', 'get', () => '/tickets/nope/webhook-deliveries', undefined, 'id', 'admin'],
    ['reopen without reason', 'post', () => `/tickets/${ticketId}/reopen`, {}, 'reason', 'admin'],
    ['score 6', 'post', () => `/tickets/${ticketId}/satisfaction`, { score: 6 }, 'score', 'admin'],
    ['score 2.5', 'post', () => `/tickets/${ticketId}/satisfaction`, { score: 2.5 }, 'score', 'admin'],
    ['survey score 0', 'post', () => '/survey/some-token', { score: 0 }, 'score', 'admin'],
    ['webhook not a URL', 'put', () => `/stations/${ID}/webhook`, { url: 'not a url' }, 'url', 'admin'],
    ['webhook ftp URL', 'put', () => `/stations/${ID}/webhook`, { url: 'ftp://x.example/a' }, 'url', 'admin'],
    ['decline without reason', 'post', () => `/station/tickets/${ticketId}/decline`, {}, 'reason', 'station'],
    [
      'appointment not a time',
      'post',
      () => `/station/tickets/${ticketId}/appointment`,
      { at: 'soon' },
      'at',
      'station',
    ],
    [
      'empty progress note',
      'post',
      () => `/station/tickets/${ticketId}/progress`,
      { note: '' },
      'note',
      'station',
    ],
    [
      'part without quantity',
      'post',
      () => `/station/tickets/${ticketId}/resolve`,
      {
        workDone: 'x',
        parts: [{ partNumber: 'P', description: 'd' }],
        cost: { amount: 1, currency: 'CNY' },
        technician: 't',
      },
      'parts.0.quantity',
      'station',
    ],
    [
      'bad currency',
      'post',
      () => `/station/tickets/${ticketId}/resolve`,
      { workDone: 'x', parts: [], cost: { amount: 1, currency: 'yuan' }, technician: 't' },
      'cost.currency',
      'station',
    ],
    [
      'negative cost',
      'post',
      () => `/station/tickets/${ticketId}/resolve`,
      { workDone: 'x', parts: [], cost: { amount: -1, currency: 'CNY' }, technician: 't' },
      'cost.amount',
      'station',
    ],
    ['bad station page', 'get', () => '/station/tickets?offset=-1', undefined, 'offset', 'station'],
    ['bad station ticket id', 'get', () => '/station/tickets/nope', undefined, 'id', 'station'],
    ['bad dealer ticket id', 'get', () => '/dealer/tickets/nope', undefined, 'id', 'admin'],
  ];

  it.each(cases)('%s', async (_name, method, path, body, field, who) => {
    const call = harness
      .http()
      [method](path())
      .set('Authorization', who === 'admin' ? admin : station);
    const response = await (body === undefined ? call : call.send(body));
    expect(response.status).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });
});
