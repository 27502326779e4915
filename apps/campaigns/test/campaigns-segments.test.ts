import {
  CustomerRegistered,
  OrderPlaced,
  RepairRecorded,
  Roles,
  TicketSatisfactionRecorded,
  VehicleRegistered,
} from '@crm/contracts';
import { eventually } from '@crm/testing';
import { monthInShanghai } from '../src/segments/segment-sql';
import { monthsAgo, orderPlaced, repairRecorded, satisfactionRecorded } from './activity-fixture';
import { CampaignsHarness } from './campaigns.harness';
import { consent, customerState, livingIn, vehicleState } from './customer-fixture';

const thisMonth = monthInShanghai(new Date());
const otherMonth = (thisMonth % 12) + 1;
const day = (month: number, year = 1985) => `${year}-${String(month).padStart(2, '0')}-10`;

/** Four customers and three cars, each differing on the fields the conditions select on. */
const wang = customerState({
  name: 'A 王芳',
  address: livingIn('上海市', '上海市'),
  tags: ['vip'],
  birthday: day(thisMonth),
  gender: 'female',
  consents: [consent('email', true), consent('sms', true)],
});
const li = customerState({
  name: 'B 李雷',
  address: livingIn('上海市', '上海市'),
  birthday: day(otherMonth),
  gender: 'male',
  consents: [
    consent('email', true, '2026-01-01T00:00:00.000Z'),
    consent('email', false, '2026-02-01T00:00:00.000Z'),
  ],
});
const zhang = customerState({
  name: 'C 张伟',
  address: livingIn('北京市', '北京市'),
  tags: ['vip', 'fleet'],
  consents: [consent('email', true)],
});
const zhao = customerState({
  name: 'D 赵敏',
  address: livingIn('浙江省', '杭州市'),
  tags: ['fleet'],
  birthday: day(thisMonth, 1975),
  gender: 'female',
  consents: [consent('sms', true)],
});
const cars = [
  vehicleState(wang.customerId, 'Aurora S7', '2024-05-01'),
  vehicleState(li.customerId, 'Nova E3', '2025-01-15'),
  vehicleState(zhao.customerId, 'Aurora S7', '2022-11-30'),
];

/** Orders: 李雷's was placed at 01:00 on 1 January in China, still 31 December in UTC. */
const orders = [
  orderPlaced(wang.customerId, ['Aurora S7'], '2025-03-10T04:00:00.000Z'),
  orderPlaced(li.customerId, ['Nova E3', 'Aurora S7'], '2025-12-31T17:00:00.000Z'),
];
/** Service: 王芳 two months ago (rated 5, then 2), 张伟 fourteen months ago (rated 4), the others never. */
const lastServiceOfWang = monthsAgo(2, 5);
const lastServiceOfZhang = monthsAgo(14);
const dayOf = (at: string) => at.slice(0, 10);
const repairs = [
  repairRecorded(wang.customerId, monthsAgo(8)),
  repairRecorded(wang.customerId, lastServiceOfWang),
  repairRecorded(zhang.customerId, lastServiceOfZhang),
];
const ratings = [
  { payload: satisfactionRecorded(wang.customerId, 5), at: monthsAgo(8) },
  { payload: satisfactionRecorded(wang.customerId, 2), at: lastServiceOfWang },
  { payload: satisfactionRecorded(zhang.customerId, 4), at: lastServiceOfZhang },
];

const CASES: { title: string; rule: unknown; members: string[] }[] = [
  {
    title: 'city in',
    rule: { field: 'city', in: ['上海市', '杭州市'] },
    members: ['A 王芳', 'B 李雷', 'D 赵敏'],
  },
  { title: 'province in', rule: { field: 'province', in: ['浙江省'] }, members: ['D 赵敏'] },
  { title: 'tag has', rule: { field: 'tag', has: 'vip' }, members: ['A 王芳', 'C 张伟'] },
  {
    title: 'birthday this month',
    rule: { field: 'birthdayMonth', month: 'current' },
    members: ['A 王芳', 'D 赵敏'],
  },
  {
    title: 'birthday in a given month',
    rule: { field: 'birthdayMonth', month: otherMonth },
    members: ['B 李雷'],
  },
  { title: 'gender in', rule: { field: 'gender', in: ['male'] }, members: ['B 李雷'] },
  {
    title: 'email consent (a withdrawal counts)',
    rule: { field: 'consent', channel: 'email' },
    members: ['A 王芳', 'C 张伟'],
  },
  { title: 'sms consent', rule: { field: 'consent', channel: 'sms' }, members: ['A 王芳', 'D 赵敏'] },
  {
    title: 'owned model in',
    rule: { field: 'ownedModel', in: ['Aurora S7'] },
    members: ['A 王芳', 'D 赵敏'],
  },
  {
    title: 'purchase date between',
    rule: { field: 'purchaseDate', from: '2024-01-01', to: '2025-01-15' },
    members: ['A 王芳', 'B 李雷'],
  },
  { title: 'purchase date before', rule: { field: 'purchaseDate', to: '2023-01-01' }, members: ['D 赵敏'] },
  {
    title: 'purchase date on one day (both ends included)',
    rule: { field: 'purchaseDate', from: '2025-01-15', to: '2025-01-15' },
    members: ['B 李雷'],
  },
  {
    title: 'all of',
    rule: {
      all: [
        { field: 'city', in: ['上海市'] },
        { field: 'consent', channel: 'email' },
      ],
    },
    members: ['A 王芳'],
  },
  {
    title: 'any of, nested',
    rule: {
      any: [
        { field: 'tag', has: 'fleet' },
        {
          all: [
            { field: 'gender', in: ['male'] },
            { field: 'ownedModel', in: ['Nova E3'] },
          ],
        },
      ],
    },
    members: ['B 李雷', 'C 张伟', 'D 赵敏'],
  },
  {
    title: 'order placed from a day (China time)',
    rule: { field: 'orderPlaced', from: '2026-01-01' },
    members: ['B 李雷'],
  },
  {
    title: 'order placed up to a day (China time)',
    rule: { field: 'orderPlaced', to: '2025-12-31' },
    members: ['A 王芳'],
  },
  {
    title: 'order placed between',
    rule: { field: 'orderPlaced', from: '2025-03-10', to: '2026-01-01' },
    members: ['A 王芳', 'B 李雷'],
  },
  {
    title: 'ordered model in',
    rule: { field: 'orderedModel', in: ['Aurora S7'] },
    members: ['A 王芳', 'B 李雷'],
  },
  {
    title: 'ordered model in, within dates',
    rule: { field: 'orderedModel', in: ['Aurora S7', 'X1'], from: '2025-06-01' },
    members: ['B 李雷'],
  },
  {
    title: 'last service since a day',
    rule: { field: 'lastService', from: dayOf(monthsAgo(3)) },
    members: ['A 王芳'],
  },
  {
    title: 'last service up to a day (an earlier visit of a later-serviced customer does not count)',
    rule: { field: 'lastService', to: dayOf(monthsAgo(6)) },
    members: ['C 张伟'],
  },
  {
    title: 'at least twelve months since the last service (never serviced does not match)',
    rule: { field: 'monthsSinceService', min: 12 },
    members: ['C 张伟'],
  },
  {
    title: 'at most three months since the last service',
    rule: { field: 'monthsSinceService', max: 3 },
    members: ['A 王芳'],
  },
  {
    title: 'between two and two months since the last service',
    rule: { field: 'monthsSinceService', min: 2, max: 2 },
    members: ['A 王芳'],
  },
  {
    title: 'satisfaction at most 2 (the latest rating, not an earlier 5)',
    rule: { field: 'satisfaction', max: 2 },
    members: ['A 王芳'],
  },
  { title: 'satisfaction at least 4', rule: { field: 'satisfaction', min: 4 }, members: ['C 张伟'] },
  {
    title: 'service due: serviced over six months ago, satisfied, email consent',
    rule: {
      all: [
        { field: 'monthsSinceService', min: 6 },
        { field: 'satisfaction', min: 3 },
        { field: 'consent', channel: 'email' },
      ],
    },
    members: ['C 张伟'],
  },
  {
    title: 'a value that looks like SQL is only a value',
    rule: { field: 'city', in: ["x' OR '1'='1"] },
    members: [],
  },
];

describe('campaigns segments', () => {
  let harness: CampaignsHarness;
  let marketer: string;

  beforeAll(async () => {
    harness = await CampaignsHarness.start();
    marketer = await harness.auth({ sub: 'u-marketer', roles: [Roles.marketer] });
    for (const customer of [wang, li, zhang, zhao])
      await harness.publish(CustomerRegistered, customer.customerId, customer);
    for (const car of cars) await harness.publish(VehicleRegistered, car.vehicleId, car);
    for (const order of orders) await harness.publish(OrderPlaced, order.orderId, order, order.placedAt);
    for (const repair of repairs)
      await harness.publish(RepairRecorded, repair.repairId, repair, repair.repairedAt);
    for (const rating of ratings)
      await harness.publish(TicketSatisfactionRecorded, rating.payload.ticketId, rating.payload, rating.at);
    await eventually(async () => {
      expect(await harness.query(`SELECT id FROM campaigns.customer`)).toHaveLength(4);
      expect(await harness.query(`SELECT id FROM campaigns.vehicle`)).toHaveLength(3);
      expect(await harness.query(`SELECT id FROM campaigns.customer_order`)).toHaveLength(2);
      expect(
        await harness.query(
          `SELECT 1 FROM campaigns.customer_service WHERE last_service_at IS NOT NULL AND last_rating_score IS NOT NULL`,
        ),
      ).toHaveLength(2);
    });
    // Every event applied, the earlier rating of 王芳 included: processed by its consumer group.
    await eventually(async () =>
      expect(
        await harness.query(`SELECT 1 FROM campaigns.processed_event WHERE consumer = 'service-history'`),
      ).toHaveLength(repairs.length + ratings.length),
    );
  });

  afterAll(async () => {
    await harness?.stop();
  });

  const create = (rule: unknown, auth = marketer) =>
    harness.http().post('/segments').set('authorization', auth).send({ name: 'segment', rule });
  const evaluate = (rule: unknown, auth = marketer, page = 'limit=50') =>
    harness.http().post(`/segments/evaluate?${page}`).set('authorization', auth).send({ rule });

  it.each(CASES)('$title: counts and previews the matching customers', async ({ rule, members }) => {
    const { body: segment } = await create(rule).expect(201);
    const count = await harness
      .http()
      .get(`/segments/${segment.id}/count`)
      .set('authorization', marketer)
      .expect(200);
    expect(count.body).toEqual({ segmentId: segment.id, count: members.length });
    const preview = await harness
      .http()
      .get(`/segments/${segment.id}/preview?limit=50`)
      .set('authorization', marketer)
      .expect(200);
    expect(preview.body.items.map((member: { name: string }) => member.name)).toEqual(members);
  });

  it.each(CASES)(
    '$title: evaluates the rule unsaved, as the saved segment counts it',
    async ({ rule, members }) => {
      const evaluated = await evaluate(rule).expect(200);
      expect(evaluated.body).toMatchObject({ count: members.length, limit: 50, offset: 0 });
      expect(evaluated.body.items.map((member: { name: string }) => member.name)).toEqual(members);
    },
  );

  it('evaluates a page of an unsaved rule and stores no segment', async () => {
    const storedBefore = await harness.query(`SELECT count(*)::int AS stored FROM campaigns.segment`);
    const page = await evaluate({ field: 'city', in: ['上海市', '杭州市'] }, marketer, 'limit=1&offset=1');
    expect(page.status).toBe(200);
    expect(page.body).toEqual({
      count: 3,
      items: [{ customerId: li.customerId, name: 'B 李雷', province: '上海市', city: '上海市' }],
      limit: 1,
      offset: 1,
    });
    expect(await harness.query(`SELECT count(*)::int AS stored FROM campaigns.segment`)).toEqual(
      storedBefore,
    );
  });

  it('answers 429 with Retry-After once a user evaluates more than 60 rules in a minute', async () => {
    const hurried = await harness.auth({ sub: `u-hurried-${Date.now()}`, roles: [Roles.marketer] });
    const rule = { field: 'tag', has: 'vip' };
    // The windows are whole minutes: start early in one so that the 61 requests fall inside it.
    const secondsIntoMinute = new Date().getSeconds();
    if (secondsIntoMinute > 30)
      await new Promise((wake) => setTimeout(wake, (61 - secondsIntoMinute) * 1000));
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) statuses.push((await evaluate(rule, hurried, 'limit=1')).status);
    expect(new Set(statuses)).toEqual(new Set([200]));
    const refused = await evaluate(rule, hurried).expect(429);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    await evaluate(rule, marketer).expect(200);
  }, 60_000);

  it('pages the preview', async () => {
    const { body: segment } = await create({ field: 'city', in: ['上海市', '杭州市'] }).expect(201);
    const page = await harness
      .http()
      .get(`/segments/${segment.id}/preview?limit=1&offset=1`)
      .set('authorization', marketer)
      .expect(200);
    expect(page.body.items).toEqual([
      { customerId: li.customerId, name: 'B 李雷', province: '上海市', city: '上海市' },
    ]);
  });

  it('stores the rule and lists segments newest first', async () => {
    const rule = {
      all: [
        { field: 'consent', channel: 'sms' },
        { field: 'tag', has: 'fleet' },
      ],
    };
    const { body: created } = await harness
      .http()
      .post('/segments')
      .set('authorization', marketer)
      .send({ name: 'Fleet, SMS', rule })
      .expect(201);
    expect(created).toMatchObject({ name: 'Fleet, SMS', rule, createdBy: 'u-marketer' });
    const fetched = await harness
      .http()
      .get(`/segments/${created.id}`)
      .set('authorization', marketer)
      .expect(200);
    expect(fetched.body).toEqual(created);
    const list = await harness.http().get('/segments?limit=1').set('authorization', marketer).expect(200);
    expect(list.body.items).toEqual([created]);
  });

  it('answers 404 for an unknown segment', async () => {
    await harness
      .http()
      .get('/segments/00000000-0000-4000-8000-000000000000/count')
      .set('authorization', marketer)
      .expect(404);
  });

  it.each([
    [
      'an unknown field',
      {
        all: [
          { field: 'city', in: ['上海市'] },
          { field: 'income', in: ['high'] },
        ],
      },
      'rule.all[1].field',
    ],
    ['an empty list', { any: [{ field: 'city', in: [] }] }, 'rule.any[0].in'],
    ['an unknown channel', { field: 'consent', channel: 'fax' }, 'rule.channel'],
    ['a month out of range', { field: 'birthdayMonth', month: 13 }, 'rule.month'],
    ['an unknown key', { field: 'tag', has: 'vip', value: 'x' }, 'rule.value'],
    ['a reversed date range', { field: 'purchaseDate', from: '2025-01-01', to: '2024-01-01' }, 'rule.to'],
    ['an empty group', { all: [] }, 'rule.all'],
    ['a day that does not exist', { field: 'orderPlaced', from: '2025-02-30' }, 'rule.from'],
    ['a range with neither end', { field: 'lastService' }, 'rule'],
    ['a score out of range', { field: 'satisfaction', min: 6 }, 'rule.min'],
    ['a reversed score range', { field: 'satisfaction', min: 4, max: 2 }, 'rule.max'],
    ['negative months', { any: [{ field: 'monthsSinceService', max: -1 }] }, 'rule.any[0].max'],
    ['an ordered model without models', { field: 'orderedModel', from: '2025-01-01' }, 'rule.in'],
    ['not an object', 'city = 上海', 'rule'],
    [
      'too deep',
      { all: [{ any: [{ all: [{ any: [{ all: [{ field: 'tag', has: 'x' }] }] }] }] }] },
      'rule.all[0].any[0].all[0].any[0]',
    ],
  ])('rejects %s with 400 naming the rule path, saved or evaluated', async (_title, rule, field) => {
    for (const response of [await create(rule).expect(400), await evaluate(rule).expect(400)]) {
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.body.errors.map((error: { field: string }) => error.field)).toContain(field);
    }
  });

  describe('access', () => {
    const ALLOWED = [Roles.marketer, Roles.salesManager, Roles.serviceManager, Roles.admin];
    const DENIED = [Roles.agent, Roles.salesRep, Roles.analyst];

    it.each(ALLOWED)('%s creates and reads segments', async (role) => {
      const auth = await harness.auth({ sub: `u-${role}`, roles: [role] });
      const { body } = await create({ field: 'tag', has: 'vip' }, auth).expect(201);
      await harness.http().get(`/segments/${body.id}/count`).set('authorization', auth).expect(200);
      await harness.http().get('/segments').set('authorization', auth).expect(200);
      await evaluate({ field: 'tag', has: 'vip' }, auth).expect(200);
    });

    it.each([Roles.dealer, Roles.repairStation])('a partner (%s) gets 403', async (role) => {
      const auth = await harness.auth({
        sub: `u-${role}`,
        roles: [role],
        partnerId: '00000000-0000-4000-8000-000000000001',
        partnerKind: role,
      });
      await create({ field: 'tag', has: 'vip' }, auth).expect(403);
      await evaluate({ field: 'tag', has: 'vip' }, auth).expect(403);
      await harness.http().get('/segments').set('authorization', auth).expect(403);
    });

    it.each(DENIED)('other staff (%s) get 403', async (role) => {
      const auth = await harness.auth({ sub: `u-${role}`, roles: [role] });
      await harness.http().get('/segments').set('authorization', auth).expect(403);
      await evaluate({ field: 'tag', has: 'vip' }, auth).expect(403);
    });

    it('no token gets 401', async () => {
      await harness.http().get('/segments').expect(401);
      await harness
        .http()
        .post('/segments')
        .send({ name: 'x', rule: { field: 'tag', has: 'vip' } })
        .expect(401);
      await harness
        .http()
        .post('/segments/evaluate')
        .send({ rule: { field: 'tag', has: 'vip' } })
        .expect(401);
    });
  });
});
