import request from 'supertest';
import { Roles } from '@crm/contracts';
import { PartnerClientsService } from '../src/partner-clients/partner-clients.service';
import { UsersService } from '../src/users/users.service';
import { IdentityTestApp, startIdentityApp } from './identity-test-app';

const ADMIN_PASSWORD = 'bootstrap-admin-1';
const DEALER_ID = '5c4a1e0e-2b7d-4f55-8f0e-7d3c9b2a6e11';

describe('identity administration', () => {
  let identity: IdentityTestApp;
  let adminToken: string;
  let agentToken: string;

  async function passwordToken(username: string, password: string): Promise<string> {
    const response = await request(identity.url)
      .post('/auth/token')
      .send({ grant_type: 'password', username, password })
      .expect(200);
    return response.body.access_token;
  }

  const api = () => request(identity.url);

  beforeAll(async () => {
    identity = await startIdentityApp({ IDENTITY_BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD });
    adminToken = await passwordToken('admin', ADMIN_PASSWORD);
    await identity.app.get(UsersService).ensureUser({
      username: 'agent.wu',
      password: 'agent-pass-1',
      displayName: 'Wu',
      roles: [Roles.agent],
    });
    agentToken = await passwordToken('agent.wu', 'agent-pass-1');
  });

  afterAll(() => identity.close());

  describe('POST /users', () => {
    it('creates a user who can then sign in', async () => {
      const response = await api()
        .post('/users')
        .auth(adminToken, { type: 'bearer' })
        .send({
          username: 'chen.na',
          password: 'service-pass-1',
          displayName: '陈娜',
          roles: ['service_manager'],
        })
        .expect(201);
      expect(response.body).toEqual({
        id: expect.any(String),
        username: 'chen.na',
        displayName: '陈娜',
        roles: ['service_manager'],
        partnerId: null,
        partnerKind: null,
        active: true,
        createdAt: expect.any(String),
      });
      await passwordToken('CHEN.NA', 'service-pass-1');
    });

    it('gives a privacy officer a token carrying the role, but not the administration', async () => {
      await api()
        .post('/users')
        .auth(adminToken, { type: 'bearer' })
        .send({
          username: 'dpo.lin',
          password: 'privacy-pass-1',
          displayName: '林静',
          roles: [Roles.privacyOfficer],
        })
        .expect(201);
      const token = await passwordToken('dpo.lin', 'privacy-pass-1');
      const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8'));
      expect(claims.roles).toEqual(['privacy_officer']);
      await api().get('/users').auth(token, { type: 'bearer' }).expect(403);
    });

    it('creates a partner user bound to its partner', async () => {
      const body = {
        username: 'dealer.sun',
        password: 'dealer-pass-1',
        displayName: 'Sun',
        roles: ['dealer'],
        partnerId: DEALER_ID,
        partnerKind: 'dealer',
      };
      const response = await api().post('/users').auth(adminToken, { type: 'bearer' }).send(body).expect(201);
      expect(response.body).toMatchObject({ partnerId: DEALER_ID, partnerKind: 'dealer' });
    });

    it('answers a username taken in another case with 409', async () => {
      const body = { username: 'Agent.Wu', password: 'agent-pass-2', displayName: 'Wu 2', roles: ['agent'] };
      const response = await api().post('/users').auth(adminToken, { type: 'bearer' }).send(body).expect(409);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    });

    it('requires the partner of a partner role', async () => {
      const body = {
        username: 'station.li',
        password: 'station-pass-1',
        displayName: 'Li',
        roles: ['repair_station'],
      };
      const response = await api().post('/users').auth(adminToken, { type: 'bearer' }).send(body).expect(400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual([
        'partnerId',
        'partnerKind',
      ]);
    });

    const valid = { username: 'new.user', password: 'new-user-pass', displayName: 'New', roles: ['agent'] };
    it.each([
      ['an unknown field', { ...valid, isAdmin: true }, 'isAdmin'],
      ['a number for a string', { ...valid, username: 42 }, 'username'],
      ['a string for a list', { ...valid, roles: 'admin' }, 'roles'],
      ['an unknown role', { ...valid, roles: ['superuser'] }, 'roles'],
      ['a short password', { ...valid, password: 'short' }, 'password'],
      ['a password beyond 72 bytes', { ...valid, password: '密'.repeat(30) }, 'password'],
      ['a huge display name', { ...valid, displayName: 'x'.repeat(200_000) }, 'displayName'],
      ['a partner id that is no UUID', { ...valid, partnerId: 'not-a-uuid' }, 'partnerId'],
      ['an object for a partner kind', { ...valid, partnerKind: { kind: 'dealer' } }, 'partnerKind'],
    ])('answers %s with 400 naming the field', async (_case, body, field) => {
      const response = await api().post('/users').auth(adminToken, { type: 'bearer' }).send(body).expect(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    });

    it.each([['[]'], ['"admin"'], ['{"username":']])(
      'answers the body %s with 400, never 500',
      async (raw) => {
        const response = await api()
          .post('/users')
          .auth(adminToken, { type: 'bearer' })
          .set('content-type', 'application/json')
          .send(raw);
        expect(response.status).toBe(400);
      },
    );
  });

  describe('GET /users', () => {
    it('lists users a page at a time', async () => {
      const response = await api()
        .get('/users?limit=1&offset=1')
        .auth(adminToken, { type: 'bearer' })
        .expect(200);
      expect(response.body).toMatchObject({ limit: 1, offset: 1 });
      expect(response.body.items).toHaveLength(1);
      expect(response.body.items[0].passwordHash).toBeUndefined();
    });

    it('rejects a page larger than the maximum', async () => {
      const response = await api().get('/users?limit=1000').auth(adminToken, { type: 'bearer' }).expect(400);
      expect(response.body.errors[0].field).toBe('limit');
    });
  });

  describe('POST /partner-clients', () => {
    it('answers the generated secret once, and the secret obtains a partner token', async () => {
      const created = await api()
        .post('/partner-clients')
        .auth(adminToken, { type: 'bearer' })
        .send({ partnerId: DEALER_ID, partnerKind: 'dealer', name: 'Pudong Motors DMS' })
        .expect(201);
      expect(created.body).toMatchObject({
        clientId: expect.any(String),
        roles: ['dealer'],
        partnerId: DEALER_ID,
      });
      expect(created.body.clientSecret).toMatch(/^[\w-]{43}$/);
      const listed = await api().get('/partner-clients').auth(adminToken, { type: 'bearer' }).expect(200);
      expect(listed.body.items.map((c: { clientSecret?: string }) => c.clientSecret)).toEqual([undefined]);
      const token = await api()
        .post('/auth/token')
        .send({
          grant_type: 'client_credentials',
          client_id: created.body.clientId,
          client_secret: created.body.clientSecret,
        })
        .expect(200);
      const me = await api().get('/auth/me').auth(token.body.access_token, { type: 'bearer' }).expect(200);
      expect(me.body).toMatchObject({ roles: ['dealer'], partnerId: DEALER_ID, partnerKind: 'dealer' });
    });

    it('answers a taken client id with 409', async () => {
      const body = { clientId: 'dms-1', partnerId: DEALER_ID, partnerKind: 'dealer', name: 'DMS' };
      await api().post('/partner-clients').auth(adminToken, { type: 'bearer' }).send(body).expect(201);
      await api().post('/partner-clients').auth(adminToken, { type: 'bearer' }).send(body).expect(409);
    });

    it('answers a bad partner kind with 400 naming it', async () => {
      const body = { partnerId: DEALER_ID, partnerKind: 'supplier', name: 'DMS' };
      const response = await api()
        .post('/partner-clients')
        .auth(adminToken, { type: 'bearer' })
        .send(body)
        .expect(400);
      expect(response.body.errors[0].field).toBe('partnerKind');
    });
  });

  describe('access', () => {
    it.each([
      ['post', '/users'],
      ['get', '/users'],
      ['post', '/partner-clients'],
      ['get', '/partner-clients'],
    ] as const)(
      '%s %s is refused to an agent (403) and to a caller without a token (401)',
      async (method, path) => {
        const forbidden = await api()[method](path).auth(agentToken, { type: 'bearer' }).send({}).expect(403);
        expect(forbidden.headers['content-type']).toMatch(/^application\/problem\+json/);
        await api()[method](path).send({}).expect(401);
      },
    );

    it('refuses a token signed by someone else', async () => {
      const forged = `${agentToken.split('.').slice(0, 2).join('.')}.c2lnbmF0dXJl`;
      await api().get('/auth/me').auth(forged, { type: 'bearer' }).expect(401);
    });
  });

  describe('seeding', () => {
    it('ensureUser is idempotent and leaves an existing user as it is', async () => {
      const users = identity.app.get(UsersService);
      const input = {
        username: 'seed.user',
        password: 'seed-pass-1',
        displayName: 'Seed',
        roles: [Roles.analyst],
      };
      const first = await users.ensureUser(input);
      const again = await users.ensureUser({ ...input, username: 'SEED.USER', password: 'other-pass-1' });
      expect(again).toEqual(first);
      await passwordToken('seed.user', 'seed-pass-1');
    });

    it('ensureClient is idempotent', async () => {
      const clients = identity.app.get(PartnerClientsService);
      const input = {
        clientId: 'seed-dms',
        secret: 'seed-secret-1',
        partnerId: DEALER_ID,
        partnerKind: 'dealer' as const,
        name: 'Seed',
      };
      const first = await clients.ensureClient(input);
      expect(await clients.ensureClient(input)).toEqual(first);
    });

    it('does not create a second bootstrap admin on restart', async () => {
      const restarted = await startIdentityApp(
        { IDENTITY_BOOTSTRAP_ADMIN_PASSWORD: 'another-pass-1' },
        identity.database,
      );
      try {
        await passwordToken('admin', ADMIN_PASSWORD);
      } finally {
        await restarted.close();
      }
    });
  });
});
