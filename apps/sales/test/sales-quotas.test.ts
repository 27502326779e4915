import { randomBytes } from 'node:crypto';
import { QuotaSet, topicFor } from '@crm/contracts';
import { FixedClock } from '@crm/core';
import { MessageTransport, TransportMessage } from '@crm/messaging';
import { eventually } from '@crm/testing';
import { SalesHarness } from './sales.harness';
import { SEES, setClock, TEAM_TREE, teamCaller } from './sales-team.fixture';

/** 12:00 on 16 March 2026 in Shanghai: exactly half of March has passed. */
const MID_MARCH = '2026-03-16T04:00:00Z';

interface PersonProgress {
  userId: string;
  behind: boolean;
  prospects: { quota: number | null; actual: number; expectedByNow: number | null; behind: boolean };
  revenue: { quota: number | null; actual: number; expectedByNow: number | null; behind: boolean };
  wonInOtherCurrencies: number;
}

describe('quotas: monthly prospects and revenue, progress and who is behind', () => {
  const clock = new FixedClock(new Date(MID_MARCH));
  const namespace = `t${randomBytes(4).toString('hex')}.`;
  let sales: SalesHarness;

  const as = (who: string) => sales.auth(teamCaller(who));

  let leads = 0;
  async function lead(owner: string, at: string) {
    setClock(clock, at);
    leads += 1;
    await sales
      .http()
      .post('/leads')
      .set('authorization', await as(owner))
      .send({
        source: 'showroom_visit',
        name: `Prospect of ${owner}`,
        phone: `1390000${String(1000 + leads)}`,
      })
      .expect(201);
  }

  async function closed(owner: string, at: string, outcome: 'win' | 'lose', amount?: object) {
    setClock(clock, at);
    const auth = await as(owner);
    const opened = await sales
      .http()
      .post('/opportunities')
      .set('authorization', auth)
      .send({ name: 'Deal' });
    await sales
      .http()
      .post(`/opportunities/${opened.body.id}/${outcome}`)
      .set('authorization', auth)
      .send({ reason: 'decided', ...(amount ? { amount } : {}) })
      .expect(200);
  }

  async function setQuota(by: string, userId: string, month: string, prospects: number, revenue: number) {
    return sales
      .http()
      .put(`/quotas/${userId}/${month}`)
      .set('authorization', await as(by))
      .send({ prospects, revenue: { amount: revenue } });
  }

  async function progress(viewer: string, path = '/quotas?month=2026-03'): Promise<PersonProgress[]> {
    const res = await sales
      .http()
      .get(path)
      .set('authorization', await as(viewer))
      .expect(200);
    return res.body.people;
  }

  beforeAll(async () => {
    sales = await SalesHarness.start({ clock, kafkaNamespace: namespace });
    await sales.tree(TEAM_TREE);
    // Months are those of Shanghai (UTC+8): 2026-02-28T16:30Z is 1 March 00:30 there.
    for (const at of [
      '2026-02-10T02:00:00Z',
      '2026-03-02T02:00:00Z',
      '2026-03-05T02:00:00Z',
      '2026-03-12T02:00:00Z',
    ])
      await lead('rep-e1', at);
    for (const at of ['2026-03-03T02:00:00Z', '2026-03-14T02:00:00Z']) await lead('rep-e1a', at);
    for (const at of ['2026-02-28T15:00:00Z', '2026-02-28T16:30:00Z', '2026-03-09T02:00:00Z'])
      await lead('rep-e2', at);
    await lead('rep-e1', '2026-03-31T16:30:00Z'); // 1 April in Shanghai

    await closed('rep-e1', '2026-03-04T02:00:00Z', 'win', { amount: 100000 });
    await closed('rep-e1', '2026-03-10T02:00:00Z', 'win', { amount: 50000.5 });
    await closed('rep-e1', '2026-03-11T02:00:00Z', 'win', { amount: 30000, currency: 'USD' });
    await closed('rep-e1', '2026-03-12T02:00:00Z', 'lose');
    await closed('rep-e1', '2026-04-01T02:00:00Z', 'win', { amount: 999999 });
    await closed('rep-w1', '2026-02-20T02:00:00Z', 'win', { amount: 400000 });
    setClock(clock, MID_MARCH);

    for (const [by, userId, prospects, revenue] of [
      ['east', 'rep-e1', 4, 200000],
      ['rep-e1', 'rep-e1a', 6, 100000],
      ['east', 'rep-e2', 4, 0],
      ['director', 'rep-w1', 2, 500000],
    ] as const) {
      const res = await setQuota(by === 'rep-e1' ? 'east' : by, userId, '2026-03', prospects, revenue);
      expect(res.status).toBe(200);
    }
  });

  afterAll(() => sales?.stop());

  it('counts leads owned and created in the month, and CNY won in it, against the pro-rated quota', async () => {
    const byUser = Object.fromEntries((await progress('director')).map((p) => [p.userId, p]));
    expect(byUser['rep-e1']).toMatchObject({
      prospects: { quota: 4, actual: 3, expectedByNow: 2, behind: false },
      revenue: { quota: 200000, actual: 150000.5, expectedByNow: 100000, behind: false },
      wonInOtherCurrencies: 1,
      behind: false,
    });
    expect(byUser['rep-e1a']).toMatchObject({
      prospects: { quota: 6, actual: 2, expectedByNow: 3, behind: true },
      revenue: { quota: 100000, actual: 0, behind: true },
      behind: true,
    });
    expect(byUser['rep-e2']).toMatchObject({
      prospects: { quota: 4, actual: 2, expectedByNow: 2, behind: false },
      revenue: { quota: 0, actual: 0, behind: false },
    });
    expect(byUser['rep-w1']).toMatchObject({
      prospects: { quota: 2, actual: 0, behind: true },
      revenue: { quota: 500000, actual: 0, behind: true },
    });
    expect(byUser['east']).toMatchObject({ prospects: { quota: null, actual: 0 }, behind: false });
  });

  it.each(Object.keys(SEES))(
    'shows %s the progress of exactly themselves and everyone below',
    async (viewer) => {
      expect((await progress(viewer)).map((p) => p.userId).sort()).toEqual([...SEES[viewer]].sort());
    },
  );

  it('names who is behind, as far as the viewer sees, and moves with the clock', async () => {
    const behind = async (viewer: string) =>
      (await progress(viewer, '/quotas/behind?month=2026-03')).map((p) => p.userId).sort();
    expect(await behind('director')).toEqual(['rep-e1a', 'rep-w1']);
    expect(await behind('east')).toEqual(['rep-e1a']);
    expect(await behind('rep-e1')).toEqual(['rep-e1a']);
    expect(await behind('rep-e2')).toEqual([]);
    expect(await behind('west')).toEqual(['rep-w1']);

    // 24.5 of 31 days: a quota of 4 prospects expects 3.16 by now, so 3 (rep-e1) and 2 (rep-e2) fall behind
    setClock(clock, '2026-03-25T04:00:00Z');
    try {
      expect(await behind('east')).toEqual(['rep-e1', 'rep-e1a', 'rep-e2']);
      expect(await behind('director')).toEqual(['rep-e1', 'rep-e1a', 'rep-e2', 'rep-w1']);
      const february = await progress('director', '/quotas/behind?month=2026-02');
      expect(february).toEqual([]);
    } finally {
      setClock(clock, MID_MARCH);
    }
  });

  it("rolls a team up month by month, and hides another branch's team", async () => {
    const res = await sales
      .http()
      .get('/quotas/teams/east?from=2026-02&to=2026-03')
      .set('authorization', await as('east'))
      .expect(200);
    expect(res.body.months).toEqual([
      expect.objectContaining({
        month: '2026-02',
        elapsedShare: 1,
        members: 4,
        prospects: expect.objectContaining({ quota: null, actual: 2 }),
        revenue: expect.objectContaining({ quota: null, actual: 0 }),
        behind: false,
      }),
      expect.objectContaining({
        month: '2026-03',
        elapsedShare: 0.5,
        members: 4,
        prospects: expect.objectContaining({ quota: 14, actual: 7, expectedByNow: 7, behind: false }),
        revenue: expect.objectContaining({ quota: 300000, actual: 150000.5, behind: false }),
        wonInOtherCurrencies: 1,
      }),
    ]);
    const director = await sales
      .http()
      .get('/quotas/teams/director?from=2026-02&to=2026-02')
      .set('authorization', await as('director'))
      .expect(200);
    expect(director.body.months[0]).toMatchObject({
      members: 7,
      revenue: { actual: 400000 },
      prospects: { actual: 2 },
    });
    for (const [viewer, team, status] of [
      ['west', 'east', 404],
      ['rep-e1', 'east', 404],
      ['rep-e2', 'rep-e1', 404],
      ['rep-e1', 'rep-e1a', 200],
      ['director', 'west', 200],
      ['admin', 'east', 200],
    ] as const) {
      const answer = await sales
        .http()
        .get(`/quotas/teams/${team}`)
        .set('authorization', await as(viewer));
      expect({ viewer, team, status: answer.status }).toEqual({ viewer, team, status });
    }
  });

  it('lets a manager set quotas only below them: 404 outside the branch, 403 for a rep', async () => {
    const cases: [string, string, number][] = [
      ['east', 'rep-e1a', 200],
      ['director', 'east', 200],
      ['admin', 'director', 200],
      ['west', 'rep-e1', 404],
      ['east', 'rep-w1', 404],
      ['east', 'nobody', 404],
      ['rep-e1', 'rep-e1a', 403],
      ['rep-e2', 'rep-e2', 403],
    ];
    for (const [by, userId, status] of cases) {
      const res = await setQuota(by, userId, '2026-04', 5, 1000);
      expect({ by, userId, status: res.status }).toEqual({ by, userId, status });
      if (status >= 400) expect(res.headers['content-type']).toContain('application/problem+json');
    }
    const own = await setQuota('east', 'east', '2026-04', 5, 1000);
    expect(own.status).toBe(400);
    expect(own.body.errors).toEqual([expect.objectContaining({ field: 'userId' })]);
  });

  it('answers bad input with 400 problem+json naming the field', async () => {
    const east = await as('east');
    const cases: [() => ReturnType<ReturnType<SalesHarness['http']>['get']>, string][] = [
      [
        () =>
          sales
            .http()
            .put('/quotas/rep-e1/2026-13')
            .send({ prospects: 1, revenue: { amount: 1 } }),
        'month',
      ],
      [
        () =>
          sales
            .http()
            .put('/quotas/rep-e1/2026-05')
            .send({ prospects: -1, revenue: { amount: 1 } }),
        'prospects',
      ],
      [
        () =>
          sales
            .http()
            .put('/quotas/rep-e1/2026-05')
            .send({ prospects: 1.5, revenue: { amount: 1 } }),
        'prospects',
      ],
      [() => sales.http().put('/quotas/rep-e1/2026-05').send({ prospects: 1 }), 'revenue'],
      [
        () =>
          sales
            .http()
            .put('/quotas/rep-e1/2026-05')
            .send({ prospects: 1, revenue: { amount: -5 } }),
        'revenue.amount',
      ],
      [
        () =>
          sales
            .http()
            .put('/quotas/rep-e1/2026-05')
            .send({ prospects: 1, revenue: { amount: 5, currency: 'USD' } }),
        'revenue.currency',
      ],
      [() => sales.http().get('/quotas?month=March'), 'month'],
      [() => sales.http().get('/quotas/behind?month=2026-1'), 'month'],
      [() => sales.http().get('/quotas/teams/east?from=2026-03&to=2026-01'), 'to'],
      [() => sales.http().get('/quotas/teams/east?from=2025-01&to=2026-03'), 'to'],
    ];
    for (const [send, field] of cases) {
      const res = await send().set('authorization', east);
      expect({ field, status: res.status }).toEqual({ field, status: 400 });
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });

  it('publishes quota.set through the outbox to Kafka, one aggregate per person and month', async () => {
    const first = await setQuota('east', 'rep-e2', '2026-06', 3, 90000);
    const changed = await setQuota('east', 'rep-e2', '2026-06', 5, 120000);
    expect(changed.body.id).toBe(first.body.id);
    const events = (await sales.outbox(QuotaSet.type)).filter((e) => e.aggregateId === first.body.id);
    expect(events.map((e) => e.payload)).toEqual([
      expect.objectContaining({
        userId: 'rep-e2',
        month: '2026-06',
        prospects: 3,
        revenue: { amount: 90000, currency: 'CNY' },
        setBy: 'east',
      }),
      expect.objectContaining({ prospects: 5, revenue: { amount: 120000, currency: 'CNY' } }),
    ]);
    expect(events[0]).toMatchObject({
      aggregateType: 'quota',
      actor: expect.objectContaining({ id: 'east' }),
    });

    const received: TransportMessage[] = [];
    const transport = sales.app.get(MessageTransport);
    await transport.ensureTopics([topicFor(QuotaSet)]);
    await transport.subscribe({
      groupId: 'quota-test-reader',
      topics: [topicFor(QuotaSet)],
      handle: async (message) => void received.push(message),
    });
    await eventually(() =>
      expect(
        received
          .filter((m) => m.key === first.body.id)
          .map((m) => JSON.parse(String(m.value)).payload.prospects),
      ).toEqual([3, 5]),
    );
  });
});
