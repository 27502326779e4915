import request from 'supertest';
import { decodeJwt } from 'jose';
import { Roles } from '@crm/contracts';
import { IdentityAuditLog } from '../src/audit/identity-audit-log';
import { PartnerClientsService } from '../src/partner-clients/partner-clients.service';
import { UsersService } from '../src/users/users.service';
import { IdentityTestApp, startIdentityApp } from './identity-test-app';

const ADMIN_PASSWORD = 'bootstrap-admin-1';
const STATION_ID = '5c4a1e0e-2b7d-4f55-8f0e-7d3c9b2a6e21';

describe('disabling accounts and rotating their secrets', () => {
  let identity: IdentityTestApp;
  let adminToken: string;
  let adminId: string;
  let agentToken: string;
  let agentId: string;

  const api = () => request(identity.url);
  const passwordGrant = (username: string, password: string) =>
    api().post('/auth/token').send({ grant_type: 'password', username, password });
  const clientGrant = (clientId: string, secret: string) =>
    api()
      .post('/auth/token')
      .send({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret });
  const asAdmin = (call: request.Test) => call.auth(adminToken, { type: 'bearer' });

  beforeAll(async () => {
    identity = await startIdentityApp({ IDENTITY_BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD });
    adminToken = (await passwordGrant('admin', ADMIN_PASSWORD).expect(200)).body.access_token;
    adminId = decodeJwt(adminToken).sub!;
    agentId = (
      await identity.app.get(UsersService).ensureUser({
        username: 'agent.he',
        password: 'agent-pass-1',
        displayName: 'He',
        roles: [Roles.agent],
      })
    ).id;
    agentToken = (await passwordGrant('agent.he', 'agent-pass-1').expect(200)).body.access_token;
    await identity.app.get(PartnerClientsService).ensureClient({
      clientId: 'station-rotate',
      secret: 'station-secret-1',
      partnerId: STATION_ID,
      partnerKind: 'repair_station',
      name: 'Rotating station DMS',
    });
  });
  afterAll(() => identity.close());

  it('bounds every token by the configured lifetime, the window a disabled account keeps', () => {
    const { iat, exp } = decodeJwt(agentToken);
    expect(exp! - iat!).toBe(900);
  });

  it('refuses a disabled user a new token, audits who did it, and lets them in again once enabled', async () => {
    const disabled = await asAdmin(api().post(`/users/${agentId}/disable`)).expect(200);
    expect(disabled.body).toMatchObject({ id: agentId, active: false });
    await passwordGrant('agent.he', 'agent-pass-1').expect(401);
    await asAdmin(api().post(`/users/${agentId}/enable`)).expect(200);
    await passwordGrant('agent.he', 'agent-pass-1').expect(200);
    const trail = await identity.app.get(IdentityAuditLog).forEntity(agentId);
    expect(trail.map((entry) => [entry.action, entry.actorId])).toEqual([
      ['user.disabled', adminId],
      ['user.enabled', adminId],
    ]);
  });

  it('replaces a user’s password: the old one stops working at once', async () => {
    await asAdmin(api().put(`/users/${agentId}/password`))
      .send({ password: 'agent-pass-2' })
      .expect(204);
    await passwordGrant('agent.he', 'agent-pass-1').expect(401);
    await passwordGrant('agent.he', 'agent-pass-2').expect(200);
  });

  it('refuses a disabled partner client a new token', async () => {
    await asAdmin(api().post('/partner-clients/station-rotate/disable')).expect(200);
    await clientGrant('station-rotate', 'station-secret-1').expect(401);
    await asAdmin(api().post('/partner-clients/station-rotate/enable')).expect(200);
    await clientGrant('station-rotate', 'station-secret-1').expect(200);
  });

  it('rotates a partner client’s secret, answering the new one once', async () => {
    const rotated = await asAdmin(api().post('/partner-clients/station-rotate/secret')).expect(200);
    expect(rotated.body).toEqual({ clientId: 'station-rotate', clientSecret: expect.any(String) });
    await clientGrant('station-rotate', 'station-secret-1').expect(401);
    await clientGrant('station-rotate', rotated.body.clientSecret).expect(200);
    const trail = await identity.app.get(IdentityAuditLog).forEntity('station-rotate');
    expect(trail.map((entry) => entry.action)).toContain('partner-client.secret-rotated');
  });

  it('refuses to disable the last active administrator', async () => {
    const response = await asAdmin(api().post(`/users/${adminId}/disable`)).expect(409);
    expect(response.body.detail).toContain('last active administrator');
    await passwordGrant('admin', ADMIN_PASSWORD).expect(200);
  });

  it('answers an unknown account with 404', async () => {
    await asAdmin(api().post('/users/5c4a1e0e-2b7d-4f55-8f0e-7d3c9b2a6eff/disable')).expect(404);
    await asAdmin(api().post('/partner-clients/nobody/secret')).expect(404);
  });

  it('leaves all of it to administrators', async () => {
    const other = await passwordGrant('agent.he', 'agent-pass-2').expect(200);
    const token = other.body.access_token as string;
    await api().post(`/users/${agentId}/disable`).auth(token, { type: 'bearer' }).expect(403);
    await api()
      .put(`/users/${agentId}/password`)
      .auth(token, { type: 'bearer' })
      .send({ password: 'x'.repeat(9) })
      .expect(403);
    await api().post('/partner-clients/station-rotate/secret').auth(token, { type: 'bearer' }).expect(403);
  });
});
