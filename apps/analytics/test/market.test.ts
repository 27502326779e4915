import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { EventEnvelope, PartnerKinds, Roles } from '@crm/contracts';
import { kafkaTransportOptions } from '@crm/messaging';
import { eventually, testPlatformConfig } from '@crm/testing';
import { ProjectionRebuild } from '../src/rebuild/projection-rebuild';
import { AnalyticsHarness } from './analytics.harness';
import { expectProcessed } from './processed-events';
import { orderEvent, repairEvent } from './market-events.fixture';
import { registerDealer } from './sales-events.fixture';
import { publishEnvelopes, registerStation, registerVehicle, TicketStory } from './ticket-events.fixture';

/** Three years of a rising, seasonal monthly amount (Nov 2023 to Oct 2026), and its noise-free continuation. */
const SEASON = [-30, -20, -5, 5, 15, 30, 40, 25, 10, -10, -25, -35];
const trueAmount = (t: number) => 200_000 + 2_000 * t + SEASON[t % 12] * 1_000;
/** Noise of period 31, so no part of it is seasonal: within +-1,500. */
const noise = (t: number) => (((t * 17) % 31) - 15) * 100;
const shanghaiAmount = (t: number) => trueAmount(t) + noise(t);
const monthOf = (t: number) => {
  const index = 2023 * 12 + 10 + t;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};
// Noon in Shanghai on the 15th: inside the month whatever the zone.
const placedIn = (month: string, day = 15) => `${month}-${String(day).padStart(2, '0')}T04:00:00.000Z`;
const AUG_TO_OCT = 'from=2026-08&to=2026-11';
const AUG = 33;
/** Repairs per month at the Shanghai station: a yearly pattern (more in summer and winter) on a slow rise. */
const REPAIR_SEASON = [3, 2, 2, 1, 1, 2, 3, 4, 3, 2, 1, 2];
const repairsIn = (t: number) => REPAIR_SEASON[t % 12] + Math.floor(t / 12);

describe('market view: volumes by region, product and rep with a Holt-Winters forecast (real Kafka and PostgreSQL)', () => {
  let harness: AnalyticsHarness;
  let analyst: string;
  const namespace = `m${randomBytes(4).toString('hex')}.`;
  const shanghaiDealer = randomUUID();
  const zhejiangDealer = randomUUID();
  const [alice, bob] = ['alice', 'bob'].map((name) => `${name}-${randomBytes(2).toString('hex')}`);
  const events: EventEnvelope[] = [];

  const market = async (query: string, path = '', token = analyst) =>
    (await harness.http().get(`/analytics/market${path}?${query}`).set('Authorization', token).expect(200))
      .body;
  // A new consumer group may take a while to join on a busy machine: the wait is for the events, not a time.
  const allApplied = (list: EventEnvelope[]) => eventually(() => expectProcessed(harness, list), 120_000);
  const series = (body: { items: Array<{ key: string; values: number[]; total: number }> }) =>
    body.items.map(({ key, values, total }) => ({ key, values, total }));

  beforeAll(async () => {
    harness = await AnalyticsHarness.start({ kafkaNamespace: namespace });
    analyst = await harness.auth({ roles: [Roles.analyst] });
    await registerDealer(harness, shanghaiDealer, 'Shanghai');
    await registerDealer(harness, zhejiangDealer, 'Zhejiang');
    for (let t = 0; t < 36; t++)
      events.push(
        orderEvent({
          ownerId: alice,
          dealerId: shanghaiDealer,
          placedAt: placedIn(monthOf(t)),
          lines: [{ model: 'i5', quantity: 1, lineTotal: shanghaiAmount(t) }],
        }),
      );
    events.push(
      orderEvent({
        ownerId: bob,
        dealerId: zhejiangDealer,
        placedAt: placedIn('2026-09', 10),
        lines: [
          { model: 'i5', quantity: 1, lineTotal: 150_000 },
          { model: 'iX', quantity: 2, lineTotal: 400_000 },
        ],
      }),
      orderEvent({
        ownerId: bob,
        dealerId: zhejiangDealer,
        placedAt: placedIn('2026-10', 5),
        lines: [{ model: 'iX', quantity: 1, lineTotal: 210_000 }],
      }),
      // Counted as an order; its amount, in USD, is left out of the CNY amounts (ADR 0016).
      orderEvent({
        ownerId: bob,
        dealerId: zhejiangDealer,
        placedAt: placedIn('2026-10', 20),
        lines: [{ model: 'i5', quantity: 1, lineTotal: 30_000 }],
        currency: 'USD',
      }),
    );
    const station = await registerStation(harness, 'Pudong', 'Shanghai');
    const vehicle = await registerVehicle(harness, 'i5');
    const stories: TicketStory[] = [];
    for (const sellingDealerId of [zhejiangDealer, null]) {
      const story = new TicketStory({ vehicleId: vehicle, sellingDealerId });
      stories.push(story);
      story.step('ticket.opened', 0, 'new');
      events.push(
        story.step('ticket.routed', 1, 'routed', {
          stationId: station,
          distanceMeters: 1200,
          radiusKm: 10,
          candidates: [],
        }),
      );
      events.push(story.events[0]);
    }
    for (let t = 0; t < 36; t++)
      for (let i = 0; i < repairsIn(t); i++)
        events.push(
          repairEvent({ stationId: station, vehicleId: vehicle, repairedAt: placedIn(monthOf(t), 3 + i) }),
        );
    // November 2026: one repair on the ticket of the vehicle the Zhejiang dealer sold, one of an unknown vehicle.
    events.push(
      repairEvent({
        ticketId: stories[0].ticketId,
        stationId: station,
        vehicleId: vehicle,
        repairedAt: placedIn('2026-11'),
      }),
      repairEvent({ stationId: station, vehicleId: null, repairedAt: placedIn('2026-11', 16) }),
    );
    await publishEnvelopes(harness, events);
    await allApplied(events);
  }, 180_000);

  afterAll(async () => {
    await harness?.stop();
  });

  const aliceAugToOct = [AUG, AUG + 1, AUG + 2].map(shanghaiAmount);

  it('counts orders and sums their amounts per month by region, product and rep', async () => {
    const byRegion = await market(`${AUG_TO_OCT}&quarters=1`);
    expect(byRegion).toMatchObject({
      dimension: 'region',
      metric: 'orders',
      months: ['2026-08', '2026-09', '2026-10'],
      forecastMonths: ['2026-11', '2026-12', '2027-01'],
      total: 2,
      limit: 20,
      offset: 0,
    });
    expect(series(byRegion)).toEqual([
      { key: 'Shanghai', values: [1, 1, 1], total: 3 },
      { key: 'Zhejiang', values: [0, 1, 2], total: 3 },
    ]);
    expect(byRegion.totals).toMatchObject({ key: null, values: [1, 2, 3], total: 6 });
    expect(byRegion.window.basis).toBe(
      'orders placed in the months [from, to) of the sales calendar (Asia/Shanghai)',
    );

    const byProduct = await market(`${AUG_TO_OCT}&dimension=product&metric=amount`);
    const i5 = [aliceAugToOct[0], aliceAugToOct[1] + 150_000, aliceAugToOct[2]];
    expect(series(byProduct)).toEqual([
      { key: 'i5', values: i5, total: i5[0] + i5[1] + i5[2] },
      { key: 'iX', values: [0, 400_000, 210_000], total: 610_000 },
    ]);
    const byRep = await market(`${AUG_TO_OCT}&dimension=rep&metric=amount&limit=1`);
    expect(byRep).toMatchObject({ total: 2, limit: 1, offset: 0 });
    expect(series(byRep)).toEqual([{ key: bob, values: [0, 550_000, 210_000], total: 760_000 }]);
  });

  it('counts service tickets by the station region and the vehicle model; tickets have no rep', async () => {
    const tickets = await market('from=2026-11&to=2026-12&metric=tickets');
    expect(series(tickets)).toEqual([{ key: 'Shanghai', values: [2], total: 2 }]);
    expect(series(await market('from=2026-11&to=2026-12&metric=tickets&dimension=product'))).toEqual([
      { key: 'i5', values: [2], total: 2 },
    ]);
    expect(tickets.forecast).toBeUndefined();
    expect(tickets.items[0].forecast).toMatchObject({
      method: 'naive',
      values: [2, 2, 2, 2, 2, 2],
      backtest: null,
    });
    const { body } = await harness
      .http()
      .get('/analytics/market?metric=tickets&dimension=rep')
      .set('Authorization', analyst)
      .expect(400);
    expect(JSON.stringify(body)).toContain('dimension');
  });

  it('counts repairs by the station region and the vehicle model, forecast with the backtest beside it', async () => {
    const history = Array.from({ length: 36 }, (_, t) => repairsIn(t));
    const total = history.reduce((sum, n) => sum + n, 0);
    const byRegion = await market('from=2023-11&to=2026-11&metric=repairs');
    expect(series(byRegion)).toEqual([{ key: 'Shanghai', values: history, total }]);
    expect(byRegion.window.basis).toContain('repairs done');
    const { forecast } = byRegion.items[0];
    expect(forecast.method).toBe('holt-winters-additive');
    expect(forecast.values).toHaveLength(6);
    expect(forecast.backtest).toMatchObject({ holdoutMonths: 6, actual: history.slice(30) });
    expect(forecast.backtest.mae).toBeLessThan(1);
    expect(series(await market('from=2026-11&to=2026-12&metric=repairs&dimension=product'))).toEqual([
      { key: '', values: [1], total: 1 },
      { key: 'i5', values: [1], total: 1 },
    ]);
    const { body } = await harness
      .http()
      .get('/analytics/market?metric=repairs&dimension=rep')
      .set('Authorization', analyst)
      .expect(400);
    expect(JSON.stringify(body)).toContain('dimension');
  });

  it('forecasts the next quarters of a seasonal series with Holt-Winters, close to its known continuation, with the backtest error beside it', async () => {
    const body = await market('from=2023-11&to=2026-11&dimension=region&metric=amount&quarters=2');
    expect(body.forecastMonths).toEqual(['2026-11', '2026-12', '2027-01', '2027-02', '2027-03', '2027-04']);
    const shanghai = body.items.find((item: { key: string }) => item.key === 'Shanghai');
    expect(shanghai.values).toEqual(Array.from({ length: 36 }, (_, t) => shanghaiAmount(t)));
    const { method, parameters, values, backtest } = shanghai.forecast;
    expect(method).toBe('holt-winters-additive');
    expect(parameters).toEqual({
      alpha: expect.any(Number),
      beta: expect.any(Number),
      gamma: expect.any(Number),
    });
    const truth = [36, 37, 38, 39, 40, 41].map(trueAmount);
    values.forEach((value: number, i: number) =>
      expect(Math.abs(value - truth[i]) / truth[i]).toBeLessThan(0.03),
    );
    expect(backtest).toMatchObject({ holdoutMonths: 6, method: 'holt-winters-additive' });
    expect(backtest.actual).toEqual([30, 31, 32, 33, 34, 35].map(shanghaiAmount));
    expect(backtest.mape).toBeLessThan(0.03);
    expect(backtest.smape).toBeLessThan(0.03);
    expect(backtest.mae).toBeGreaterThan(0);
    console.log(
      `market forecast backtest (Shanghai, amount, 6 months held out): MAPE ${(backtest.mape * 100).toFixed(2)} %, sMAPE ${(backtest.smape * 100).toFixed(2)} %, MAE ${backtest.mae.toFixed(0)} CNY; parameters ${JSON.stringify(parameters)}`,
    );

    const multiplicative = await market('from=2023-11&to=2026-11&metric=amount&seasonality=multiplicative');
    expect(multiplicative.items[0].forecast.method).toBe('holt-winters-multiplicative');
    const short = await market('from=2025-11&to=2026-11&metric=amount&holdout=3');
    expect(short.items[0].forecast.method).toBe('holt-linear');
    expect(short.items[0].forecast.parameters.gamma).toBeNull();
    expect(short.items[0].forecast.backtest).toMatchObject({ holdoutMonths: 3, method: 'holt-linear' });
  });

  it('shows a dealer its own figures only, and no figures to a rep', async () => {
    const dealer = await harness.auth({
      roles: [Roles.dealer],
      partnerId: zhejiangDealer,
      partnerKind: PartnerKinds.dealer,
    });
    const own = await market(
      `${AUG_TO_OCT}&dimension=rep&metric=amount`,
      `/dealers/${zhejiangDealer}`,
      dealer,
    );
    expect(series(own)).toEqual([{ key: bob, values: [0, 550_000, 210_000], total: 760_000 }]);
    const ownTickets = await market(
      'from=2026-11&to=2026-12&metric=tickets',
      `/dealers/${zhejiangDealer}`,
      dealer,
    );
    expect(series(ownTickets)).toEqual([{ key: 'Shanghai', values: [1], total: 1 }]);
    const ownRepairs = await market(
      'from=2026-11&to=2026-12&metric=repairs',
      `/dealers/${zhejiangDealer}`,
      dealer,
    );
    expect(series(ownRepairs)).toEqual([{ key: 'Shanghai', values: [1], total: 1 }]);
    const http = harness.http();
    await http.get(`/analytics/market/dealers/${shanghaiDealer}`).set('Authorization', dealer).expect(404);
    await http.get('/analytics/market').set('Authorization', dealer).expect(403);
    await http.get('/analytics/market/export').set('Authorization', dealer).expect(403);
    const rep = await harness.auth({ roles: [Roles.salesRep] });
    await http.get('/analytics/market').set('Authorization', rep).expect(403);
    await http.get(`/analytics/market/dealers/${zhejiangDealer}`).set('Authorization', rep).expect(403);
    const manager = await harness.auth({ roles: [Roles.serviceManager] });
    expect(series(await market(AUG_TO_OCT, '', manager))).toHaveLength(2);
  });

  it('changes nothing for a duplicate or an out-of-order copy of an order', async () => {
    const query = 'from=2023-11&to=2026-11&metric=amount&dimension=product';
    const before = await market(query);
    const first = events[0];
    const olderCopy = orderEvent(
      {
        ownerId: bob,
        dealerId: zhejiangDealer,
        placedAt: placedIn('2024-02'),
        lines: [{ model: 'iX', quantity: 1, lineTotal: 1 }],
      },
      first.aggregateId,
      '2023-01-01T00:00:00.000Z',
    );
    await publishEnvelopes(harness, [...events.slice(0, 5), olderCopy]);
    await allApplied([olderCopy]);
    const after = await market(query);
    expect(after.items).toEqual(before.items);
    expect(after.totals).toEqual(before.totals);
  });

  it('rebuilds from offset zero to the same numbers and forecasts', async () => {
    const queries = [
      'from=2023-11&to=2026-11&metric=amount',
      `${AUG_TO_OCT}&dimension=product`,
      'from=2026-11&to=2026-12&metric=tickets&dimension=product',
      'from=2023-11&to=2026-12&metric=repairs',
    ];
    const before = await Promise.all(queries.map((query) => market(query)));
    await new ProjectionRebuild({
      dataSource: harness.app.get(DataSource),
      kafka: kafkaTransportOptions(
        'analytics',
        testPlatformConfig({
          DATABASE_URL: harness.database.url,
          AUTH_JWKS_URL: harness.tokens.jwksUrl,
          KAFKA_NAMESPACE: namespace,
        }),
      ),
      generation: 'market',
    }).run();
    const after = await Promise.all(queries.map((query) => market(query)));
    after.forEach((body, i) => {
      expect(body.items).toEqual(before[i].items);
      expect(body.totals).toEqual(before[i].totals);
    });
  }, 120_000);

  it('streams every key and month as CSV, history then forecast', async () => {
    const csv = await harness
      .http()
      .get(`/analytics/market/export?${AUG_TO_OCT}&quarters=1`)
      .set('Authorization', analyst)
      .expect(200)
      .expect('content-type', /text\/csv/);
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe('"region","month","kind","orders","method"');
    expect(lines).toHaveLength(1 + 2 * 6);
    expect(lines[1]).toBe('"Shanghai","2026-08","actual","1","holt-linear"');
    expect(lines[4]).toMatch(/^"Shanghai","2026-11","forecast","[\d.]+","holt-linear"$/);
  });

  it('answers bad input with 400 naming the field', async () => {
    const http = harness.http();
    for (const [query, field] of [
      ['from=2026-13', 'from'],
      ['from=2026-11&to=2026-10', 'from'],
      ['from=2000-01&to=2026-10', 'from'],
      ['dimension=team', 'dimension'],
      ['metric=profit', 'metric'],
      ['quarters=5', 'quarters'],
      ['seasonality=cubic', 'seasonality'],
      ['dealerId=x', 'dealerId'],
    ]) {
      const { body } = await http.get(`/analytics/market?${query}`).set('Authorization', analyst).expect(400);
      expect(JSON.stringify(body)).toContain(field);
    }
  });
});
