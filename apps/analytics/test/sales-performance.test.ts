import { randomBytes, randomUUID } from 'node:crypto';
import { EventEnvelope, PartnerKinds, Roles, SalesUserPlaced } from '@crm/contracts';
import { DataSource } from 'typeorm';
import { eventually, stampedEvent } from '@crm/testing';
import { LIVE_TABLES, projectionTables } from '../src/projections/projection-tables';
import {
  forecastChange,
  opportunityFactChange,
  quotaChange,
} from '../src/sales-performance/opportunity-fact-change';
import { PostgresSalesPerformanceStore } from '../src/sales-performance/sales-performance-store';
import { AnalyticsHarness } from './analytics.harness';
import { projectionRebuild } from './rebuild.fixture';
import { forecastEvent, OpportunityStory, quotaEvent, registerDealer } from './sales-events.fixture';
import { publishEnvelopes } from './ticket-events.fixture';

// October of the sales calendar (Asia/Shanghai, UTC+8).
const OCTOBER = 'from=2026-09-30T16:00:00Z&to=2026-10-31T16:00:00Z';
const day = (d: number, month = 10) =>
  `2026-${String(month).padStart(2, '0')}-${String(d).padStart(2, '0')}T09:00:00.000Z`;

describe('sales performance from sales events (real Kafka and PostgreSQL)', () => {
  let harness: AnalyticsHarness;
  let analyst: string;
  const namespace = `s${randomBytes(4).toString('hex')}.`;
  const dealer1 = randomUUID();
  const dealer2 = randomUUID();
  const [alice, bob, carol, manager] = ['alice', 'bob', 'carol', 'east'].map(
    (name) => `${name}-${randomBytes(2).toString('hex')}`,
  );
  let events: EventEnvelope[] = [];
  let late: EventEnvelope[] = [];

  const report = async (query = '', path = 'performance', token = analyst) =>
    (
      await harness
        .http()
        .get(`/analytics/sales/${path}?${OCTOBER}${query}`)
        .set('Authorization', token)
        .expect(200)
    ).body;

  const processed = async (eventId: string) =>
    (await harness.query(`SELECT 1 FROM analytics.processed_event WHERE event_id = $1`, [eventId])).length >
    0;
  const allApplied = (list: EventEnvelope[]) =>
    eventually(async () => {
      for (const event of list) expect(await processed(event.id)).toBe(true);
    });

  beforeAll(async () => {
    harness = await AnalyticsHarness.start({ kafkaNamespace: namespace });
    analyst = await harness.auth({ roles: [Roles.analyst] });
    await registerDealer(harness, dealer1, 'Shanghai');
    await registerDealer(harness, dealer2, 'Zhejiang');

    const a1 = new OpportunityStory(alice, dealer1, 200_000).opened(day(10, 9));
    const a1Won = a1.won(day(5), 25);
    const a2 = new OpportunityStory(alice, dealer1, 130_000).opened(day(1));
    a2.moveTo('negotiation', 60, day(8));
    a2.won(day(20), 19);
    const a3 = new OpportunityStory(alice, dealer1, 90_000).opened(day(2));
    a3.lost(day(15), 13);
    const a4 = new OpportunityStory(alice, dealer1, 100_000).opened(day(3));
    a4.moveTo('negotiation', 60, day(12));
    const b1 = new OpportunityStory(bob, dealer1, 50_000).opened(day(10, 9));
    b1.won(day(10), 30);
    const b2 = new OpportunityStory(bob, dealer1, 40_000).opened(day(1));
    b2.lost(day(12), 11);
    const b3 = new OpportunityStory(bob, dealer1, 45_000).opened(day(2));
    b3.lost(day(25), 23);
    const b4 = new OpportunityStory(bob, dealer1, 80_000).opened(day(20));
    const c1 = new OpportunityStory(carol, dealer2, 70_000).opened(day(1, 9));
    c1.won(day(28, 9), 27);
    const c2 = new OpportunityStory(carol, dealer2, 50_000).opened(day(5));
    c2.moveTo('negotiation', 60, day(9));
    const c3 = new OpportunityStory(carol, dealer2, 120_000).opened(day(20));
    c3.won(day(30), 10);
    // Won, but in USD: counted as a win, its amount left out of the CNY revenue (ADR 0016).
    const c4 = new OpportunityStory(carol, dealer2, 9_999, 'USD').opened(day(5));
    c4.won(day(15), 10);

    const quotas = [
      // alice's October quota raised later: the raise arrives first.
      quotaEvent(alice, '2026-10', 300_000, day(2)),
      quotaEvent(alice, '2026-10', 250_000, day(1)),
      quotaEvent(bob, '2026-10', 200_000, day(1)),
      quotaEvent(carol, '2026-10', 100_000, day(1)),
      quotaEvent(alice, '2026-11', 999_999, day(25)),
    ];
    const forecasts = [
      // alice's October forecast revised later: the revision arrives first.
      forecastEvent(alice, manager, '2026-10', 300_000, day(3)),
      forecastEvent(alice, manager, '2026-10', 280_000, day(1)),
      forecastEvent(bob, manager, '2026-10', 100_000, day(1)),
      // Neither a team's forecast nor another month's counts in the reps' October.
      forecastEvent(manager, null, '2026-10', 900_000, day(1), 'team'),
      forecastEvent(alice, manager, '2026-11', 999_999, day(25)),
    ];
    const stories = [a1, a2, a3, a4, b1, b2, b3, b4, c1, c2, c3, c4];
    // a1 is won before it is seen opened; the rest in order.
    const others = stories
      .flatMap((story) => story.events)
      .filter((event) => event !== a1Won && event !== a1.events[0]);
    events = [a1Won, a1.events[0], ...others, ...quotas, ...forecasts];
    await publishEnvelopes(harness, events);
    await allApplied(events);
    // The region filter reads the dealers' replica, fed by another topic than the sales events.
    await eventually(async () =>
      expect(
        await harness.query(`SELECT 1 FROM ${LIVE_TABLES.dealer} WHERE dealer_id IN ($1, $2)`, [
          dealer1,
          dealer2,
        ]),
      ).toHaveLength(2),
    );
    late = [a2.moveTo('proposal', 40, day(9))];
  }, 120_000);

  afterAll(async () => {
    await harness?.stop();
  });

  const ALICE = {
    ownerId: alice,
    dealerId: null,
    won: 2,
    lost: 1,
    winRate: 2 / 3,
    wonRevenue: 330_000,
    averageCycleDays: 22,
    openOpportunities: 1,
    pipelineAmount: 100_000,
    quotaRevenue: 300_000,
    quotaAttainment: 1.1,
    managerId: null,
    name: null,
    forecastRevenue: 300_000,
    forecastAccuracy: 1 - 30_000 / 330_000,
  };
  const CAROL = {
    ownerId: carol,
    dealerId: null,
    won: 2,
    lost: 0,
    winRate: 1,
    wonRevenue: 120_000,
    averageCycleDays: 10,
    openOpportunities: 1,
    pipelineAmount: 50_000,
    quotaRevenue: 100_000,
    quotaAttainment: 1.2,
    managerId: null,
    name: null,
    forecastRevenue: null,
    forecastAccuracy: null,
  };
  const BOB = {
    ownerId: bob,
    dealerId: null,
    won: 1,
    lost: 2,
    winRate: 1 / 3,
    wonRevenue: 50_000,
    averageCycleDays: 30,
    openOpportunities: 1,
    pipelineAmount: 80_000,
    quotaRevenue: 200_000,
    quotaAttainment: 0.25,
    managerId: null,
    name: null,
    forecastRevenue: 100_000,
    forecastAccuracy: 0.5,
  };
  const TOTALS = {
    won: 5,
    lost: 3,
    winRate: 5 / 8,
    wonRevenue: 500_000,
    averageCycleDays: (25 + 19 + 30 + 10 + 10) / 5,
    openOpportunities: 3,
    pipelineAmount: 230_000,
    quotaRevenue: 600_000,
    quotaAttainment: 5 / 6,
    forecastRevenue: 400_000,
    forecastAccuracy: 0.8,
  };
  /** A rep's row once sales has published the tree, which names each person by their id here. */
  const named = <T extends { ownerId: string }>(row: T) => ({ ...row, name: row.ownerId });
  const PIPELINE = [
    { stage: 'qualification', opportunities: 1, amount: 80_000, weightedAmount: 16_000 },
    { stage: 'negotiation', opportunities: 2, amount: 150_000, weightedAmount: 90_000 },
  ];

  it('reports win rate, cycle, quota attainment per rep and the pipeline by stage, down to the person', async () => {
    const body = await report();
    expect(body.items).toEqual([ALICE, CAROL, BOB]);
    expect(body.totals).toEqual(TOTALS);
    expect(body.pipeline).toEqual(PIPELINE);
    expect(body).toMatchObject({ by: 'rep', total: 3, limit: 20, offset: 0 });
    expect(body.window).toEqual({
      from: '2026-09-30T16:00:00.000Z',
      to: '2026-10-31T16:00:00.000Z',
      basis:
        'opportunities closed in [from, to); quotas and forecasts of the months starting in it; pipeline: open now',
    });
    // c3, won on 30 October, is the newest opportunity event.
    expect(body.freshness.newestEventAt).toBe(day(30));
  });

  it("filters by rep, by region (the dealer's province) and pages", async () => {
    expect((await report(`&ownerId=${bob}`)).items).toEqual([BOB]);
    const shanghai = await report('&region=Shanghai');
    expect(shanghai.items).toEqual([ALICE, BOB]);
    expect(shanghai.pipeline.map((stage: { opportunities: number }) => stage.opportunities)).toEqual([1, 1]);
    expect((await report('&region=Anhui')).items).toEqual([]);
    const page = await report('&limit=1&offset=1');
    expect(page).toMatchObject({ total: 3, limit: 1, offset: 1, items: [CAROL] });
  });

  it("rolls reps up to the team of the manager their forecasts name, with the team's forecast accuracy", async () => {
    const byTeam = await report('&by=team');
    expect(
      byTeam.items.map((row: Record<string, unknown>) => [
        row.managerId,
        row.won,
        row.wonRevenue,
        row.forecastRevenue,
        row.forecastAccuracy,
      ]),
    ).toEqual([
      [manager, 3, 380_000, 400_000, 0.95],
      // carol: no forecast adjusted, so no manager known.
      [null, 2, 120_000, null, null],
    ]);
  });

  it('rolls every rep up to each manager above them once sales publishes its tree, the latest placement winning', async () => {
    const [director, west] = ['director', 'west'].map((name) => `${name}-${randomBytes(2).toString('hex')}`);
    const placed = (userId: string, managerId: string | null, setAt: string) =>
      stampedEvent(
        SalesUserPlaced,
        userId,
        { userId, name: userId, managerId, setBy: 'admin', setAt },
        { occurredAt: setAt },
      );
    const bobUnderEast = placed(bob, manager, day(3));
    const tree = [
      placed(director, null, day(1)),
      placed(manager, director, day(1)),
      placed(west, director, day(1)),
      placed(alice, manager, day(1)),
      placed(carol, west, day(1)),
      bobUnderEast,
      // An older placement arriving later, and a duplicate: neither moves bob.
      placed(bob, west, day(2)),
      bobUnderEast,
    ];
    await publishEnvelopes(harness, tree);
    await allApplied(tree);
    const byTeam = await report('&by=team');
    expect(
      byTeam.items.map((row: Record<string, unknown>) => [
        row.managerId,
        row.won,
        row.wonRevenue,
        row.forecastRevenue,
        row.forecastAccuracy,
      ]),
    ).toEqual([
      [director, 5, 500_000, 400_000, 0.8],
      [manager, 3, 380_000, 400_000, 0.95],
      [west, 2, 120_000, null, null],
    ]);

    // The drill: a manager's sub-teams, then the people below a manager, each with their name.
    const underDirector = await report(`&by=team&managerId=${director}`);
    expect(
      underDirector.items.map((row: { managerId: string; name: string }) => [row.managerId, row.name]),
    ).toEqual([
      [manager, manager],
      [west, west],
    ]);
    expect(underDirector.totals).toEqual(TOTALS);
    const east = await report(`&managerId=${manager}`);
    expect(east.items).toEqual([named(ALICE), named(BOB)]);
    expect(east.totals).toMatchObject({ won: 3, wonRevenue: 380_000, quotaRevenue: 500_000 });
    expect((await report(`&managerId=${alice}`)).items).toEqual([]);
  });

  it('reports per dealer, and one dealer per rep with its reps only', async () => {
    const byDealer = await report('&by=dealer');
    expect(
      byDealer.items.map((row: { dealerId: string; wonRevenue: number }) => [row.dealerId, row.wonRevenue]),
    ).toEqual([
      [dealer1, 380_000],
      [dealer2, 120_000],
    ]);
    expect(byDealer.items[0]).toMatchObject({
      ownerId: null,
      won: 3,
      lost: 3,
      quotaRevenue: null,
      quotaAttainment: null,
    });
    const one = await report('', `dealers/${dealer1}/performance`);
    expect(one.items).toEqual([named(ALICE), named(BOB)]);
    expect(one.totals).toMatchObject({ won: 3, lost: 3, wonRevenue: 380_000, quotaRevenue: 500_000 });
    expect(one.pipeline).toEqual([
      { stage: 'qualification', opportunities: 1, amount: 80_000, weightedAmount: 16_000 },
      { stage: 'negotiation', opportunities: 1, amount: 100_000, weightedAmount: 60_000 },
    ]);
  });

  it('changes nothing for a duplicate or an out-of-order event', async () => {
    const before = await report();
    await publishEnvelopes(harness, [...events.slice(0, 6), ...late]);
    await allApplied(late);
    const after = await report();
    expect(after.items).toEqual(before.items);
    expect(after.totals).toEqual(TOTALS);
    expect(after.pipeline).toEqual(PIPELINE);
  });

  it('leaves every row as it is when all events are applied again, and builds the same rows in reverse', async () => {
    const db = harness.app.get(DataSource);
    const all = [...events, ...late];
    const rows = async (tables: { opportunityFact: string; salesQuota: string; salesForecast: string }) => ({
      opportunities: await harness.query(`SELECT * FROM ${tables.opportunityFact} ORDER BY opportunity_id`),
      quotas: await harness.query(`SELECT * FROM ${tables.salesQuota} ORDER BY user_id, month`),
      forecasts: await harness.query(`SELECT * FROM ${tables.salesForecast} ORDER BY level, user_id, month`),
    });
    const apply = (store: PostgresSalesPerformanceStore, list: EventEnvelope[]) =>
      db.transaction(async (tx) => {
        for (const event of list)
          if (event.type === 'quota.set') await store.applyQuota(tx, quotaChange(event as never));
          else if (event.type === 'forecast.adjusted')
            await store.applyForecast(tx, forecastChange(event as never));
          else await store.applyOpportunityChange(tx, opportunityFactChange(event as never));
      });
    const live = await rows(LIVE_TABLES);
    await apply(new PostgresSalesPerformanceStore(LIVE_TABLES), all);
    expect(await rows(LIVE_TABLES)).toEqual(live);

    const reversed = projectionTables('reversed');
    for (const role of ['opportunityFact', 'salesQuota', 'salesForecast'] as const)
      await harness.query(`CREATE TABLE ${reversed[role]} (LIKE ${LIVE_TABLES[role]} INCLUDING ALL)`);
    await apply(new PostgresSalesPerformanceStore(reversed), [...all].reverse());
    expect(await rows(reversed)).toEqual(live);
    for (const role of ['opportunityFact', 'salesQuota', 'salesForecast'] as const)
      await harness.query(`DROP TABLE ${reversed[role]}`);
  });

  it('rebuilds from offset zero to the same numbers', async () => {
    const before = await report();
    const rebuild = projectionRebuild(harness, namespace, 'sales');
    await rebuild.run();
    const after = await report();
    expect(after.items).toEqual(before.items);
    expect(after.totals).toEqual(TOTALS);
    expect(after.pipeline).toEqual(PIPELINE);
  }, 120_000);

  it('streams the rows as CSV', async () => {
    const csv = await harness
      .http()
      .get(`/analytics/sales/performance/export?${OCTOBER}`)
      .set('Authorization', analyst)
      .expect(200)
      .expect('content-type', /text\/csv/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe(
      '"ownerId","managerId","dealerId","name","won","lost","winRate","wonRevenue","averageCycleDays","openOpportunities","pipelineAmount","quotaRevenue","quotaAttainment","forecastRevenue","forecastAccuracy"',
    );
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(
      [alice, bob, carol].map((id) => `"${id}"`).sort(),
    );
  });

  it('lets sales managers read it, a dealer its own figures only, and no rep', async () => {
    const manager = await harness.auth({ roles: [Roles.salesManager] });
    expect((await report('', 'performance', manager)).totals).toEqual(TOTALS);
    const dealer = await harness.auth({
      roles: [Roles.dealer],
      partnerId: dealer2,
      partnerKind: PartnerKinds.dealer,
    });
    expect((await report('', `dealers/${dealer2}/performance`, dealer)).items).toEqual([named(CAROL)]);
    const http = harness.http();
    await http
      .get(`/analytics/sales/dealers/${dealer1}/performance`)
      .set('Authorization', dealer)
      .expect(404);
    await http.get('/analytics/sales/performance').set('Authorization', dealer).expect(403);
    const rep = await harness.auth({ roles: [Roles.salesRep] });
    await http.get('/analytics/sales/performance').set('Authorization', rep).expect(403);
    await http.get(`/analytics/sales/dealers/${dealer1}/performance`).set('Authorization', rep).expect(403);
  });

  it('answers bad input with 400 naming the field', async () => {
    const { body } = await harness
      .http()
      .get('/analytics/sales/performance?by=region')
      .set('Authorization', analyst)
      .expect(400);
    expect(JSON.stringify(body)).toContain('by');
    await harness
      .http()
      .get('/analytics/sales/performance?dealerId=x')
      .set('Authorization', analyst)
      .expect(400);
    const tooLong = await harness
      .http()
      .get(`/analytics/sales/performance?managerId=${'m'.repeat(101)}`)
      .set('Authorization', analyst)
      .expect(400);
    expect(JSON.stringify(tooLong.body)).toContain('managerId');
  });
});
