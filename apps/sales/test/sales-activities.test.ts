import { randomUUID } from 'node:crypto';
import { Roles } from '@crm/contracts';
import { SalesHarness } from './sales.harness';

describe('activities with what was discussed and the next step', () => {
  let sales: SalesHarness;
  let rep: string;
  let otherRep: string;
  let manager: string;

  beforeAll(async () => {
    sales = await SalesHarness.start();
    await sales.tree([
      ['director', null],
      ['manager', 'director'],
      ['rep', 'manager'],
      ['other-manager', 'director'],
      ['other-rep', 'other-manager'],
    ]);
    rep = await sales.auth({ sub: 'rep', roles: [Roles.salesRep] });
    otherRep = await sales.auth({ sub: 'other-rep', roles: [Roles.salesRep] });
    manager = await sales.auth({ sub: 'manager', roles: [Roles.salesManager] });
  });

  afterAll(() => sales?.stop());

  it("logs a test drive on an opportunity, takes its customer, and announces it for the customer's timeline", async () => {
    const customerId = randomUUID();
    const opportunity = await sales
      .http()
      .post('/opportunities')
      .set('authorization', rep)
      .send({ name: 'S7', customerId })
      .expect(201);
    const logged = await sales
      .http()
      .post('/activities')
      .set('authorization', rep)
      .send({
        type: 'test_drive',
        subject: '试驾 Aurora S7',
        discussed: '续航和充电桩',
        nextStep: '发送金融方案',
        nextStepDue: '2026-12-05',
        occurredAt: '2026-11-29T10:00:00+08:00',
        opportunityId: opportunity.body.id,
      })
      .expect(201);
    expect(logged.body).toMatchObject({
      customerId,
      opportunityId: opportunity.body.id,
      ownerId: 'rep',
      nextStepDue: '2026-12-05',
      occurredAt: '2026-11-29T02:00:00.000Z',
    });
    const [event] = await sales.outbox('activity.logged');
    expect(event).toMatchObject({ aggregateType: 'activity', aggregateId: logged.body.id });
    expect(event.payload).toMatchObject({
      type: 'test_drive',
      customerId,
      ownerId: 'rep',
      ownerName: 'rep',
      discussed: '续航和充电桩',
      nextStep: '发送金融方案',
      nextStepDue: '2026-12-05',
    });

    await sales.http().get(`/activities/${logged.body.id}`).set('authorization', manager).expect(200);
    await sales.http().get(`/activities/${logged.body.id}`).set('authorization', otherRep).expect(404);
    await sales
      .http()
      .post('/activities')
      .set('authorization', otherRep)
      .send({ type: 'call', subject: 's', discussed: 'd', opportunityId: opportunity.body.id })
      .expect(404);
  });

  it('lists next steps falling due, soonest first, within the branch', async () => {
    for (const due of ['2026-12-10', '2026-12-01']) {
      await sales
        .http()
        .post('/activities')
        .set('authorization', rep)
        .send({
          type: 'call',
          subject: 'follow up',
          discussed: 'price',
          nextStep: 'call back',
          nextStepDue: due,
        })
        .expect(201);
    }
    const due = await sales
      .http()
      .get('/activities?dueBy=2026-12-06')
      .set('authorization', manager)
      .expect(200);
    expect(due.body.items.map((a: { nextStepDue: string }) => a.nextStepDue)).toEqual([
      '2026-12-01',
      '2026-12-05',
    ]);
    const other = await sales.http().get('/activities').set('authorization', otherRep).expect(200);
    expect(other.body.items).toEqual([]);
  });

  it('refuses a next step without its due date, an unknown type and impossible dates', async () => {
    for (const body of [
      { type: 'call', subject: 's', discussed: 'd', nextStep: 'x' },
      { type: 'fax', subject: 's', discussed: 'd' },
      { type: 'call', subject: 's', discussed: 'd', nextStep: 'x', nextStepDue: '2026-02-29' },
      { type: 'call', subject: 's', discussed: 'd', occurredAt: '2026-11-31T10:00:00Z' },
      { type: 'call', subject: 's' },
    ]) {
      const res = await sales.http().post('/activities').set('authorization', rep).send(body);
      expect({ body, status: res.status, type: res.headers['content-type'] }).toEqual({
        body,
        status: 400,
        type: expect.stringContaining('application/problem+json'),
      });
    }
    await sales.http().get('/activities?dueBy=2026-13-01').set('authorization', rep).expect(400);
  });

  it("keeps a dealer's activities to that dealer", async () => {
    const dealer = randomUUID();
    const auth = await sales.auth({ sub: 'dealer-staff', roles: [Roles.dealer], partnerId: dealer });
    const otherDealer = await sales.auth({ sub: 'x', roles: [Roles.dealer], partnerId: randomUUID() });
    const logged = await sales
      .http()
      .post('/activities')
      .set('authorization', auth)
      .send({ type: 'visit', subject: '到店', discussed: '看车' })
      .expect(201);
    expect(logged.body.partnerId).toBe(dealer);
    await sales.http().get(`/activities/${logged.body.id}`).set('authorization', auth).expect(200);
    await sales.http().get(`/activities/${logged.body.id}`).set('authorization', otherDealer).expect(404);
  });
});
