import { randomUUID } from 'node:crypto';
import { CustomerErased, CustomerRegistered, EventEnvelope, Roles } from '@crm/contracts';
import { eventually } from '@crm/testing';
import { CampaignsHarness } from './campaigns.harness';
import { customerState } from './customer-fixture';

const wang = customerState({ name: 'A 王芳', phones: ['+8613800138000'], emails: ['wang.fang@example.com'] });
const li = customerState({ name: 'B 李雷', phones: ['+8613800138001'] });
const zhang = customerState({ name: 'C 张伟', emails: ['zhang.wei@example.com'] });
/** Two records sharing a family phone: a list naming that phone cannot say which one it means. */
const zhao = customerState({ name: 'D 赵敏', phones: ['+8613900139000'] });
const zhaoHusband = customerState({ name: 'E 赵强', phones: ['+8613900139000'] });

const FILE = [
  'customer_id,phone,email',
  `${wang.customerId},,`, // line 2: by id
  ',138 0013 8001,', // line 3: by phone, in a national format
  ',, Zhang.Wei@Example.com ', // line 4: by email, in another case
  'not-a-uuid,,', // line 5
  `${randomUUID()},,`, // line 6: no such customer
  ',12345,', // line 7
  ',,wang.fang@example.com', // line 8: 王芳 again, by email
  ',,', // line 9: names no one
  ',+86 139 0013 9000,', // line 10: two customers have it
  ',,nobody@example.com', // line 11
  ',,not an email', // line 12
].join('\n');

describe('campaigns static segments from a CSV file', () => {
  let harness: CampaignsHarness;
  let marketer: string;

  beforeAll(async () => {
    harness = await CampaignsHarness.start();
    marketer = await harness.auth({ sub: 'u-marketer', roles: [Roles.marketer] });
    for (const customer of [wang, li, zhang, zhao, zhaoHusband])
      await harness.publish(CustomerRegistered, customer.customerId, customer);
    await eventually(async () =>
      expect(await harness.query(`SELECT id FROM campaigns.customer`)).toHaveLength(5),
    );
  });

  afterAll(async () => {
    await harness?.stop();
  });

  const upload = (csv: string, name = 'Test-drive invitees', contentType = 'text/csv') =>
    harness
      .http()
      .post(`/segments/static?name=${encodeURIComponent(name)}`)
      .set('authorization', marketer)
      .set('content-type', contentType)
      .send(csv);
  const count = async (segmentId: string) =>
    (await harness.http().get(`/segments/${segmentId}/count`).set('authorization', marketer).expect(200)).body
      .count;

  it('holds the customers matched by id, phone or email, and reports every other row with its line and reason', async () => {
    const { body } = await upload(FILE).expect(201);
    expect(body.segment).toMatchObject({
      name: 'Test-drive invitees',
      kind: 'static',
      rule: null,
      version: 1,
    });
    expect(body).toMatchObject({ totalRows: 11, imported: 3 });
    expect(body.rejected.map((row: { row: number; reason: string }) => [row.row, row.reason])).toEqual([
      [5, 'bad-format'],
      [6, 'unknown-customer'],
      [7, 'bad-format'],
      [8, 'duplicate'],
      [9, 'bad-format'],
      [10, 'ambiguous'],
      [11, 'unknown-customer'],
      [12, 'bad-format'],
    ]);
    expect(body.rejected[3].message).toBe('the same customer as row 2');

    expect(await count(body.segment.id)).toBe(3);
    const preview = await harness
      .http()
      .get(`/segments/${body.segment.id}/preview`)
      .set('authorization', marketer)
      .expect(200);
    expect(preview.body.items.map((member: { name: string }) => member.name)).toEqual([
      'A 王芳',
      'B 李雷',
      'C 张伟',
    ]);
  });

  it('lets an erased person leave the list, and exports their memberships before', async () => {
    const { body } = await upload(`phone\n+8613800138000\n13800138001`, 'Two people').expect(201);
    expect(await count(body.segment.id)).toBe(2);
    const officer = await harness.auth({ sub: 'u-dpo', roles: [Roles.privacyOfficer] });
    const exported = await harness
      .http()
      .get(`/privacy/campaigns/customers/${li.customerId}/export`)
      .set('authorization', officer)
      .expect(200);
    expect(exported.body.tables.segment_member).toEqual(
      expect.arrayContaining([{ segment_id: body.segment.id, segment_name: 'Two people' }]),
    );

    const erased: EventEnvelope = await harness.publish(CustomerErased, li.customerId, {
      customerId: li.customerId,
      erasedAt: new Date().toISOString(),
    });
    await eventually(async () =>
      expect(
        await harness.query(
          `SELECT 1 FROM campaigns.processed_event WHERE event_id = $1 AND consumer = 'static-list-members'`,
          [erased.id],
        ),
      ).toHaveLength(1),
    );
    expect(
      await harness.query(`SELECT 1 FROM campaigns.segment_member WHERE customer_id = $1`, [li.customerId]),
    ).toEqual([]);
    expect(await count(body.segment.id)).toBe(1);
  });

  it('refuses a file without a column naming customers with 400 on the header, and leaves nothing behind', async () => {
    const before = await harness.query(`SELECT id FROM campaigns.segment`);
    const response = await upload('name,city\n王芳,上海', 'No keys').expect(400);
    expect(response.body.errors).toEqual([expect.objectContaining({ field: 'header' })]);
    await upload('', 'Empty').expect(400);
    expect(await harness.query(`SELECT id FROM campaigns.segment`)).toEqual(before);
  });

  it('refuses a body that is not CSV with 415, and a missing name with 400', async () => {
    await upload('{"phone": "13800138000"}', 'JSON', 'application/json').expect(415);
    const response = await harness
      .http()
      .post('/segments/static')
      .set('authorization', marketer)
      .set('content-type', 'text/csv')
      .send('phone\n13800138000')
      .expect(400);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toContain('name');
  });

  it('keeps static lists to the segment roles', async () => {
    const agent = await harness.auth({ sub: 'u-agent', roles: [Roles.agent] });
    await harness
      .http()
      .post('/segments/static?name=x')
      .set('authorization', agent)
      .set('content-type', 'text/csv')
      .send('phone\n13800138000')
      .expect(403);
  });
});
