import { randomUUID } from 'node:crypto';
import { CustomerRegistered, Roles, SalesUserPlaced } from '@crm/contracts';
import { eventually } from '@crm/testing';
import { SalesCaller, SalesHarness } from './sales.harness';

/*
 * director
 * ├── east (manager)
 * │   ├── rep-e1
 * │   │   └── rep-e1a (a rep below a senior rep: any depth)
 * │   └── rep-e2
 * └── west (manager)
 *     └── rep-w1
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
const REPS = ['rep-e1', 'rep-e1a', 'rep-e2', 'rep-w1'];
const BELOW: Record<string, string[]> = {
  director: REPS,
  east: ['rep-e1', 'rep-e1a', 'rep-e2'],
  west: ['rep-w1'],
  'rep-e1': ['rep-e1', 'rep-e1a'],
  'rep-e1a': ['rep-e1a'],
  'rep-e2': ['rep-e2'],
  'rep-w1': ['rep-w1'],
};
const DEALER_A = randomUUID();
const DEALER_B = randomUUID();

function caller(sub: string): SalesCaller {
  const managerial = ['director', 'east', 'west'].includes(sub);
  return { sub, roles: [managerial ? Roles.salesManager : Roles.salesRep] };
}

describe('sales visibility across the team tree and dealers', () => {
  let sales: SalesHarness;
  const leadOf: Record<string, string> = {};
  const opportunityOf: Record<string, string> = {};

  async function as(who: SalesCaller | string) {
    return sales.auth(typeof who === 'string' ? caller(who) : who);
  }

  beforeAll(async () => {
    sales = await SalesHarness.start();
    await sales.tree(TREE);
    for (const [i, rep] of REPS.entries()) {
      const lead = await sales
        .http()
        .post('/leads')
        .set('authorization', await as(rep))
        .send({ source: 'showroom_visit', name: `Prospect of ${rep}`, phone: `1390000000${i}` })
        .expect(201);
      expect(lead.body).toMatchObject({ ownerId: rep, status: 'new', phone: `+861390000000${i}` });
      leadOf[rep] = lead.body.id;
      const opportunity = await sales
        .http()
        .post('/opportunities')
        .set('authorization', await as(rep))
        .send({ name: `Deal of ${rep}` })
        .expect(201);
      opportunityOf[rep] = opportunity.body.id;
    }
  });

  afterAll(() => sales?.stop());

  it.each(Object.keys(BELOW))(
    '%s lists the leads and opportunities of exactly their subtree',
    async (viewer) => {
      const auth = await as(viewer);
      const leads = await sales.http().get('/leads?limit=100').set('authorization', auth).expect(200);
      expect(leads.body.items.map((l: { ownerId: string }) => l.ownerId).sort()).toEqual(
        [...BELOW[viewer]].sort(),
      );
      const opportunities = await sales.http().get('/opportunities').set('authorization', auth).expect(200);
      expect(opportunities.body.items.map((o: { ownerId: string }) => o.ownerId).sort()).toEqual(
        [...BELOW[viewer]].sort(),
      );
    },
  );

  it.each(Object.keys(BELOW))('%s reads records below them and gets 404 for every other', async (viewer) => {
    const auth = await as(viewer);
    for (const rep of REPS) {
      const expected = BELOW[viewer].includes(rep) ? 200 : 404;
      const lead = await sales.http().get(`/leads/${leadOf[rep]}`).set('authorization', auth);
      const opportunity = await sales
        .http()
        .get(`/opportunities/${opportunityOf[rep]}`)
        .set('authorization', auth);
      expect({ viewer, rep, lead: lead.status, opportunity: opportunity.status }).toEqual({
        viewer,
        rep,
        lead: expected,
        opportunity: expected,
      });
      if (expected === 404) expect(lead.headers['content-type']).toContain('application/problem+json');
    }
  });

  it("gives another branch's manager 404 on changes too, and lets the own manager work the record", async () => {
    const west = await as('west');
    await sales
      .http()
      .patch(`/leads/${leadOf['rep-e1']}`)
      .set('authorization', west)
      .send({ status: 'contacted' })
      .expect(404);
    await sales
      .http()
      .post(`/opportunities/${opportunityOf['rep-e2']}/stage`)
      .set('authorization', west)
      .send({ stage: 'qualification' })
      .expect(404);
    await sales
      .http()
      .patch(`/leads/${leadOf['rep-e1']}`)
      .set('authorization', await as('east'))
      .send({ status: 'contacted', ownerId: 'rep-e2' })
      .expect(200);
    await sales
      .http()
      .get(`/leads/${leadOf['rep-e1']}`)
      .set('authorization', await as('rep-e1'))
      .expect(404);
  });

  it('refuses to hand a record to someone outside the branch', async () => {
    const res = await sales
      .http()
      .post('/opportunities')
      .set('authorization', await as('east'))
      .send({ name: 'Fleet', ownerId: 'rep-w1' })
      .expect(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('lets a manager place people only within their branch, and refuses a loop', async () => {
    const east = await as('east');
    const publishedBefore = (await sales.outbox(SalesUserPlaced.type)).length;
    await sales
      .http()
      .put('/sales-team/members/rep-e3')
      .set('authorization', east)
      .send({ name: '新人', managerId: 'rep-e2' })
      .expect(200);
    await sales
      .http()
      .put('/sales-team/members/rep-w2')
      .set('authorization', east)
      .send({ name: 'no', managerId: 'west' })
      .expect(400);
    await sales
      .http()
      .put('/sales-team/members/east')
      .set('authorization', await as({ sub: 'admin', roles: [Roles.admin] }))
      .send({ name: 'east', managerId: 'rep-e1a' })
      .expect(409);
    const team = await sales.http().get('/sales-team').set('authorization', east).expect(200);
    expect(team.body.members.map((m: { userId: string; depth: number }) => [m.userId, m.depth])).toEqual(
      expect.arrayContaining([
        ['rep-e1', 1],
        ['rep-e1a', 2],
        ['rep-e3', 2],
      ]),
    );
    // The placement made is published (analytics rolls reps up to teams with it); the refused ones are not.
    const placed = (await sales.outbox(SalesUserPlaced.type)).slice(publishedBefore);
    expect(placed.map((event) => event.payload)).toEqual([
      { userId: 'rep-e3', name: '新人', managerId: 'rep-e2', setBy: 'east', setAt: expect.any(String) },
    ]);
  });

  describe('dealers', () => {
    const dealerA: SalesCaller = { sub: 'dealer-a-sales', roles: [Roles.dealer], partnerId: DEALER_A };
    const dealerB: SalesCaller = { sub: 'dealer-b-sales', roles: [Roles.dealer], partnerId: DEALER_B };

    it("see and work only their own leads; another dealer's lead is 404", async () => {
      await sales.knownCustomer({ name: '李娜', emails: ['li.na@example.com'] });
      const captured = await sales
        .http()
        .post('/leads')
        .set('authorization', await as(dealerA))
        .send({
          source: 'dealer',
          name: '李娜',
          email: 'Li.Na@Example.com',
          interest: { model: 'Aurora S7' },
        })
        .expect(201);
      expect(captured.body).toMatchObject({ partnerId: DEALER_A, email: 'li.na@example.com' });
      const id = captured.body.id;

      const listA = await sales
        .http()
        .get('/leads')
        .set('authorization', await as(dealerA))
        .expect(200);
      expect(listA.body.items.map((l: { id: string }) => l.id)).toEqual([id]);
      const listB = await sales
        .http()
        .get('/leads')
        .set('authorization', await as(dealerB))
        .expect(200);
      expect(listB.body.items).toEqual([]);

      await sales
        .http()
        .get(`/leads/${id}`)
        .set('authorization', await as(dealerB))
        .expect(404);
      await sales
        .http()
        .post(`/leads/${id}/convert`)
        .set('authorization', await as(dealerB))
        .send({})
        .expect(404);
      await sales
        .http()
        .get(`/leads/${leadOf['rep-e2']}`)
        .set('authorization', await as(dealerA))
        .expect(404);

      const converted = await sales
        .http()
        .post(`/leads/${id}/convert`)
        .set('authorization', await as(dealerA))
        .send({ amount: { amount: 209900 } })
        .expect(200);
      expect(converted.body.opportunity).toMatchObject({
        partnerId: DEALER_A,
        ownerId: 'dealer-a-sales',
        amount: { amount: 209900, currency: 'CNY' },
        stage: 'prospecting',
      });
      await sales
        .http()
        .get(`/opportunities/${converted.body.opportunity.id}`)
        .set('authorization', await as(dealerB))
        .expect(404);
      await sales
        .http()
        .get(`/opportunities/${converted.body.opportunity.id}`)
        .set('authorization', await as(dealerA))
        .expect(200);
    });
  });

  it('matches a new lead to a customer from the customer events by phone, and converts it linked', async () => {
    const customerId = randomUUID();
    await sales.publish(CustomerRegistered, customerId, {
      customerId,
      kind: 'person',
      name: '王芳',
      namePinyin: 'wang fang',
      phones: ['+8613800138000'],
      emails: ['wang.fang@example.com'],
      address: null,
      birthday: null,
      gender: 'female',
      tags: [],
      ownerSalesRepId: null,
      consents: [],
    });
    await eventually(async () =>
      expect(
        await sales.query(`SELECT 1 FROM sales.customer_contact WHERE customer_id = $1`, [customerId]),
      ).toHaveLength(1),
    );
    const rep = await as('rep-w1');
    const lead = await sales
      .http()
      .post('/leads')
      .set('authorization', rep)
      .send({ source: 'web_form', name: 'Wang Fang', phone: '138 0013 8000' })
      .expect(201);
    expect(lead.body.customerId).toBe(customerId);
    const byEmail = await sales
      .http()
      .post('/leads')
      .set('authorization', rep)
      .send({ source: 'referral', name: 'W. Fang', email: 'WANG.FANG@example.com' })
      .expect(201);
    expect(byEmail.body.customerId).toBe(customerId);

    const converted = await sales
      .http()
      .post(`/leads/${lead.body.id}/convert`)
      .set('authorization', rep)
      .send({ expectedCloseDate: '2026-12-31' })
      .expect(200);
    expect(converted.body.opportunity).toMatchObject({ customerId, leadId: lead.body.id, ownerId: 'rep-w1' });
    const again = await sales
      .http()
      .post(`/leads/${lead.body.id}/convert`)
      .set('authorization', rep)
      .send({})
      .expect(200);
    expect(again.body).toEqual(converted.body);
    expect(
      await sales.query(`SELECT 1 FROM sales.opportunity WHERE lead_id = $1`, [lead.body.id]),
    ).toHaveLength(1);
    const [event] = (await sales.outbox('lead.converted')).filter((e) => e.aggregateId === lead.body.id);
    expect(event.payload).toMatchObject({ customerId, opportunityId: converted.body.opportunity.id });
  });

  /*
   * Account teams widen the subtree rule (ADR 0017): rep-w1 owns the account's records; rep-e1a sells with them
   * as co-seller, so rep-e1a and everyone above rep-e1a see the account's leads, opportunities and activities too.
   * rep-e2 (east, but not above rep-e1a) and dealers do not.
   */
  describe('account teams', () => {
    const account = randomUUID();
    const accountRecords: Record<'lead' | 'opportunity' | 'activity', string> = {
      lead: '',
      opportunity: '',
      activity: '',
    };
    const PATHS = { lead: 'leads', opportunity: 'opportunities', activity: 'activities' } as const;
    const VIEWERS = [...Object.keys(BELOW), 'dealer'];
    const SEE_WITH_CO_SELLER = ['director', 'west', 'rep-w1', 'east', 'rep-e1', 'rep-e1a'];
    const SEE_WITHOUT_CO_SELLER = ['director', 'west', 'rep-w1'];
    const viewerAuth = (viewer: string) =>
      as(
        viewer === 'dealer' ? { sub: 'dealer-a-sales', roles: [Roles.dealer], partnerId: DEALER_A } : viewer,
      );

    async function setTeam(members: { userId: string; role: string; splitPercent: number }[]) {
      await sales
        .http()
        .put(`/accounts/${account}/team`)
        .set('authorization', await as('director'))
        .send({ members })
        .expect(200);
    }

    async function expectAccountVisibleTo(seeing: string[]) {
      for (const viewer of VIEWERS) {
        const auth = await viewerAuth(viewer);
        for (const [type, id] of Object.entries(accountRecords) as [keyof typeof PATHS, string][]) {
          const read = await sales.http().get(`/${PATHS[type]}/${id}`).set('authorization', auth);
          const list = await sales
            .http()
            .get(`/${PATHS[type]}?customerId=${account}&limit=100`)
            .set('authorization', auth)
            .expect(200);
          const listed = list.body.items.some((item: { id: string }) => item.id === id);
          const sees = seeing.includes(viewer);
          expect({ viewer, type, read: read.status, listed }).toEqual({
            viewer,
            type,
            read: sees ? 200 : 404,
            listed: sees,
          });
        }
      }
    }

    beforeAll(async () => {
      await sales.publish(CustomerRegistered, account, {
        customerId: account,
        kind: 'company',
        name: '星河物流',
        namePinyin: 'xing he wu liu',
        phones: ['+8613900990099'],
        emails: [],
        address: null,
        birthday: null,
        gender: null,
        tags: [],
        ownerSalesRepId: null,
        consents: [],
      });
      await eventually(async () =>
        expect(
          await sales.query(`SELECT 1 FROM sales.customer_contact WHERE customer_id = $1`, [account]),
        ).toHaveLength(1),
      );
      const rep = await as('rep-w1');
      const lead = await sales
        .http()
        .post('/leads')
        .set('authorization', rep)
        .send({ source: 'referral', name: '星河物流 fleet', phone: '13900990099' })
        .expect(201);
      expect(lead.body.customerId).toBe(account);
      accountRecords.lead = lead.body.id;
      const opportunity = await sales
        .http()
        .post('/opportunities')
        .set('authorization', rep)
        .send({ name: 'Fleet of 40', customerId: account })
        .expect(201);
      accountRecords.opportunity = opportunity.body.id;
      const activity = await sales
        .http()
        .post('/activities')
        .set('authorization', rep)
        .send({ type: 'meeting', subject: 'Fleet terms', discussed: 'volume discount', customerId: account })
        .expect(201);
      accountRecords.activity = activity.body.id;
    });

    it('shows only the owner and their managers the account before it has a team', async () => {
      await expectAccountVisibleTo(SEE_WITHOUT_CO_SELLER);
    });

    it("lets a co-seller and everyone above them read and list the account's records", async () => {
      await setTeam([
        { userId: 'rep-w1', role: 'owner', splitPercent: 70 },
        { userId: 'rep-e1a', role: 'co_seller', splitPercent: 30 },
      ]);
      await expectAccountVisibleTo(SEE_WITH_CO_SELLER);
    });

    it("keeps the co-seller's own view otherwise unchanged: other records of other branches stay 404", async () => {
      const auth = await as('rep-e1a');
      for (const rep of ['rep-w1', 'rep-e2'])
        await sales.http().get(`/opportunities/${opportunityOf[rep]}`).set('authorization', auth).expect(404);
    });

    it('takes the account away again once the co-seller leaves the team', async () => {
      await setTeam([{ userId: 'rep-w1', role: 'owner', splitPercent: 100 }]);
      await expectAccountVisibleTo(SEE_WITHOUT_CO_SELLER);
    });
  });
});
