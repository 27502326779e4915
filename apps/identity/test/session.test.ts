import request from 'supertest';
import { CSRF_HEADER, SESSION_COOKIE } from '@crm/auth';
import { Roles } from '@crm/contracts';
import { UsersService } from '../src/users/users.service';
import { IdentityTestApp, startIdentityApp } from './identity-test-app';

describe('the console session cookie', () => {
  let identity: IdentityTestApp;
  let adminId: string;

  beforeAll(async () => {
    identity = await startIdentityApp();
    adminId = (
      await identity.app.get(UsersService).ensureUser({
        username: 'ops.admin',
        password: 'admin-pass-1',
        displayName: '周敏',
        roles: [Roles.admin],
      })
    ).id;
  });

  afterAll(() => identity.close());

  const http = () => request(identity.url);
  const signIn = async () => {
    const response = await http()
      .post('/auth/session')
      .set(CSRF_HEADER, '1')
      .send({ username: 'ops.admin', password: 'admin-pass-1' })
      .expect(200);
    const cookie = [response.headers['set-cookie']].flat()[0] as string;
    return { response, cookie, pair: cookie.split(';')[0] };
  };

  it('signs in with a password into an http-only, SameSite=Strict cookie, not a token in the body', async () => {
    const { response, cookie } = await signIn();
    expect(response.body).toEqual({
      principal: { subject: adminId, name: '周敏', roles: ['admin'] },
      expires_in: 900,
    });
    expect(JSON.stringify(response.body)).not.toMatch(/eyJ/);
    expect(cookie).toMatch(
      new RegExp(`^${SESSION_COOKIE}=eyJ[^;]+; Path=/; Max-Age=900; HttpOnly; SameSite=Strict$`),
    );
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('refuses a sign-in without the CSRF header with 403, and a wrong password with 401', async () => {
    await http().post('/auth/session').send({ username: 'ops.admin', password: 'admin-pass-1' }).expect(403);
    await http()
      .post('/auth/session')
      .set(CSRF_HEADER, '1')
      .send({ username: 'ops.admin', password: 'wrong-pass' })
      .expect(401);
  });

  it('names the missing field with 400', async () => {
    const response = await http().post('/auth/session').set(CSRF_HEADER, '1').send({ username: 'ops.admin' });
    expect(response.status).toBe(400);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toContain('password');
  });

  it('authenticates reads by the cookie alone', async () => {
    const { pair } = await signIn();
    const response = await http().get('/auth/me').set('Cookie', pair).expect(200);
    expect(response.body).toEqual({ subject: adminId, name: '周敏', roles: ['admin'] });
    await http().get('/auth/me').expect(401);
    await http().get('/auth/me').set('Cookie', `${SESSION_COOKIE}=not-a-token`).expect(401);
  });

  it('refuses an unsafe request authenticated by the cookie without the CSRF header with 403', async () => {
    const { pair } = await signIn();
    const clear = () => http().post('/auth/login-locks/clear').set('Cookie', pair);
    const refused = await clear().send({ kind: 'user', account: 'someone' });
    expect(refused.status).toBe(403);
    expect(refused.body.detail).toContain(CSRF_HEADER);
    await clear().set(CSRF_HEADER, '1').send({ kind: 'user', account: 'someone' }).expect(204);
  });

  it('keeps bearer tokens working, and a bad Authorization header is not rescued by a good cookie', async () => {
    const { pair } = await signIn();
    const token = await http()
      .post('/auth/token')
      .send({ grant_type: 'password', username: 'ops.admin', password: 'admin-pass-1' })
      .expect(200);
    const bearer = `Bearer ${token.body.access_token}`;
    await http().get('/auth/me').set('Authorization', bearer).expect(200);
    await http()
      .post('/auth/login-locks/clear')
      .set('Authorization', bearer)
      .send({ kind: 'user', account: 'someone' })
      .expect(204);
    await http().get('/auth/me').set('Authorization', 'Bearer nonsense').set('Cookie', pair).expect(401);
  });

  it('signs out by clearing the cookie', async () => {
    const response = await http().delete('/auth/session').set(CSRF_HEADER, '1').expect(204);
    expect([response.headers['set-cookie']].flat()[0]).toBe(
      `${SESSION_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict`,
    );
    await http().delete('/auth/session').expect(403);
  });
});
