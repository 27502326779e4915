import request from 'supertest';
import { TokenVerifier } from '@crm/auth';
import { Roles } from '@crm/contracts';
import { TEST_ISSUER } from '@crm/testing';
import { PartnerClientsService } from '../src/partner-clients/partner-clients.service';
import { UsersService } from '../src/users/users.service';
import { IdentityTestApp, startIdentityApp } from './identity-test-app';

const DEALER_ID = '0b9d3c52-5f2e-4c1a-9a57-1f0c2f6a1d01';
const STATION_ID = '0b9d3c52-5f2e-4c1a-9a57-1f0c2f6a1d02';

describe('identity tokens', () => {
  let identity: IdentityTestApp;
  let verifier: TokenVerifier;
  let agentId: string;

  beforeAll(async () => {
    identity = await startIdentityApp();
    verifier = new TokenVerifier({ issuer: TEST_ISSUER, jwksUrl: identity.jwksUrl });
    const users = identity.app.get(UsersService);
    agentId = (
      await users.ensureUser({
        username: 'Li.Wei',
        password: 'agent-pass-1',
        displayName: '李伟',
        roles: [Roles.agent],
      })
    ).id;
    await users.ensureUser({
      username: 'dealer.zhang',
      password: 'dealer-pass-1',
      displayName: 'Zhang at Pudong Motors',
      roles: [Roles.dealer],
      partnerId: DEALER_ID,
      partnerKind: 'dealer',
    });
    await identity.app.get(PartnerClientsService).ensureClient({
      clientId: 'station-dms',
      secret: 'station-secret-1',
      partnerId: STATION_ID,
      partnerKind: 'repair_station',
      name: 'Pudong repair station DMS',
    });
  });

  afterAll(() => identity.close());

  const token = (body: Record<string, unknown>) => request(identity.url).post('/auth/token').send(body);

  it('issues a password-grant token that the platform verifier accepts', async () => {
    const response = await token({
      grant_type: 'password',
      username: 'li.wei',
      password: 'agent-pass-1',
    }).expect(200);
    expect(response.body).toEqual({
      access_token: expect.any(String),
      token_type: 'Bearer',
      expires_in: 900,
    });
    expect(response.headers['cache-control']).toBe('no-store');
    const principal = await verifier.verify(response.body.access_token);
    expect(principal).toEqual({ subject: agentId, name: '李伟', roles: ['agent'] });
  });

  it('accepts the token request as a form', async () => {
    const response = await request(identity.url)
      .post('/auth/token')
      .type('form')
      .send({ grant_type: 'password', username: 'Li.Wei', password: 'agent-pass-1' })
      .expect(200);
    expect((await verifier.verify(response.body.access_token)).subject).toBe(agentId);
  });

  it('binds a partner user’s token to its partner', async () => {
    const response = await token({
      grant_type: 'password',
      username: 'dealer.zhang',
      password: 'dealer-pass-1',
    });
    const principal = await verifier.verify(response.body.access_token);
    expect(principal).toMatchObject({ roles: ['dealer'], partnerId: DEALER_ID, partnerKind: 'dealer' });
  });

  it('answers a wrong password and an unknown user alike, with 401 problem+json', async () => {
    const wrong = await token({ grant_type: 'password', username: 'li.wei', password: 'nope-nope' }).expect(
      401,
    );
    const unknown = await token({
      grant_type: 'password',
      username: `nobody.${Date.now()}`,
      password: 'nope-nope',
    }).expect(401);
    expect(wrong.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(wrong.body).toMatchObject({
      status: 401,
      title: 'Unauthorized',
      detail: 'The credentials are not valid',
    });
    expect(unknown.body.detail).toBe(wrong.body.detail);
  });

  it('issues a client-credentials token bound to the partner with its partner role', async () => {
    const response = await token({
      grant_type: 'client_credentials',
      client_id: 'station-dms',
      client_secret: 'station-secret-1',
    }).expect(200);
    const principal = await verifier.verify(response.body.access_token);
    expect(principal).toEqual({
      subject: 'station-dms',
      name: 'Pudong repair station DMS',
      roles: ['repair_station'],
      partnerId: STATION_ID,
      partnerKind: 'repair_station',
    });
  });

  it('rejects a wrong client secret with 401', async () => {
    await token({
      grant_type: 'client_credentials',
      client_id: 'station-dms',
      client_secret: 'guess',
    }).expect(401);
  });

  it.each([
    ['an unsupported grant type', { grant_type: 'authorization_code' }, 'grant_type'],
    ['a password grant without username', { grant_type: 'password', password: 'agent-pass-1' }, 'username'],
    [
      'a number for the password',
      { grant_type: 'password', username: 'li.wei', password: 12345678 },
      'password',
    ],
    [
      'a client grant without secret',
      { grant_type: 'client_credentials', client_id: 'station-dms' },
      'client_secret',
    ],
    ['a huge username', { grant_type: 'password', username: 'x'.repeat(100_000), password: 'p' }, 'username'],
    ['an unknown field', { grant_type: 'password', username: 'li.wei', password: 'p', admin: true }, 'admin'],
  ])('answers %s with 400 naming the field', async (_case, body, field) => {
    const response = await token(body).expect(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('publishes only the public signing key', async () => {
    const response = await request(identity.url).get('/auth/jwks').expect(200);
    expect(response.body.keys).toHaveLength(1);
    expect(response.body.keys[0]).toEqual({
      kty: 'RSA',
      n: expect.any(String),
      e: 'AQAB',
      kid: expect.any(String),
      alg: 'RS256',
      use: 'sig',
    });
  });

  it('serves a discovery document pointing at its token endpoint and keys', async () => {
    const response = await request(identity.url).get('/.well-known/openid-configuration').expect(200);
    expect(response.body).toMatchObject({
      issuer: TEST_ISSUER,
      token_endpoint: `${identity.url}/auth/token`,
      jwks_uri: identity.jwksUrl,
    });
  });

  it('tells any authenticated caller who it is', async () => {
    const { body } = await token({
      grant_type: 'client_credentials',
      client_id: 'station-dms',
      client_secret: 'station-secret-1',
    });
    const me = await request(identity.url)
      .get('/auth/me')
      .auth(body.access_token, { type: 'bearer' })
      .expect(200);
    expect(me.body).toMatchObject({
      subject: 'station-dms',
      roles: ['repair_station'],
      partnerId: STATION_ID,
    });
    await request(identity.url).get('/auth/me').expect(401);
  });

  it('keeps signing with the stored key after a restart', async () => {
    const before = await token({ grant_type: 'password', username: 'li.wei', password: 'agent-pass-1' });
    const restarted = await startIdentityApp({}, identity.database);
    try {
      const jwks = await request(restarted.url).get('/auth/jwks').expect(200);
      const original = await request(identity.url).get('/auth/jwks').expect(200);
      expect(jwks.body).toEqual(original.body);
      const otherVerifier = new TokenVerifier({ issuer: TEST_ISSUER, jwksUrl: restarted.jwksUrl });
      expect((await otherVerifier.verify(before.body.access_token)).subject).toBe(agentId);
    } finally {
      await restarted.close();
    }
  });
});
