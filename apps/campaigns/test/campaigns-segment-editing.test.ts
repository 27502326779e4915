import { CustomerRegistered, Roles } from '@crm/contracts';
import { eventually } from '@crm/testing';
import { CampaignsHarness } from './campaigns.harness';
import { customerState, livingIn } from './customer-fixture';

/** Seven customers in 上海, two in 北京. */
const shanghai = Array.from({ length: 7 }, (_, i) =>
  customerState({
    name: `沪 ${i}`,
    address: livingIn('上海市', '上海市'),
    phones: [`+86138001380${10 + i}`],
  }),
);
const beijing = Array.from({ length: 2 }, (_, i) =>
  customerState({ name: `京 ${i}`, address: livingIn('北京市', '北京市') }),
);

describe('campaigns segment editing, archiving and members', () => {
  let harness: CampaignsHarness;
  let marketer: string;

  beforeAll(async () => {
    harness = await CampaignsHarness.start();
    marketer = await harness.auth({ sub: 'u-marketer', roles: [Roles.marketer] });
    for (const customer of [...shanghai, ...beijing])
      await harness.publish(CustomerRegistered, customer.customerId, customer);
    await eventually(async () =>
      expect(await harness.query(`SELECT id FROM campaigns.customer`)).toHaveLength(9),
    );
  });

  afterAll(async () => {
    await harness?.stop();
  });

  const create = async (rule: unknown = { field: 'city', in: ['上海市'] }) =>
    (
      await harness
        .http()
        .post('/segments')
        .set('authorization', marketer)
        .send({ name: 'Shanghai', rule })
        .expect(201)
    ).body;
  const edit = (id: string, body: object) =>
    harness.http().patch(`/segments/${id}`).set('authorization', marketer).send(body);
  const count = async (id: string) =>
    (await harness.http().get(`/segments/${id}/count`).set('authorization', marketer).expect(200)).body.count;

  it('renames and re-rules from the version read, raising the version; the count follows the new rule', async () => {
    const segment = await create();
    expect(await count(segment.id)).toBe(7);
    const { body: renamed } = await edit(segment.id, { version: 1, name: 'Beijing' }).expect(200);
    expect(renamed).toMatchObject({ name: 'Beijing', rule: segment.rule, version: 2 });
    expect(renamed.updatedAt).not.toBeNull();
    const rule = { field: 'city', in: ['北京市'] };
    const { body: reruled } = await edit(segment.id, { version: 2, rule }).expect(200);
    expect(reruled).toMatchObject({ name: 'Beijing', rule, version: 3 });
    expect(await count(segment.id)).toBe(2);
  });

  it('answers 409 with the current version to an edit from a stale version, and changes nothing', async () => {
    const segment = await create();
    await edit(segment.id, { version: 1, name: 'First editor' }).expect(200);
    const stale = await edit(segment.id, { version: 1, name: 'Second editor' }).expect(409);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    expect(stale.body.currentVersion).toBe(2);
    const { body } = await harness
      .http()
      .get(`/segments/${segment.id}`)
      .set('authorization', marketer)
      .expect(200);
    expect(body).toMatchObject({ name: 'First editor', version: 2 });
  });

  it.each([
    [
      'a bad rule, naming its path',
      { version: 1, rule: { any: [{ field: 'city', in: [] }] } },
      'rule.any[0].in',
    ],
    ['no version', { name: 'x' }, 'version'],
    ['an empty name', { version: 1, name: '' }, 'name'],
  ])('answers 400 to %s', async (_title, body, field) => {
    const segment = await create();
    const response = await edit(segment.id, body).expect(400);
    expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
  });

  it('gives a static segment no rule', async () => {
    const { body } = await harness
      .http()
      .post('/segments/static?name=List')
      .set('authorization', marketer)
      .set('content-type', 'text/csv')
      .send(`customer_id\n${shanghai[0].customerId}`)
      .expect(201);
    const response = await edit(body.segment.id, { version: 1, rule: { field: 'tag', has: 'vip' } }).expect(
      400,
    );
    expect(response.body.errors.map((error: { field: string }) => error.field)).toEqual(['rule']);
    await edit(body.segment.id, { version: 1, name: 'Renamed list' }).expect(200);
  });

  it('archives: the segment leaves the list, stays readable and countable, and can no longer change', async () => {
    const segment = await create();
    await harness.http().delete(`/segments/${segment.id}`).set('authorization', marketer).expect(204);
    await harness.http().delete(`/segments/${segment.id}`).set('authorization', marketer).expect(204);
    const list = await harness.http().get('/segments?limit=100').set('authorization', marketer).expect(200);
    expect(list.body.items.map((item: { id: string }) => item.id)).not.toContain(segment.id);
    const { body } = await harness
      .http()
      .get(`/segments/${segment.id}`)
      .set('authorization', marketer)
      .expect(200);
    expect(body.archivedAt).not.toBeNull();
    expect(await count(segment.id)).toBe(7);
    await edit(segment.id, { version: body.version, name: 'Too late' }).expect(409);
  });

  it('answers 404 to editing or archiving an unknown segment, 403 to other staff', async () => {
    const unknown = '00000000-0000-4000-8000-000000000000';
    await edit(unknown, { version: 1, name: 'x' }).expect(404);
    await harness.http().delete(`/segments/${unknown}`).set('authorization', marketer).expect(404);
    const agent = await harness.auth({ sub: 'u-agent', roles: [Roles.agent] });
    await harness.http().delete(`/segments/${unknown}`).set('authorization', agent).expect(403);
  });
});
