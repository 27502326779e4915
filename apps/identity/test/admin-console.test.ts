import request from 'supertest';
import { IdentityTestApp, startIdentityApp } from './identity-test-app';

const ADMIN_PASSWORD = 'bootstrap-admin-2';
const STATION_ID = '7d1e3b52-9a51-4d57-9c1d-2f0a6f3b8e21';

/** The admin console's user search, role changes and audit log (ADR 0041). */
describe('identity admin console routes', () => {
  let identity: IdentityTestApp;
  let admin: string;
  let adminId: string;
  const api = () => request(identity.url);
  const token = async (username: string, password: string) =>
    (await api().post('/auth/token').send({ grant_type: 'password', username, password }).expect(200)).body
      .access_token as string;
  const createUser = async (username: string, displayName: string, roles: string[], partner = {}) =>
    (
      await api()
        .post('/users')
        .auth(admin, { type: 'bearer' })
        .send({ username, password: 'console-pass-1', displayName, roles, ...partner })
        .expect(201)
    ).body as { id: string };

  beforeAll(async () => {
    identity = await startIdentityApp({ IDENTITY_BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD });
    admin = await token('admin', ADMIN_PASSWORD);
    adminId = (await api().get('/auth/me').auth(admin, { type: 'bearer' }).expect(200)).body.subject;
  });
  afterAll(() => identity.close());

  it('finds users by part of the username or display name, by role and by state', async () => {
    const zhang = await createUser('zhang.min', '张敏', ['agent']);
    await createUser('zhao.lei', '赵磊', ['service_manager']);
    await api().post(`/users/${zhang.id}/disable`).auth(admin, { type: 'bearer' }).expect(200);
    const names = async (query: string) =>
      (await api().get(`/users?${query}`).auth(admin, { type: 'bearer' }).expect(200)).body.items.map(
        (u: { username: string }) => u.username,
      );
    expect(await names(`search=${encodeURIComponent('张')}`)).toEqual(['zhang.min']);
    expect(await names('search=ZHAO')).toEqual(['zhao.lei']);
    expect(await names('role=service_manager')).toEqual(['zhao.lei']);
    expect(await names('active=false')).toEqual(['zhang.min']);
    const bad = await api().get('/users?role=king').auth(admin, { type: 'bearer' }).expect(400);
    expect(bad.body.errors[0].field).toBe('role');
  });

  it('changes roles, binding a partner role to its partner, and the next token carries them', async () => {
    const user = await createUser('qian.jun', '钱军', ['agent']);
    const changed = await api()
      .put(`/users/${user.id}/roles`)
      .auth(admin, { type: 'bearer' })
      .send({ roles: ['repair_station'], partnerId: STATION_ID, partnerKind: 'repair_station' })
      .expect(200);
    expect(changed.body).toMatchObject({
      roles: ['repair_station'],
      partnerId: STATION_ID,
      partnerKind: 'repair_station',
    });
    const me = await api()
      .get('/auth/me')
      .auth(await token('qian.jun', 'console-pass-1'), { type: 'bearer' })
      .expect(200);
    expect(me.body).toMatchObject({ roles: ['repair_station'], partnerId: STATION_ID });

    const unbound = await api()
      .put(`/users/${user.id}/roles`)
      .auth(admin, { type: 'bearer' })
      .send({ roles: ['dealer'] })
      .expect(400);
    expect(unbound.body.errors.map((e: { field: string }) => e.field)).toEqual(
      expect.arrayContaining(['partnerId', 'partnerKind']),
    );
    await api()
      .put('/users/00000000-0000-4000-8000-000000000000/roles')
      .auth(admin, { type: 'bearer' })
      .send({ roles: ['agent'] })
      .expect(404);
  });

  it('keeps the admin role on the last active administrator', async () => {
    const refused = await api()
      .put(`/users/${adminId}/roles`)
      .auth(admin, { type: 'bearer' })
      .send({ roles: ['agent'] })
      .expect(409);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('reads the audit log newest first, by actor, action, entity and time, with the actor’s name', async () => {
    const from = new Date(Date.now() - 60_000).toISOString();
    const user = await createUser('sun.li', '孙丽', ['analyst']);
    await api()
      .put(`/users/${user.id}/roles`)
      .auth(admin, { type: 'bearer' })
      .send({ roles: ['analyst', 'marketer'] })
      .expect(200);
    const log = await api()
      .get(`/audit-log?entityId=${user.id}&from=${encodeURIComponent(from)}`)
      .auth(admin, { type: 'bearer' })
      .expect(200);
    expect(log.body.items).toEqual([
      expect.objectContaining({
        action: 'user.roles-changed',
        entityType: 'user',
        entityId: user.id,
        actorId: adminId,
      }),
      expect.objectContaining({ action: 'user.created', entityId: user.id, actorKind: 'user' }),
    ]);
    expect(log.body.items[0].actorName).toEqual(expect.any(String));

    const byAction = await api()
      .get(`/audit-log?action=user.roles-changed&actorId=${adminId}&limit=1`)
      .auth(admin, { type: 'bearer' })
      .expect(200);
    expect(byAction.body).toMatchObject({ limit: 1, offset: 0, items: [{ entityId: user.id }] });
    const future = await api()
      .get(`/audit-log?from=${encodeURIComponent(new Date(Date.now() + 3_600_000).toISOString())}`)
      .auth(admin, { type: 'bearer' })
      .expect(200);
    expect(future.body.items).toEqual([]);
    const bad = await api().get('/audit-log?to=yesterday').auth(admin, { type: 'bearer' }).expect(400);
    expect(bad.body.errors[0].field).toBe('to');
  });

  it('refuses the admin routes to a partner token (403) and to an agent (403)', async () => {
    const station = await createUser('station.li', '李站长', ['repair_station'], {
      partnerId: STATION_ID,
      partnerKind: 'repair_station',
    });
    await createUser('agent.he', '何', ['agent']);
    for (const caller of [
      await token('station.li', 'console-pass-1'),
      await token('agent.he', 'console-pass-1'),
    ]) {
      await api().get('/audit-log').auth(caller, { type: 'bearer' }).expect(403);
      await api().get('/users?search=a').auth(caller, { type: 'bearer' }).expect(403);
      await api()
        .put(`/users/${station.id}/roles`)
        .auth(caller, { type: 'bearer' })
        .send({ roles: ['admin'] })
        .expect(403);
    }
  });
});
