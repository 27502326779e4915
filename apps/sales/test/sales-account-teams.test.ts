import { randomUUID } from 'node:crypto';
import { Roles } from '@crm/contracts';
import { SalesHarness } from './sales.harness';

/*
 * director
 * ├── east (manager) ── rep-e1, rep-e2
 * └── west (manager) ── rep-w1
 */
describe('account teams: roles and revenue splits', () => {
  let sales: SalesHarness;
  const as = (sub: string, role: string = Roles.salesManager) =>
    sales.auth({ sub, roles: [role as typeof Roles.salesManager] });

  const put = async (who: string, customerId: string, members: unknown, role?: string) =>
    sales
      .http()
      .put(`/accounts/${customerId}/team`)
      .set('authorization', await as(who, role))
      .send({ members });

  beforeAll(async () => {
    sales = await SalesHarness.start();
    await sales.tree([
      ['director', null],
      ['east', 'director'],
      ['west', 'director'],
      ['rep-e1', 'east'],
      ['rep-e2', 'east'],
      ['rep-w1', 'west'],
    ]);
  });

  afterAll(() => sales?.stop());

  it('keeps a team whose owner and co-sellers split 100, and shows it to its members and their managers', async () => {
    const account = randomUUID();
    const set = await put('east', account, [
      { userId: 'rep-e1', role: 'owner', splitPercent: 70 },
      { userId: 'rep-e2', role: 'co_seller', splitPercent: 30 },
      { userId: 'east', role: 'manager', splitPercent: 0 },
    ]);
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({
      customerId: account,
      members: [
        { userId: 'rep-e1', role: 'owner', splitPercent: 70 },
        { userId: 'rep-e2', role: 'co_seller', splitPercent: 30 },
        { userId: 'east', role: 'manager', splitPercent: 0 },
      ],
      updatedBy: 'east',
    });
    for (const [viewer, status] of [
      ['rep-e2', 200],
      ['director', 200],
      ['rep-w1', 404],
      ['west', 404],
    ] as const) {
      const res = await sales
        .http()
        .get(`/accounts/${account}/team`)
        .set(
          'authorization',
          await as(viewer, viewer.startsWith('rep') ? Roles.salesRep : Roles.salesManager),
        );
      expect({ viewer, status: res.status }).toEqual({ viewer, status });
    }
  });

  it.each([
    [
      'revenue splits totalling 90',
      [
        { userId: 'rep-e1', role: 'owner', splitPercent: 60 },
        { userId: 'rep-e2', role: 'co_seller', splitPercent: 30 },
      ],
      'members',
    ],
    [
      'a split for a technical advisor',
      [
        { userId: 'rep-e1', role: 'owner', splitPercent: 100 },
        { userId: 'rep-e2', role: 'technical_advisor', splitPercent: 10 },
      ],
      'members.1.splitPercent',
    ],
    ['no owner', [{ userId: 'rep-e1', role: 'co_seller', splitPercent: 100 }], 'members'],
    [
      'someone outside the branch',
      [{ userId: 'rep-w1', role: 'owner', splitPercent: 100 }],
      'members.0.userId',
    ],
    ['a split above 100', [{ userId: 'rep-e1', role: 'owner', splitPercent: 101 }], 'members.0.splitPercent'],
  ])('answers 400 naming the field for %s, and keeps the team it had', async (_case, members, field) => {
    const account = randomUUID();
    await put('east', account, [{ userId: 'rep-e1', role: 'owner', splitPercent: 100 }]).then((r) =>
      expect(r.status).toBe(200),
    );
    const res = await put('east', account, members);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(res.body)).toContain(field);
    const kept = await sales
      .http()
      .get(`/accounts/${account}/team`)
      .set('authorization', await as('east'))
      .expect(200);
    expect(kept.body.members).toEqual([{ userId: 'rep-e1', role: 'owner', splitPercent: 100 }]);
  });

  it("answers 409 when a manager would drop another branch's member from a shared account", async () => {
    const account = randomUUID();
    await put('director', account, [
      { userId: 'rep-e1', role: 'owner', splitPercent: 50 },
      { userId: 'rep-w1', role: 'co_seller', splitPercent: 50 },
    ]).then((r) => expect(r.status).toBe(200));
    const res = await put('east', account, [{ userId: 'rep-e1', role: 'owner', splitPercent: 100 }]);
    expect(res.status).toBe(409);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body.detail).toContain('rep-w1');
  });

  it('lets only managers and admins set a team', async () => {
    const res = await put(
      'rep-e1',
      randomUUID(),
      [{ userId: 'rep-e1', role: 'owner', splitPercent: 100 }],
      Roles.salesRep,
    );
    expect(res.status).toBe(403);
  });
});
