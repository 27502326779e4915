import { CustomerRegistered, Roles } from '@crm/contracts';
import { eventually } from '@crm/testing';
import { CampaignsHarness } from './campaigns.harness';
import { customerState, livingIn } from './customer-fixture';

interface AuditRow {
  actor_id: string;
  roles: string[];
  action: string;
  entity_id: string;
  result_ids: string[];
  correlation_id: string | null;
  at: Date;
}

/** A segment preview lists customers by name: each one is recorded in the read audit (ADR 0013). */
describe('campaigns segment preview read audit', () => {
  let harness: CampaignsHarness;
  let marketer: string;
  const suzhou = [
    customerState({ name: 'A 陆小凤', address: livingIn('江苏省', '苏州市') }),
    customerState({ name: 'B 花满楼', address: livingIn('江苏省', '苏州市') }),
    customerState({ name: 'C 西门吹雪', address: livingIn('江苏省', '苏州市') }),
  ];
  const elsewhere = customerState({ name: 'D 司空摘星', address: livingIn('北京市', '北京市') });

  beforeAll(async () => {
    harness = await CampaignsHarness.start();
    marketer = await harness.auth({ sub: 'u-marketer-audit', roles: [Roles.marketer] });
    for (const customer of [...suzhou, elsewhere])
      await harness.publish(CustomerRegistered, customer.customerId, customer);
    await eventually(async () =>
      expect(await harness.query(`SELECT id FROM campaigns.customer`)).toHaveLength(4),
    );
  });
  afterAll(async () => {
    await harness?.stop();
  });

  const audit = () =>
    harness.query<AuditRow>(
      `SELECT actor_id, roles, action, entity_id, result_ids, correlation_id, at FROM campaigns.read_audit ORDER BY id`,
    );

  it('records who previewed which segment, when, and the customers the page showed', async () => {
    const { body: segment } = await harness
      .http()
      .post('/segments')
      .set('authorization', marketer)
      .send({ name: 'Suzhou', rule: { field: 'city', in: ['苏州市'] } })
      .expect(201);
    const before = new Date();
    const preview = await harness
      .http()
      .get(`/segments/${segment.id}/preview?limit=2&offset=1`)
      .set('authorization', marketer)
      .set('x-correlation-id', 'preview-audit-1')
      .expect(200);

    const shown = preview.body.items.map((item: { customerId: string }) => item.customerId);
    expect(shown).toEqual([suzhou[1].customerId, suzhou[2].customerId]);
    const rows = await audit();
    expect(rows).toEqual([
      {
        actor_id: 'u-marketer-audit',
        roles: [Roles.marketer],
        action: 'segment.preview',
        entity_id: segment.id,
        result_ids: shown,
        correlation_id: 'preview-audit-1',
        at: expect.any(Date),
      },
    ]);
    expect(rows[0].at.getTime()).toBeGreaterThanOrEqual(before.getTime() - 1_000);
  });

  it('records nothing for reads that show no one: a count, or a preview refused or not found', async () => {
    const before = (await audit()).length;
    const { body: segment } = await harness
      .http()
      .post('/segments')
      .set('authorization', marketer)
      .send({ name: 'Beijing', rule: { field: 'city', in: ['北京市'] } })
      .expect(201);
    await harness.http().get(`/segments/${segment.id}/count`).set('authorization', marketer).expect(200);
    const agent = await harness.auth({ sub: 'u-agent', roles: [Roles.agent] });
    await harness.http().get(`/segments/${segment.id}/preview`).set('authorization', agent).expect(403);
    await harness
      .http()
      .get('/segments/00000000-0000-4000-8000-000000000000/preview')
      .set('authorization', marketer)
      .expect(404);
    expect(await audit()).toHaveLength(before);
  });

  it('puts the previews that showed a person in their export part', async () => {
    const officer = await harness.auth({ sub: 'u-officer', roles: [Roles.privacyOfficer] });
    const { body } = await harness
      .http()
      .get(`/privacy/campaigns/customers/${suzhou[1].customerId}/export`)
      .set('authorization', officer)
      .expect(200);
    expect(body.tables.read_audit).toEqual([
      expect.objectContaining({ action: 'segment.preview', actor_id: 'u-marketer-audit' }),
    ]);
    const { body: unseen } = await harness
      .http()
      .get(`/privacy/campaigns/customers/${elsewhere.customerId}/export`)
      .set('authorization', officer)
      .expect(200);
    expect(unseen.tables.read_audit).toEqual([]);
  });
});
