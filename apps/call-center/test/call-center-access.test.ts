import { Roles } from '@crm/contracts';
import { CallCenterHarness } from './call-center.harness';

const CUSTOMER = '6f1c0c9e-5b1a-4d4e-8a51-3a0f2c9d1e01';
const DEALER = { id: '6f1c0c9e-5b1a-4d4e-8a51-3a0f2c9d1e02', kind: 'dealer' as const };

type Method = 'get' | 'post';
type Case = [label: string, method: Method, path: string, body: object | undefined, field: string];

const BAD_INPUT: Case[] = [
  ['lookup without q', 'get', '/lookup', undefined, 'q'],
  ['lookup with a huge q', 'get', `/lookup?q=${'x'.repeat(101)}`, undefined, 'q'],
  ['lookup page size', 'get', '/lookup?q=a&limit=1000', undefined, 'limit'],
  ['360 with a bad id', 'get', '/customers/nope/360', undefined, 'id'],
  [
    'interaction channel',
    'post',
    `/customers/${CUSTOMER}/interactions`,
    { channel: 'fax', direction: 'inbound', subject: 's' },
    'channel',
  ],
  [
    'interaction direction',
    'post',
    `/customers/${CUSTOMER}/interactions`,
    { channel: 'sms', direction: 'up', subject: 's' },
    'direction',
  ],
  [
    'interaction duration',
    'post',
    `/customers/${CUSTOMER}/interactions`,
    { channel: 'phone', direction: 'inbound', subject: 's', durationSeconds: -1 },
    'durationSeconds',
  ],
  [
    'interaction unknown field',
    'post',
    `/customers/${CUSTOMER}/interactions`,
    { channel: 'sms', direction: 'inbound', subject: 's', mood: 'x' },
    'mood',
  ],
  ['interactions page', 'get', `/customers/${CUSTOMER}/interactions?offset=-1`, undefined, 'offset'],
  [
    'complaint quality type',
    'post',
    `/customers/${CUSTOMER}/complaints`,
    { description: 'd', qualityType: 'magic', channel: 'phone' },
    'qualityType',
  ],
  [
    'complaint vehicle id',
    'post',
    `/customers/${CUSTOMER}/complaints`,
    { vehicleId: 'v1', description: 'd', qualityType: 'brakes', channel: 'phone' },
    'vehicleId',
  ],
  [
    'complaint location',
    'post',
    `/customers/${CUSTOMER}/complaints`,
    { description: 'd', qualityType: 'brakes', channel: 'web', location: { lat: 91, lon: 0 } },
    'location.lat',
  ],
  [
    'complaint without description',
    'post',
    `/customers/${CUSTOMER}/complaints`,
    { qualityType: 'brakes', channel: 'phone' },
    'description',
  ],
  [
    'incoming call number',
    'post',
    '/telephony/incoming-call',
    { callerNumber: 'abc', calledLine: 'l', callId: 'c' },
    'callerNumber',
  ],
  [
    'incoming call without id',
    'post',
    '/telephony/incoming-call',
    { callerNumber: '13800138000', calledLine: 'l' },
    'callId',
  ],
];

const ROUTES: [Method, string][] = [
  ['get', '/lookup?q=a'],
  ['get', `/customers/${CUSTOMER}/360`],
  ['get', `/customers/${CUSTOMER}/interactions`],
  ['post', `/customers/${CUSTOMER}/interactions`],
  ['post', `/customers/${CUSTOMER}/complaints`],
  ['post', '/telephony/incoming-call'],
  ['get', '/agents/me/events'],
];

describe('call-center routes: bad input and partner tokens', () => {
  let cc: CallCenterHarness;
  let agent: string;
  let dealer: string;

  beforeAll(async () => {
    cc = await CallCenterHarness.start();
    agent = await cc.as([Roles.agent]);
    dealer = await cc.as([Roles.dealer], { partner: DEALER });
  }, 120_000);
  afterAll(() => cc.stop());

  it.each(BAD_INPUT)(
    '%s gives 400 problem+json naming the field',
    async (_label, method, path, body, field) => {
      const call = cc.http()[method](path).set('Authorization', agent);
      const response = await (body ? call.send(body) : call);
      expect(response.status).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    },
  );

  it.each(ROUTES)('a dealer token gets 403 on %s %s', async (method, path) => {
    const response = await cc.http()[method](path).set('Authorization', dealer).send({});
    expect(response.status).toBe(403);
  });

  it('answers 404 for a complaint about a customer the call center does not know', async () => {
    await cc
      .http()
      .post(`/customers/${CUSTOMER}/complaints`)
      .set('Authorization', agent)
      .send({ description: 'd', qualityType: 'brakes', channel: 'phone' })
      .expect(404);
  });
});
