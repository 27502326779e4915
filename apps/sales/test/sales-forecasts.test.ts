import { ForecastAdjusted } from '@crm/contracts';
import { FixedClock } from '@crm/core';
import { Outbox } from '@crm/messaging';
import { SalesHarness } from './sales.harness';
import { SEES, setClock, TEAM_TREE, teamCaller } from './sales-team.fixture';

const MID_MARCH = '2026-03-16T04:00:00Z';

interface Deal {
  owner: string;
  amount?: { amount: number; currency?: string };
  stage?: string;
  pipelineId?: string;
  expectedCloseDate: string;
  close?: { outcome: 'win' | 'lose'; at: string };
}

describe('forecasts: weighted pipeline by month, person and team, with adjustments', () => {
  const clock = new FixedClock(new Date(MID_MARCH));
  let sales: SalesHarness;
  let fleetPipelineId: string;

  const as = (who: string) => sales.auth(teamCaller(who));

  async function deal({ owner, close, ...body }: Deal): Promise<void> {
    const auth = await as(owner);
    const opened = await sales
      .http()
      .post('/opportunities')
      .set('authorization', auth)
      .send({ name: 'Deal', ...body })
      .expect(201);
    if (!close) return;
    setClock(clock, close.at);
    await sales
      .http()
      .post(`/opportunities/${opened.body.id}/${close.outcome}`)
      .set('authorization', auth)
      .send({ reason: 'decided' })
      .expect(200);
    setClock(clock, MID_MARCH);
  }

  async function adjust(by: string, body: object) {
    return sales
      .http()
      .post('/forecasts/adjustments')
      .set('authorization', await as(by))
      .send({ month: '2026-03', note: 'manager judgement', ...body });
  }

  beforeAll(async () => {
    sales = await SalesHarness.start({ clock });
    await sales.tree(TEAM_TREE);
    const fleet = await sales
      .http()
      .post('/pipelines')
      .set('authorization', await as('director'))
      .send({
        name: 'Fleet',
        stages: [
          { key: 'tender', name: 'Tender', probability: 30, forecastCategory: 'commit' },
          { key: 'shortlist', name: 'Shortlist', probability: 90 },
        ],
      })
      .expect(201);
    fleetPipelineId = fleet.body.id;
    const cny = (amount: number) => ({ amount });
    const deals: Deal[] = [
      // rep-e1, March: commit 100000 @80, best case 200000 @50, pipeline 50000.5 @10 and one without amount,
      // won 300000 in March (expected in April: counts when it closed), in USD (excluded), next month, lost.
      { owner: 'rep-e1', amount: cny(100000), stage: 'negotiation', expectedCloseDate: '2026-03-20' },
      { owner: 'rep-e1', amount: cny(200000), stage: 'test_drive', expectedCloseDate: '2026-03-31' },
      { owner: 'rep-e1', amount: cny(50000.5), stage: 'prospecting', expectedCloseDate: '2026-03-01' },
      { owner: 'rep-e1', stage: 'qualification', expectedCloseDate: '2026-03-15' },
      {
        owner: 'rep-e1',
        amount: cny(300000),
        stage: 'proposal',
        expectedCloseDate: '2026-04-15',
        close: { outcome: 'win', at: '2026-03-10T02:00:00Z' },
      },
      {
        owner: 'rep-e1',
        amount: { amount: 80000, currency: 'USD' },
        stage: 'negotiation',
        expectedCloseDate: '2026-03-10',
      },
      { owner: 'rep-e1', amount: cny(120000), stage: 'proposal', expectedCloseDate: '2026-04-02' },
      {
        owner: 'rep-e1',
        amount: cny(90000),
        expectedCloseDate: '2026-03-18',
        close: { outcome: 'lose', at: '2026-03-12T02:00:00Z' },
      },
      {
        owner: 'rep-e1',
        amount: cny(70000),
        stage: 'negotiation',
        expectedCloseDate: '2026-03-30',
        close: { outcome: 'win', at: '2026-02-27T02:00:00Z' },
      },
      // rep-e2: best case 150000 @40, and a fleet tender configured as commit at 30 %.
      { owner: 'rep-e2', amount: cny(150000), stage: 'needs_analysis', expectedCloseDate: '2026-03-25' },
      {
        owner: 'rep-e2',
        amount: cny(400000),
        pipelineId: 'fleet',
        stage: 'tender',
        expectedCloseDate: '2026-03-05',
      },
      { owner: 'rep-w1', amount: cny(1000000), stage: 'negotiation', expectedCloseDate: '2026-03-12' },
    ];
    for (const d of deals) await deal({ ...d, ...(d.pipelineId ? { pipelineId: fleetPipelineId } : {}) });
  });

  afterAll(() => sales?.stop());

  async function people(viewer: string) {
    const res = await sales
      .http()
      .get('/forecasts?month=2026-03')
      .set('authorization', await as(viewer))
      .expect(200);
    return Object.fromEntries(res.body.people.map((p: { userId: string }) => [p.userId, p]));
  }

  it('gives each stage a forecast category, configurable and by default from its probability', async () => {
    const res = await sales
      .http()
      .get('/pipelines')
      .set('authorization', await as('rep-e1'))
      .expect(200);
    const categories = (name: string) =>
      Object.fromEntries(
        res.body
          .find((p: { name: string }) => p.name === name)
          .stages.map((s: { key: string; forecastCategory: string }) => [s.key, s.forecastCategory]),
      );
    expect(categories('Vehicle sales')).toEqual({
      prospecting: 'pipeline',
      qualification: 'pipeline',
      needs_analysis: 'best_case',
      test_drive: 'best_case',
      proposal: 'best_case',
      negotiation: 'commit',
      won: 'closed',
      lost: 'omitted',
    });
    expect(categories('Fleet')).toEqual({
      tender: 'commit',
      shortlist: 'commit',
      won: 'closed',
      lost: 'omitted',
    });
  });

  it('weighs CNY amounts by stage probability per category, won ones when they closed, other currencies left out', async () => {
    const byUser = await people('director');
    expect(byUser['rep-e1'].computed).toEqual({
      closed: { count: 1, amount: 300000, weighted: 300000 },
      commit: { count: 1, amount: 100000, weighted: 80000 },
      bestCase: { count: 1, amount: 200000, weighted: 100000 },
      pipeline: { count: 2, amount: 50000.5, weighted: 5000.05 },
      weighted: 485000.05,
      excludedOtherCurrencies: 1,
    });
    expect(byUser['rep-e1']).toMatchObject({ adjusted: null, forecast: 485000.05, history: [] });
    expect(byUser['rep-e2'].computed).toMatchObject({
      commit: { count: 1, amount: 400000, weighted: 120000 },
      bestCase: { count: 1, amount: 150000, weighted: 60000 },
      weighted: 180000,
    });
    expect(byUser['rep-w1'].computed.weighted).toBe(800000);
    expect(byUser['rep-e1a'].computed.weighted).toBe(0);
  });

  it('keeps the computed number beside the adjusted one, with every adjustment (who, when, note)', async () => {
    const first = await adjust('east', {
      level: 'rep',
      userId: 'rep-e1',
      amount: { amount: 520000 },
      note: 'fleet order expected',
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ computed: 485000.05, amount: 520000, adjustedBy: 'east' });
    setClock(clock, '2026-03-17T04:00:00Z');
    await adjust('director', {
      level: 'rep',
      userId: 'rep-e1',
      amount: { amount: 510000 },
      note: 'revised',
    }).then((res) => expect(res.status).toBe(201));
    await adjust('director', {
      level: 'team',
      userId: 'east',
      amount: { amount: 700000 },
      note: 'auto show',
    }).then((res) => expect(res.status).toBe(201));
    setClock(clock, MID_MARCH);

    const rep = (await people('rep-e1'))['rep-e1'];
    expect(rep.computed.weighted).toBe(485000.05);
    expect(rep.forecast).toBe(510000);
    expect(rep.adjusted).toMatchObject({ amount: 510000, note: 'revised', adjustedBy: 'director' });
    expect(
      rep.history.map((h: { amount: number; adjustedBy: string; note: string; adjustedAt: string }) => [
        h.amount,
        h.adjustedBy,
        h.note,
        new Date(h.adjustedAt).toISOString(),
      ]),
    ).toEqual([
      [510000, 'director', 'revised', '2026-03-17T04:00:00.000Z'],
      [520000, 'east', 'fleet order expected', new Date(MID_MARCH).toISOString()],
    ]);

    const team = await sales
      .http()
      .get('/forecasts/teams/east?month=2026-03')
      .set('authorization', await as('east'))
      .expect(200);
    expect(team.body).toMatchObject({
      userId: 'east',
      month: '2026-03',
      members: 4,
      computed: {
        closed: { count: 1, amount: 300000, weighted: 300000 },
        commit: { count: 2, amount: 500000, weighted: 200000 },
        bestCase: { count: 2, amount: 350000, weighted: 160000 },
        pipeline: { count: 2, amount: 50000.5, weighted: 5000.05 },
        weighted: 665000.05,
        excludedOtherCurrencies: 1,
      },
      membersForecast: 690000,
      adjusted: {
        level: 'team',
        amount: 700000,
        computed: 665000.05,
        adjustedBy: 'director',
        note: 'auto show',
      },
      forecast: 700000,
    });
    expect(team.body.history).toHaveLength(1);
  });

  it.each(Object.keys(SEES))(
    'shows %s the forecasts of exactly themselves and everyone below',
    async (viewer) => {
      expect(Object.keys(await people(viewer)).sort()).toEqual([...SEES[viewer]].sort());
    },
  );

  it("publishes each adjustment as forecast.adjusted with the person's manager, in the adjustment's transaction", async () => {
    const published = await sales.outbox(ForecastAdjusted.type);
    expect(
      published.map(({ payload }) => {
        const { level, userId, managerId, amount } = payload as Record<string, unknown>;
        return [level, userId, managerId, amount];
      }),
    ).toEqual([
      ['rep', 'rep-e1', 'east', { amount: 520000, currency: 'CNY' }],
      ['rep', 'rep-e1', 'east', { amount: 510000, currency: 'CNY' }],
      ['team', 'east', 'director', { amount: 700000, currency: 'CNY' }],
    ]);
    expect(published[0]).toMatchObject({
      aggregateType: 'forecast',
      payload: {
        month: '2026-03',
        computed: 485000.05,
        adjustedBy: 'east',
        adjustedAt: new Date(MID_MARCH).toISOString(),
      },
    });
    const adjustments = async () =>
      (await sales.query<{ n: number }>(`SELECT count(*)::int AS n FROM sales.forecast_adjustment`))[0].n;
    const before = await adjustments();
    jest.spyOn(sales.app.get(Outbox), 'add').mockRejectedValueOnce(new Error('outbox unavailable'));
    const failed = await adjust('east', { level: 'rep', userId: 'rep-e2', amount: { amount: 1 } });
    expect(failed.status).toBe(500);
    expect(await adjustments()).toBe(before);
    expect(await sales.outbox(ForecastAdjusted.type)).toHaveLength(3);
  });

  it("answers 404 for another branch's team and person, 403 for a rep adjusting", async () => {
    const cases: [string, () => Promise<{ status: number }>, number][] = [
      [
        'west reads east',
        async () =>
          sales
            .http()
            .get('/forecasts/teams/east')
            .set('authorization', await as('west')),
        404,
      ],
      [
        'rep-e1 reads east',
        async () =>
          sales
            .http()
            .get('/forecasts/teams/east')
            .set('authorization', await as('rep-e1')),
        404,
      ],
      [
        'rep-e1 reads own',
        async () =>
          sales
            .http()
            .get('/forecasts/teams/rep-e1')
            .set('authorization', await as('rep-e1')),
        200,
      ],
      [
        'director reads west',
        async () =>
          sales
            .http()
            .get('/forecasts/teams/west')
            .set('authorization', await as('director')),
        200,
      ],
      [
        'west adjusts rep-e1',
        () => adjust('west', { level: 'rep', userId: 'rep-e1', amount: { amount: 1 } }),
        404,
      ],
      [
        'east adjusts team west',
        () => adjust('east', { level: 'team', userId: 'west', amount: { amount: 1 } }),
        404,
      ],
      [
        'east adjusts a stranger',
        () => adjust('east', { level: 'rep', userId: 'nobody', amount: { amount: 1 } }),
        404,
      ],
      [
        'rep-e1 adjusts rep-e1a',
        () => adjust('rep-e1', { level: 'rep', userId: 'rep-e1a', amount: { amount: 1 } }),
        403,
      ],
      [
        'admin adjusts team west',
        () => adjust('admin', { level: 'team', userId: 'west', amount: { amount: 1 } }),
        201,
      ],
    ];
    for (const [name, send, status] of cases)
      expect({ name, status: (await send()).status }).toEqual({ name, status });
  });

  it('answers bad input with 400 problem+json naming the field', async () => {
    const valid = { level: 'rep', userId: 'rep-e1', month: '2026-03', amount: { amount: 1 }, note: 'n' };
    const cases: [object, string][] = [
      [{ ...valid, level: 'region' }, 'level'],
      [{ ...valid, month: '2026-3' }, 'month'],
      [{ ...valid, amount: { amount: 1, currency: 'USD' } }, 'amount.currency'],
      [{ ...valid, amount: { amount: -1 } }, 'amount.amount'],
      [{ ...valid, amount: undefined }, 'amount'],
      [{ ...valid, note: '' }, 'note'],
      [{ ...valid, note: undefined }, 'note'],
    ];
    const east = await as('east');
    for (const [body, field] of cases) {
      const res = await sales.http().post('/forecasts/adjustments').set('authorization', east).send(body);
      expect({ field, status: res.status }).toEqual({ field, status: 400 });
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
    const month = await sales.http().get('/forecasts?month=03-2026').set('authorization', east).expect(400);
    expect(month.body.errors[0].field).toBe('month');
    const pipeline = await sales
      .http()
      .post('/pipelines')
      .set('authorization', east)
      .send({ name: 'Bad', stages: [{ key: 'a', name: 'A', probability: 10, forecastCategory: 'closed' }] })
      .expect(400);
    expect(pipeline.body.errors[0].field).toBe('stages.0.forecastCategory');
  });
});
