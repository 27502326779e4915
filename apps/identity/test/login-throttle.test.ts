import { randomBytes, randomInt } from 'node:crypto';
import { Agent } from 'node:http';
import request from 'supertest';
import { Roles } from '@crm/contracts';
import { PartnerClientsService } from '../src/partner-clients/partner-clients.service';
import { UsersService } from '../src/users/users.service';
import { IdentityTestApp, startIdentityApp } from './identity-test-app';

const MAX_PER_ACCOUNT = 3;
const MAX_PER_ADDRESS = 12;
const WINDOW_SECONDS = 900;

// Counters live in the shared Redis: names of this run and loopback addresses of its own keep
// other test processes (all calling from 127.0.0.1) and earlier runs out of these counts.
const run = randomBytes(4).toString('hex');
const loopback = () => `127.${randomInt(1, 255)}.${randomInt(1, 255)}.${randomInt(2, 255)}`;
const caller = new Agent({ localAddress: loopback() });
const otherCaller = new Agent({ localAddress: loopback() });

describe('identity login throttling', () => {
  let identity: IdentityTestApp;
  const agent = { username: `agent.${run}`, password: 'agent-pass-1' };
  const colleague = { username: `colleague.${run}`, password: 'colleague-pass-1' };
  const client = { client_id: `station-dms-${run}`, client_secret: 'station-secret-1' };

  beforeAll(async () => {
    identity = await startIdentityApp({
      IDENTITY_LOGIN_WINDOW_SECONDS: WINDOW_SECONDS,
      IDENTITY_LOGIN_MAX_FAILURES_PER_ACCOUNT: MAX_PER_ACCOUNT,
      IDENTITY_LOGIN_MAX_FAILURES_PER_ADDRESS: MAX_PER_ADDRESS,
    });
    const users = identity.app.get(UsersService);
    for (const { username, password } of [agent, colleague])
      await users.ensureUser({ username, password, displayName: username, roles: [Roles.agent] });
    await identity.app.get(PartnerClientsService).ensureClient({
      clientId: client.client_id,
      secret: client.client_secret,
      partnerId: '0b9d3c52-5f2e-4c1a-9a57-1f0c2f6a1d02',
      partnerKind: 'repair_station',
      name: 'Pudong repair station DMS',
    });
  });

  afterAll(async () => {
    caller.destroy();
    otherCaller.destroy();
    await identity.close();
  });

  const token = (body: Record<string, unknown>, from = caller) =>
    request(identity.url).post('/auth/token').agent(from).send(body);
  const password = (username: string, secret: string) => ({
    grant_type: 'password',
    username,
    password: secret,
  });

  function expectThrottled(response: request.Response): void {
    expect(response.status).toBe(429);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    const retryAfter = Number(response.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW_SECONDS);
    expect(response.body).toMatchObject({
      status: 429,
      title: 'Too Many Requests',
      retryAfterSeconds: retryAfter,
    });
  }

  it('refuses even the right password after too many wrong ones, with 429 and Retry-After', async () => {
    for (let i = 0; i < MAX_PER_ACCOUNT; i++) await token(password(agent.username, `guess-${i}`)).expect(401);
    expectThrottled(await token(password(agent.username.toUpperCase(), agent.password)));
  });

  it('leaves another user free to sign in from the same address', async () => {
    await token(password(colleague.username, colleague.password)).expect(200);
  });

  it('throttles the client credentials grant per client id', async () => {
    for (let i = 0; i < MAX_PER_ACCOUNT; i++)
      await token({
        grant_type: 'client_credentials',
        client_id: client.client_id,
        client_secret: 'guess',
      }).expect(401);
    expectThrottled(await token({ grant_type: 'client_credentials', ...client }));
  });

  it('refuses every account from an address with too many failures, and only that address', async () => {
    // Six failures above count already; the refused attempts were not checked and did not count.
    for (let i = 0; i < MAX_PER_ADDRESS - 2 * MAX_PER_ACCOUNT; i++)
      await token(password(`nobody-${i}.${run}`, 'guess')).expect(401);
    expectThrottled(await token(password(colleague.username, colleague.password)));
    await token(password(colleague.username, colleague.password), otherCaller).expect(200);
  });
});
