import { randomUUID } from 'node:crypto';
import { PartnerRegistered, PartnerState, Roles } from '@crm/contracts';
import { eventually } from '@crm/testing';
import { SalesHarness } from './sales.harness';

const SHANGHAI = { lat: 31.2304, lon: 121.4737 };
const HANGZHOU = { lat: 30.2741, lon: 120.1551 };

function partner(
  code: string,
  at: { lat: number; lon: number },
  brands: string[],
  more: Partial<PartnerState> = {},
) {
  const partnerId = randomUUID();
  const state: PartnerState = {
    partnerId,
    kind: 'dealer',
    code,
    name: code,
    phone: null,
    address: { province: null, city: null, district: null, street: null, postalCode: null, location: at },
    location: at,
    brands,
    skills: [],
    capacity: 0,
    openingHours: [],
    active: true,
    ...more,
  };
  return state;
}

describe('lead assignment: nearest dealer selling the model, or round-robin in a team', () => {
  let sales: SalesHarness;
  let marketer: string;
  let admin: string;
  const dealers = {
    shanghaiB: partner('D-SH-02', SHANGHAI, ['Aurora']),
    shanghaiA: partner('D-SH-01', SHANGHAI, ['Aurora']),
    hangzhou: partner('D-HZ-01', HANGZHOU, ['Aurora', 'Zephyr']),
    closedNearby: partner('D-SH-00', { lat: 31.23, lon: 121.47 }, ['Zephyr'], { active: false }),
    station: partner('RS-SH-01', SHANGHAI, ['Zephyr'], { kind: 'repair_station' }),
  };

  beforeAll(async () => {
    sales = await SalesHarness.start({
      leadAssignment: 'web_form=nearest-dealer,call_center=round-robin:east',
    });
    await sales.tree([
      ['director', null],
      ['east', 'director'],
      ['west', 'director'],
      ['rep-e1', 'east'],
      ['rep-e2', 'east'],
      ['rep-e3', 'east'],
      ['rep-e1a', 'rep-e1'],
      ['rep-w1', 'west'],
    ]);
    for (const state of Object.values(dealers))
      await sales.publish(PartnerRegistered, state.partnerId, state);
    await eventually(async () =>
      expect(await sales.query(`SELECT partner_id FROM sales.dealer`)).toHaveLength(4),
    );
    marketer = await sales.auth({ sub: 'web-forms', roles: [Roles.marketer] });
    admin = await sales.auth({ sub: 'admin', roles: [Roles.admin] });
  });

  afterAll(() => sales?.stop());

  const webLead = async (model: string, location = SHANGHAI) =>
    (
      await sales
        .http()
        .post('/leads')
        .set('authorization', marketer)
        .send({ source: 'web_form', name: '访客', phone: '13800000000', interest: { model }, location })
        .expect(201)
    ).body;

  it('gives a web lead to the nearest dealer selling its model; equally near dealers go by open leads, then code', async () => {
    const first = await webLead('Aurora S7');
    expect(first.partnerId).toBe(dealers.shanghaiA.partnerId);
    expect(first.assignment).toMatchObject({
      strategy: 'nearest-dealer',
      dealerCode: 'D-SH-01',
      distanceMeters: 0,
      openLeads: 0,
      tiedWith: ['D-SH-02'],
      decidedBy: 'web-forms',
    });
    const second = await webLead('Aurora A6');
    expect(second.assignment).toMatchObject({ dealerCode: 'D-SH-02', openLeads: 0, tiedWith: ['D-SH-01'] });

    const zephyr = await webLead('Zephyr Z7');
    expect(zephyr.assignment).toMatchObject({ dealerCode: 'D-HZ-01', tiedWith: [] });
    expect(zephyr.assignment.distanceMeters).toBeGreaterThan(150_000);
    const [event] = (await sales.outbox('lead.captured')).filter((e) => e.aggregateId === zephyr.id);
    expect(event.payload).toMatchObject({ partnerId: dealers.hangzhou.partnerId });
  });

  it('lets a dealer see only the leads assigned to it', async () => {
    const lead = await webLead('Zephyr ZX EV', HANGZHOU);
    const hangzhou = await sales.auth({
      sub: 'hz',
      roles: [Roles.dealer],
      partnerId: dealers.hangzhou.partnerId,
    });
    const shanghai = await sales.auth({
      sub: 'sh',
      roles: [Roles.dealer],
      partnerId: dealers.shanghaiA.partnerId,
    });
    await sales.http().get(`/leads/${lead.id}`).set('authorization', hangzhou).expect(200);
    await sales.http().get(`/leads/${lead.id}`).set('authorization', shanghai).expect(404);
    const list = await sales.http().get('/leads').set('authorization', shanghai).expect(200);
    expect(list.body.items.map((l: { partnerId: string }) => l.partnerId)).toEqual(
      list.body.items.map(() => dealers.shanghaiA.partnerId),
    );
    await sales
      .http()
      .post(`/leads/${lead.id}/assign`)
      .set('authorization', shanghai)
      .send({ strategy: 'nearest-dealer' })
      .expect(403);
  });

  it('assigns on request, naming the missing or bad field, and refuses a model nobody sells', async () => {
    const captured = await sales
      .http()
      .post('/leads')
      .set('authorization', admin)
      .send({
        source: 'referral',
        name: '推荐客户',
        email: 'ref@example.com',
        interest: { model: 'Aurora AX5' },
      })
      .expect(201);
    const id = captured.body.id;
    expect(captured.body).toMatchObject({ partnerId: null, ownerId: null, assignment: null });
    const assign = (body: object) =>
      sales.http().post(`/leads/${id}/assign`).set('authorization', admin).send(body);

    const noLocation = await assign({ strategy: 'nearest-dealer' }).expect(400);
    expect(noLocation.headers['content-type']).toContain('application/problem+json');
    expect(noLocation.body.errors).toEqual([expect.objectContaining({ field: 'location' })]);
    const badStrategy = await assign({ strategy: 'closest' }).expect(400);
    expect(JSON.stringify(badStrategy.body.errors)).toContain('strategy');
    const badPoint = await assign({ strategy: 'nearest-dealer', location: { lat: 91, lon: 0 } }).expect(400);
    expect(JSON.stringify(badPoint.body.errors)).toContain('location.lat');
    const noTeam = await assign({ strategy: 'round-robin' }).expect(400);
    expect(noTeam.body.errors).toEqual([expect.objectContaining({ field: 'managerId' })]);

    const assigned = await assign({ strategy: 'nearest-dealer', location: HANGZHOU }).expect(200);
    expect(assigned.body).toMatchObject({
      partnerId: dealers.hangzhou.partnerId,
      location: HANGZHOU,
      assignment: {
        strategy: 'nearest-dealer',
        dealerCode: 'D-HZ-01',
        distanceMeters: 0,
        decidedBy: 'admin',
      },
    });
    const read = await sales.http().get(`/leads/${id}`).set('authorization', admin).expect(200);
    expect(read.body.assignment).toEqual(assigned.body.assignment);

    const nobodySells = await webLead('Nova E3');
    expect(nobodySells).toMatchObject({ partnerId: null, assignment: null });
    await sales
      .http()
      .post(`/leads/${nobodySells.id}/assign`)
      .set('authorization', admin)
      .send({ strategy: 'nearest-dealer' })
      .expect(409);
  });

  it('hands concurrent call-center leads to the team’s direct reports in turn, fairly', async () => {
    const agent = await sales.auth({ sub: 'agent-7', roles: [Roles.agent] });
    const captured = await Promise.all(
      Array.from({ length: 9 }, (_, i) =>
        sales
          .http()
          .post('/leads')
          .set('authorization', agent)
          .send({ source: 'call_center', name: `来电 ${i}`, phone: `1370000${String(2000 + i)}` })
          .expect(201),
      ),
    );
    const owners = captured.map((res) => res.body.ownerId as string);
    for (const rep of ['rep-e1', 'rep-e2', 'rep-e3']) expect(owners.filter((o) => o === rep)).toHaveLength(3);
    const turns = captured.map((res) => res.body.assignment.turn as number).sort((a, b) => a - b);
    expect(turns).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(captured[0].body.assignment).toMatchObject({ strategy: 'round-robin', managerId: 'east' });
  });

  it('lets a manager run round-robin only in their own branch', async () => {
    const west = await sales.auth({ sub: 'west', roles: [Roles.salesManager] });
    const lead = await sales
      .http()
      .post('/leads')
      .set('authorization', west)
      .send({ source: 'showroom_visit', name: '到店', phone: '13811112222' })
      .expect(201);
    const refused = await sales
      .http()
      .post(`/leads/${lead.body.id}/assign`)
      .set('authorization', west)
      .send({ strategy: 'round-robin', managerId: 'east' })
      .expect(400);
    expect(refused.body.errors).toEqual([expect.objectContaining({ field: 'managerId' })]);
    const own = await sales
      .http()
      .post(`/leads/${lead.body.id}/assign`)
      .set('authorization', west)
      .send({ strategy: 'round-robin', managerId: 'west' })
      .expect(200);
    expect(own.body).toMatchObject({ ownerId: 'rep-w1', assignment: { strategy: 'round-robin', turn: 1 } });
  });
});
