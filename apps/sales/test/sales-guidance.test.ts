import { randomUUID } from 'node:crypto';
import { EventEnvelope, PayloadOf, Roles, SalesNotificationRaised } from '@crm/contracts';
import { SalesCaller, SalesHarness } from './sales.harness';

/*
 * director
 * ├── east (manager)
 * │   ├── rep-e1 (a senior rep)
 * │   │   └── rep-e1a   <- owns the records below
 * │   └── rep-e2
 * └── west (manager)
 *     └── rep-w1        <- co-seller on the opportunity's account: reads the thread, may not comment
 */
const TREE: [string, string | null][] = [
  ['director', null],
  ['east', 'director'],
  ['west', 'director'],
  ['rep-e1', 'east'],
  ['rep-e1a', 'rep-e1'],
  ['rep-e2', 'east'],
  ['rep-w1', 'west'],
];
const PATHS = { lead: 'leads', opportunity: 'opportunities', activity: 'activities' } as const;
type RecordType = keyof typeof PATHS;
const DEALER: SalesCaller = { sub: 'dealer-sales', roles: [Roles.dealer], partnerId: randomUUID() };
/** Who may comment on rep-e1a's records: everyone above them (guidance) and rep-e1a (replies). */
const MAY_COMMENT: Record<string, number> = {
  director: 201,
  east: 201,
  'rep-e1': 201,
  'rep-e1a': 201,
  'rep-e2': 404,
  west: 404,
  'rep-w1': 404,
  dealer: 404,
};

const notificationOf = (e: EventEnvelope) => e.payload as PayloadOf<typeof SalesNotificationRaised>;

function caller(sub: string): SalesCaller {
  if (sub === 'dealer') return DEALER;
  return { sub, roles: [['director', 'east', 'west'].includes(sub) ? Roles.salesManager : Roles.salesRep] };
}

describe('guidance comments on the records below a manager', () => {
  let sales: SalesHarness;
  const account = randomUUID();
  const records = {} as Record<RecordType, string>;
  const as = (sub: string) => sales.auth(caller(sub));
  const comment = async (who: string, type: RecordType, body: string) =>
    sales
      .http()
      .post(`/${PATHS[type]}/${records[type]}/guidance`)
      .set('authorization', await as(who))
      .send({ body });
  const inbox = async (who: string, query = '') =>
    (
      await sales
        .http()
        .get(`/me/notifications${query}`)
        .set('authorization', await as(who))
        .expect(200)
    ).body;

  beforeAll(async () => {
    sales = await SalesHarness.start();
    await sales.tree(TREE);
    const owner = await as('rep-e1a');
    records.lead = (
      await sales
        .http()
        .post('/leads')
        .set('authorization', owner)
        .send({ source: 'showroom_visit', name: '赵磊', phone: '13911112222' })
        .expect(201)
    ).body.id;
    records.opportunity = (
      await sales
        .http()
        .post('/opportunities')
        .set('authorization', owner)
        .send({ name: 'Aurora S7 for 赵磊', customerId: account })
        .expect(201)
    ).body.id;
    records.activity = (
      await sales
        .http()
        .post('/activities')
        .set('authorization', owner)
        .send({
          type: 'call',
          subject: 'First call',
          discussed: 'budget',
          opportunityId: records.opportunity,
        })
        .expect(201)
    ).body.id;
    await sales
      .http()
      .put(`/accounts/${account}/team`)
      .set('authorization', await as('director'))
      .send({
        members: [
          { userId: 'rep-e1a', role: 'owner', splitPercent: 80 },
          { userId: 'rep-w1', role: 'co_seller', splitPercent: 20 },
        ],
      })
      .expect(200);
  });

  afterAll(() => sales?.stop());

  it.each(Object.keys(PATHS) as RecordType[])(
    'lets everyone above the owner and the owner comment on a %s; anyone else gets 404',
    async (type) => {
      for (const [who, status] of Object.entries(MAY_COMMENT)) {
        const res = await comment(who, type, `note from ${who}`);
        expect({ who, type, status: res.status }).toEqual({ who, type, status });
        if (status === 404) expect(res.headers['content-type']).toContain('application/problem+json');
        else
          expect(res.body).toMatchObject({ kind: who === 'rep-e1a' ? 'reply' : 'guidance', authorId: who });
      }
    },
  );

  it('lists the thread, oldest first, to whoever sees the record, an account-team co-seller included', async () => {
    const expected = ['director', 'east', 'rep-e1', 'rep-e1a'].map((who) => `note from ${who}`);
    for (const who of ['rep-e1a', 'east', 'rep-w1']) {
      const thread = await sales
        .http()
        .get(`/opportunities/${records.opportunity}/guidance`)
        .set('authorization', await as(who))
        .expect(200);
      expect(thread.body.items.map((c: { body: string }) => c.body)).toEqual(expected);
    }
    for (const who of ['rep-e2', 'dealer'])
      await sales
        .http()
        .get(`/opportunities/${records.opportunity}/guidance`)
        .set('authorization', await as(who))
        .expect(404);
    await sales
      .http()
      .get(`/leads/${records.lead}/guidance`)
      .set('authorization', await as('rep-w1'))
      .expect(404);
  });

  it("notifies the owner of each guidance, and the guides of the owner's reply, announcing each for the console", async () => {
    const owner = await inbox('rep-e1a');
    const guidance = owner.items.filter((n: { kind: string }) => n.kind === 'guidance');
    expect(guidance).toHaveLength(9); // three guides on three records
    expect(guidance.filter((n: { recordId: string }) => n.recordId === records.lead)).toHaveLength(3);
    expect(guidance[0]).toMatchObject({ recipientId: 'rep-e1a', readAt: null, title: expect.any(String) });
    expect(owner.items.some((n: { kind: string }) => n.kind === 'guidance_reply')).toBe(false);

    for (const guide of ['director', 'east', 'rep-e1']) {
      const replies = (await inbox(guide)).items;
      expect(replies.map((n: { kind: string; body: string }) => [n.kind, n.body])).toEqual(
        Array(3).fill(['guidance_reply', 'note from rep-e1a']),
      );
    }
    expect((await inbox('rep-e2')).items).toEqual([]);

    const raised = (await sales.outbox(SalesNotificationRaised.type)).filter(
      (e) => notificationOf(e).recipientId === 'rep-e1a',
    );
    expect(raised).toHaveLength(9);
    expect(raised[0]).toMatchObject({
      aggregateType: 'sales-notification',
      aggregateId: notificationOf(raised[0]).notificationId,
    });
  });

  it('marks a notification read, lists unread first, and gives 404 for somebody else’s', async () => {
    const before = await inbox('rep-e1a');
    expect(before.unread).toBe(9);
    const first = before.items[0];
    const read = await sales
      .http()
      .post(`/me/notifications/${first.id}/read`)
      .set('authorization', await as('rep-e1a'))
      .expect(200);
    expect(read.body.readAt).toEqual(expect.any(String));
    await sales
      .http()
      .post(`/me/notifications/${first.id}/read`)
      .set('authorization', await as('east'))
      .expect(404);

    const after = await inbox('rep-e1a');
    expect(after.unread).toBe(8);
    expect(after.items.map((n: { readAt: string | null }) => n.readAt === null)).toEqual([
      ...Array(8).fill(true),
      false,
    ]);
    expect((await inbox('rep-e1a', '?unread=true')).items).toHaveLength(8);
  });

  it('refuses an empty comment with 400 naming the field', async () => {
    const res = await comment('east', 'lead', '');
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'body' })]);
  });
});
