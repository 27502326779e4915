import request from 'supertest';
import { decodeJwt } from 'jose';
import { Roles } from '@crm/contracts';
import { IdentityAuditLog } from '../src/audit/identity-audit-log';
import { PartnerClientsService } from '../src/partner-clients/partner-clients.service';
import { UsersService } from '../src/users/users.service';
import { IdentityTestApp, startIdentityApp } from './identity-test-app';

const ADMIN_PASSWORD = 'bootstrap-admin-1';
const DEALER_ID = '6d5b2f1f-3c8e-4a66-9f1f-8e4d0c3b7f32';

/** System clients (ADR 0054): API clients of back-office systems, bound to no partner, holding one system role. */
describe('system clients', () => {
  let identity: IdentityTestApp;
  let adminToken: string;
  let agentToken: string;

  const api = () => request(identity.url);
  const clientGrant = (clientId: string, secret: string) =>
    api()
      .post('/auth/token')
      .send({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret });
  const asAdmin = (call: request.Test) => call.auth(adminToken, { type: 'bearer' });

  beforeAll(async () => {
    identity = await startIdentityApp({ IDENTITY_BOOTSTRAP_ADMIN_PASSWORD: ADMIN_PASSWORD });
    const grant = (username: string, password: string) =>
      api().post('/auth/token').send({ grant_type: 'password', username, password }).expect(200);
    adminToken = (await grant('admin', ADMIN_PASSWORD)).body.access_token;
    await identity.app.get(UsersService).ensureUser({
      username: 'agent.sc',
      password: 'agent-pass-1',
      displayName: 'Agent',
      roles: [Roles.agent],
    });
    agentToken = (await grant('agent.sc', 'agent-pass-1')).body.access_token;
    await identity.app.get(PartnerClientsService).ensureClient({
      clientId: 'dealer-dms',
      secret: 'dealer-secret-1',
      partnerId: DEALER_ID,
      partnerKind: 'dealer',
      name: 'Dealer DMS',
    });
  });
  afterAll(() => identity.close());

  it('creates a billing client whose secret is shown once and whose tokens carry the role and no partner', async () => {
    const created = await asAdmin(api().post('/system-clients'))
      .send({ clientId: 'billing-prod', name: 'Billing', role: 'billing' })
      .expect(201);
    expect(created.body).toMatchObject({ clientId: 'billing-prod', roles: ['billing'], active: true });
    expect(created.body.clientSecret).toEqual(expect.any(String));
    const listed = await asAdmin(api().get('/system-clients')).expect(200);
    expect(listed.body.items).toEqual([expect.objectContaining({ clientId: 'billing-prod' })]);
    expect(JSON.stringify(listed.body)).not.toContain(created.body.clientSecret);

    const token = (await clientGrant('billing-prod', created.body.clientSecret).expect(200)).body
      .access_token;
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({ sub: 'billing-prod', roles: ['billing'] });
    expect(claims).not.toHaveProperty('partner_id');
    expect(claims).not.toHaveProperty('partner_kind');
    const me = await api().get('/auth/me').auth(token, { type: 'bearer' }).expect(200);
    expect(me.body).toEqual({ subject: 'billing-prod', name: 'Billing', roles: ['billing'] });
  });

  it('keeps partner and system clients apart: neither list nor route reaches the other kind', async () => {
    const partners = await asAdmin(api().get('/partner-clients')).expect(200);
    expect(partners.body.items.map((c: { clientId: string }) => c.clientId)).toEqual(['dealer-dms']);
    await asAdmin(api().post('/partner-clients/billing-prod/disable')).expect(404);
    await asAdmin(api().post('/system-clients/dealer-dms/secret')).expect(404);
    const taken = await asAdmin(api().post('/system-clients'))
      .send({ clientId: 'dealer-dms', name: 'x', role: 'erp' })
      .expect(409);
    expect(taken.body).toMatchObject({ field: 'clientId' });
  });

  it('refuses a disabled system client a token, and an old secret once rotated', async () => {
    const { clientSecret } = (
      await asAdmin(api().post('/system-clients'))
        .send({ clientId: 'erp-1', name: 'ERP', role: 'erp' })
        .expect(201)
    ).body;
    await asAdmin(api().post('/system-clients/erp-1/disable')).expect(200);
    await clientGrant('erp-1', clientSecret).expect(401);
    await asAdmin(api().post('/system-clients/erp-1/enable')).expect(200);
    await clientGrant('erp-1', clientSecret).expect(200);
    const rotated = await asAdmin(api().post('/system-clients/erp-1/secret')).expect(200);
    await clientGrant('erp-1', clientSecret).expect(401);
    await clientGrant('erp-1', rotated.body.clientSecret).expect(200);
    const trail = await identity.app.get(IdentityAuditLog).forEntity('erp-1');
    expect(trail.map((entry) => [entry.action, entry.entityType])).toEqual([
      ['system-client.disabled', 'system-client'],
      ['system-client.enabled', 'system-client'],
      ['system-client.secret-rotated', 'system-client'],
    ]);
  });

  it('takes only a system role (400 naming role) and only from administrators (403)', async () => {
    for (const role of ['admin', 'dealer', 'agent', undefined]) {
      const refused = await asAdmin(api().post('/system-clients')).send({ name: 'x', role }).expect(400);
      expect(JSON.stringify(refused.body.errors)).toContain('role');
    }
    await api().get('/system-clients').auth(agentToken, { type: 'bearer' }).expect(403);
    await api()
      .post('/system-clients')
      .auth(agentToken, { type: 'bearer' })
      .send({ name: 'x', role: 'billing' })
      .expect(403);
    await api().get('/system-clients').expect(401);
  });
});
