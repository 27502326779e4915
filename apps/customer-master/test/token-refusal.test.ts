import { randomBytes } from 'node:crypto';
import { base64url, SignJWT } from 'jose';
import { TEST_AUDIENCE, TEST_ISSUER } from '@crm/testing';
import { CustomerMasterHarness } from './customer-master.harness';

const DEALER_ID = '0b9d3c52-5f2e-4c1a-9a57-1f0c2f6a1d01';

/** libs/auth as every service sees it: what a bearer token must carry to be let in at all. */
describe('bearer tokens at customer-master', () => {
  let harness: CustomerMasterHarness;

  beforeAll(async () => {
    harness = await CustomerMasterHarness.start({ env: { OUTBOX_RELAY_ENABLED: 'false' } });
    await harness.registerCustomer(
      { kind: 'person', name: '郑十一', phones: ['13100131011'] },
      await harness.as(['admin']),
    );
  });
  afterAll(() => harness.stop());

  const list = (token: string) => harness.http().get('/customers').set('Authorization', `Bearer ${token}`);
  const now = () => Math.floor(Date.now() / 1000);

  async function expectUnauthorized(token: string): Promise<void> {
    const response = await list(token);
    expect(response.status).toBe(401);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.headers['www-authenticate']).toBe('Bearer');
    expect(response.body).toMatchObject({ status: 401 });
  }

  it('accepts a well-formed staff token', async () => {
    await list(await harness.tokens.sign({ roles: ['agent'] })).expect(200);
  });

  it('refuses a token without exp', async () => {
    await expectUnauthorized(
      await harness.tokens.signPayload({ sub: 'u1', roles: ['agent'], exp: undefined }),
    );
  });

  it('refuses a token for another audience', async () => {
    await expectUnauthorized(
      await harness.tokens.signPayload({ sub: 'u1', roles: ['agent'], aud: 'billing' }),
    );
  });

  it('refuses a token living longer than the maximum lifetime', async () => {
    const iat = now();
    await expectUnauthorized(
      await harness.tokens.signPayload({ sub: 'u1', roles: ['agent'], iat, exp: iat + 30 * 86_400 }),
    );
  });

  it('refuses a token signed with HS256 or not signed at all (alg none)', async () => {
    const claims = { sub: 'u1', roles: ['agent'], iss: TEST_ISSUER, aud: TEST_AUDIENCE };
    const hs256 = await new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256', kid: 'test-key' })
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(randomBytes(32));
    await expectUnauthorized(hs256);
    const part = (value: object) => base64url.encode(JSON.stringify(value));
    const iat = now();
    await expectUnauthorized(`${part({ alg: 'none' })}.${part({ ...claims, iat, exp: iat + 600 })}.`);
  });

  it('refuses a token without sub or without roles', async () => {
    await expectUnauthorized(await harness.tokens.signPayload({ roles: ['agent'] }));
    await expectUnauthorized(await harness.tokens.signPayload({ sub: 'u1' }));
  });

  it('refuses a partner_id that is not a UUID with 401, not 500', async () => {
    await expectUnauthorized(
      await harness.tokens.signPayload({
        sub: 'dms',
        roles: ['dealer'],
        partner_id: 'D-001',
        partner_kind: 'dealer',
      }),
    );
  });

  it('gives a partner role without a partner id no access at all, rather than a staff view', async () => {
    const response = await list(await harness.tokens.sign({ roles: ['dealer'] }));
    expect(response.status).toBe(403);
    expect(JSON.stringify(response.body)).not.toContain('郑十一');
  });

  it('still lets a bound dealer list (its own, here none)', async () => {
    const token = await harness.tokens.sign({
      roles: ['dealer'],
      partnerId: DEALER_ID,
      partnerKind: 'dealer',
    });
    const response = await list(token).expect(200);
    expect(response.body.items).toEqual([]);
  });
});
