import { randomBytes, randomInt } from 'node:crypto';
import { Agent } from 'node:http';
import request from 'supertest';
import { Roles } from '@crm/contracts';
import { clearLoginLock } from '../src/tools/clear-login-lock';
import { UsersService } from '../src/users/users.service';
import { IdentityTestApp, startIdentityApp } from './identity-test-app';

const MAX_PER_ACCOUNT = 3;
const MAX_PER_ADDRESS = 5;

// Counters live in the shared Redis: names and addresses of this run keep other runs out of them.
const run = randomBytes(4).toString('hex');
const someAddress = () => `10.${randomInt(0, 256)}.${randomInt(0, 256)}.${randomInt(1, 255)}`;
const loopbackAgent = () =>
  new Agent({ localAddress: `127.${randomInt(1, 255)}.${randomInt(1, 255)}.${randomInt(2, 255)}` });

async function start(trustProxy: string | false): Promise<IdentityTestApp> {
  return startIdentityApp({
    IDENTITY_BOOTSTRAP_ADMIN_PASSWORD: 'bootstrap-admin-1',
    IDENTITY_LOGIN_MAX_FAILURES_PER_ACCOUNT: MAX_PER_ACCOUNT,
    IDENTITY_LOGIN_MAX_FAILURES_PER_ADDRESS: MAX_PER_ADDRESS,
    TRUST_PROXY: trustProxy,
  });
}

const wrong = (identity: IdentityTestApp, from: Agent, forwardedFor?: string) => {
  const call = request(identity.url).post('/auth/token').agent(from);
  if (forwardedFor) call.set('X-Forwarded-For', forwardedFor);
  return call.send({
    grant_type: 'password',
    username: `nobody-${randomInt(1e9)}.${run}`,
    password: 'guess',
  });
};

describe('login throttling behind a trusted proxy (TRUST_PROXY=loopback)', () => {
  let identity: IdentityTestApp;
  const proxy = loopbackAgent();
  beforeAll(async () => (identity = await start('loopback')));
  afterAll(async () => {
    proxy.destroy();
    await identity.close();
  });

  it('counts each forwarded client address apart', async () => {
    const [guesser, bystander] = [someAddress(), someAddress()];
    for (let i = 0; i < MAX_PER_ADDRESS; i++) await wrong(identity, proxy, guesser).expect(401);
    await wrong(identity, proxy, guesser).expect(429);
    await wrong(identity, proxy, bystander).expect(401);
  });
});

describe('login throttling without TRUST_PROXY', () => {
  let identity: IdentityTestApp;
  const caller = loopbackAgent();
  beforeAll(async () => (identity = await start(false)));
  afterAll(async () => {
    caller.destroy();
    await identity.close();
  });

  it('ignores X-Forwarded-For, so no caller escapes its limit by claiming new addresses', async () => {
    for (let i = 0; i < MAX_PER_ADDRESS; i++) await wrong(identity, caller, someAddress()).expect(401);
    await wrong(identity, caller, someAddress()).expect(429);
  });
});

describe('recovering a locked-out account', () => {
  let identity: IdentityTestApp;
  const admin = { username: `admin2.${run}`, password: 'second-admin-1' };
  beforeAll(async () => {
    identity = await start(false);
    await identity.app
      .get(UsersService)
      .ensureUser({ ...admin, displayName: 'Second admin', roles: [Roles.admin] });
  });
  afterAll(() => identity.close());

  // Each from an address of its own, so only the account's own limit is in play.
  const signIn = (username: string, password: string) =>
    request(identity.url)
      .post('/auth/token')
      .agent(loopbackAgent())
      .send({ grant_type: 'password', username, password });
  const lockOut = async (username: string) => {
    for (let i = 0; i < MAX_PER_ACCOUNT; i++) await signIn(username, `guess-${i}`).expect(401);
    await signIn(username, 'whatever').expect(429);
  };

  // Not the shared 'admin' account: its counter lives in the Redis every test process uses.
  it('lets an operator clear an administrator’s lock from the command line', async () => {
    await lockOut(admin.username);
    await signIn(admin.username, admin.password).expect(429);
    const message = await clearLoginLock([admin.username.toUpperCase()], {
      REDIS_URL: process.env.TEST_REDIS_URL,
    });
    expect(message).toContain(admin.username.toUpperCase());
    await signIn(admin.username, admin.password).expect(200);
  });

  it('lets another administrator clear a lock through the API', async () => {
    const user = `locked.${run}`;
    await identity.app
      .get(UsersService)
      .ensureUser({ username: user, password: 'locked-pass-1', displayName: user, roles: [Roles.agent] });
    await lockOut(user);
    const token = (await signIn(admin.username, admin.password).expect(200)).body.access_token;
    await request(identity.url)
      .post('/auth/login-locks/clear')
      .auth(token, { type: 'bearer' })
      .send({ kind: 'user', account: user })
      .expect(204);
    await signIn(user, 'locked-pass-1').expect(200);
  });

  it('refuses the command without arguments, printing its usage', async () => {
    await expect(clearLoginLock([], { REDIS_URL: process.env.TEST_REDIS_URL })).rejects.toThrow('Usage');
  });
});
