import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeProtectedHeader } from 'jose';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { TokenVerifier } from '@crm/auth';
import { Roles } from '@crm/contracts';
import { FixedClock } from '@crm/core';
import { TEST_ISSUER } from '@crm/testing';
import { KEY_ENCRYPTION_KEY_FILE } from '../src/signing-keys/key-encryption-key';
import { KEY_PUBLISH_AHEAD_SECONDS } from '../src/signing-keys/signing-keys.service';
import { UsersService } from '../src/users/users.service';
import { IdentityTestApp, startIdentityApp } from './identity-test-app';

const ADMIN_PASSWORD = 'bootstrap-admin-1';

describe('signing keys', () => {
  let identity: IdentityTestApp;
  let adminToken: string;
  // Behind real time, so tokens issued after advancing it past the publish-ahead period are not from the future.
  const clock = new FixedClock(new Date(Date.now() - 2 * KEY_PUBLISH_AHEAD_SECONDS * 1000));

  const api = () => request(identity.url);
  const passwordToken = async (username: string, password: string) =>
    (await api().post('/auth/token').send({ grant_type: 'password', username, password }).expect(200)).body
      .access_token as string;
  const storedKeys = () =>
    identity.app
      .get(DataSource)
      .query(
        `SELECT kid, private_jwk::text AS private_jwk, retired_at FROM identity.signing_key ORDER BY created_at`,
      );

  beforeAll(async () => {
    identity = await startIdentityApp(
      { IDENTITY_BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD },
      undefined,
      clock,
    );
    adminToken = await passwordToken('admin', ADMIN_PASSWORD);
  });
  afterAll(() => identity.close());

  it('keeps the private key encrypted in the database', async () => {
    const [row] = await storedKeys();
    expect(JSON.parse(row.private_jwk)).toMatchObject({ enc: 'A256GCM' });
    expect(row.private_jwk).not.toMatch(/"(d|p|q|dp|dq|qi)"/);
  });

  it('leaves rotation to administrators', async () => {
    await identity.app.get(UsersService).ensureUser({
      username: 'agent.keys',
      password: 'agent-pass-1',
      displayName: 'Keys',
      roles: [Roles.agent],
    });
    const agent = await passwordToken('agent.keys', 'agent-pass-1');
    await api().post('/auth/signing-keys/rotate').auth(agent, { type: 'bearer' }).expect(403);
  });

  it('rotates on an admin’s request: new tokens use the new key, earlier tokens stay valid', async () => {
    const verifier = new TokenVerifier({ issuer: TEST_ISSUER, jwksUrl: identity.jwksUrl });
    const before = await passwordToken('admin', ADMIN_PASSWORD);
    const oldKid = decodeProtectedHeader(before).kid;
    const rotated = await api()
      .post('/auth/signing-keys/rotate')
      .auth(adminToken, { type: 'bearer' })
      .expect(200);
    expect(rotated.body.kid).not.toBe(oldKid);
    const jwks = await api().get('/auth/jwks').expect(200);
    expect(jwks.body.keys.map((key: { kid: string }) => key.kid)).toEqual([rotated.body.kid, oldKid]);
    // Published first, so verifiers holding a JWKS fetched a moment ago learn it before its first token.
    const meanwhile = await passwordToken('admin', ADMIN_PASSWORD);
    expect(decodeProtectedHeader(meanwhile).kid).toBe(oldKid);
    clock.advance(KEY_PUBLISH_AHEAD_SECONDS * 1000);
    const after = await passwordToken('admin', ADMIN_PASSWORD);
    expect(decodeProtectedHeader(after).kid).toBe(rotated.body.kid);
    await expect(verifier.verify(before)).resolves.toMatchObject({ subject: expect.any(String) });
    await expect(verifier.verify(after)).resolves.toMatchObject({ subject: expect.any(String) });
    const rows = await storedKeys();
    expect(rows.map((row: { retired_at: Date | null }) => row.retired_at === null)).toEqual([false, true]);
  });
});

describe('the key-encryption key of the embedded default', () => {
  it('is generated once in the data folder, readable by its owner only', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'identity-kek-'));
    const identity = await startIdentityApp({ IDENTITY_KEY_ENCRYPTION_KEY: undefined, DATA_DIR: dataDir });
    try {
      await request(identity.url).get('/auth/jwks').expect(200);
      expect(statSync(join(dataDir, KEY_ENCRYPTION_KEY_FILE)).mode & 0o777).toBe(0o600);
    } finally {
      await identity.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
