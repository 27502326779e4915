import 'reflect-metadata';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client, Pool } from 'pg';
import { DataSource, Logger as TypeOrmLogger } from 'typeorm';
import { Roles } from '@crm/contracts';
import { TestTokenIssuer } from '@crm/testing';
import { serviceMigrations } from '../src/migrations';
import { EXAMINED_CANDIDATES, ROUTING_RADII_KM, StationCandidate } from '../src/routing/routing-need';
import { StationCandidateRepository } from '../src/routing/station-candidate.repository';
import { recreateDatabase } from '../../../test/bench/bench-database';
import { forkServer, listeningPort, stopServer } from '../../../test/bench/bench-process';
import { formatStats, latencyStats, LatencyStats, log, mulberry32 } from '../../../test/bench/latency-stats';
import { copyStations, routingQuestion } from './routing-data';

const DATABASE = 'crm_bench_routing';
const SIZES = (process.env.BENCH_STATIONS ?? '10000,100000,1000000').split(',').map(Number);
const ROUTINGS = Number(process.env.BENCH_ROUTINGS ?? 2_000);
const STEPS = Number(process.env.BENCH_STEPS ?? 1_000);
const BRUTE_ROUTINGS = Number(process.env.BENCH_BRUTE_ROUTINGS ?? 50);
const CUSTOMERS = 20_000;
const WARMUP = 100;
/** ts-node compiles the app on start: minutes when other work loads the cores. */
const START_TIMEOUT_MS = 300_000;
/** NearestStationFinder's batch: it asks for the nearest three, in case one fills up before the claim. */
const ABLE_BATCH = 3;
const LARGEST_RADIUS_M = ROUTING_RADII_KM[ROUTING_RADII_KM.length - 1] * 1000;

/**
 * The baseline: the best plan PostgreSQL 15 gives these rules without PostGIS (not installed here), written
 * by hand on a raw pg pool: a KNN walk of the GiST index in `<->` order that stops at the LIMIT (ties kept),
 * stopping as well at stations beyond the radius, then the tie-break keys. Nothing of the app's code is used.
 */
const BASELINE_ABLE = `SELECT id FROM (
    SELECT id, code, lat, lon, capacity, open_tickets, active, skills, brands FROM service.station
     WHERE (active AND NOT (id = ANY($5::uuid[])) AND skills @> ARRAY[$3::text]
            AND ($4::text IS NULL OR brands @> ARRAY[$4::text]) AND open_tickets < capacity)
        OR earth_distance(ll_to_earth(lat, lon), ll_to_earth($1, $2)) > $6
     ORDER BY ll_to_earth(lat, lon) <-> ll_to_earth($1, $2) FETCH FIRST $7 ROWS WITH TIES) walk
  WHERE active AND NOT (id = ANY($5::uuid[])) AND skills @> ARRAY[$3::text]
    AND ($4::text IS NULL OR brands @> ARRAY[$4::text]) AND open_tickets < capacity
    AND earth_distance(ll_to_earth(lat, lon), ll_to_earth($1, $2)) <= $6
  ORDER BY ll_to_earth(lat, lon) <-> ll_to_earth($1, $2), open_tickets::float8 / NULLIF(capacity, 0) NULLS LAST, code
  LIMIT $7`;

/** Not a baseline, an answer check: the same rules with every row read and sorted (no index at all). */
const DISTANCE = `earth_distance(ll_to_earth(lat, lon), ll_to_earth($1, $2))`;
const FULL_SCAN_ABLE = `SELECT id FROM service.station
  WHERE active AND NOT (id = ANY($5::uuid[])) AND skills @> ARRAY[$3::text]
    AND ($4::text IS NULL OR brands @> ARRAY[$4::text]) AND open_tickets < capacity AND ${DISTANCE} <= $6
  ORDER BY ${DISTANCE}, open_tickets::float8 / NULLIF(capacity, 0) NULLS LAST, code LIMIT $7`;

/** Keeps the last statement TypeORM ran while capturing, to EXPLAIN the repository's own SQL. */
class StatementCapture implements TypeOrmLogger {
  capturing = false;
  last?: { sql: string; params: unknown[] };
  logQuery(sql: string, params?: unknown[]): void {
    if (this.capturing) this.last = { sql, params: params ?? [] };
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

type Question = ReturnType<typeof routingQuestion>;

interface Routing {
  able: StationCandidate[];
  radiusKm: number;
  calls: number;
}

interface SizeResult {
  stations: number;
  query: LatencyStats;
  baseline: LatencyStats;
  finder: LatencyStats;
  fullScan: LatencyStats;
  step: LatencyStats;
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

/** The candidate query alone: the repository's statement through TypeORM, and the hand-written baseline. */
class CandidateQueryBench {
  private readonly candidates = new StationCandidateRepository();
  private readonly queryMs: number[] = [];

  constructor(
    private readonly db: DataSource,
    private readonly capture: StatementCapture,
    private readonly baseline: Pool,
  ) {}

  /** What NearestStationFinder asks: the nearest able stations, widening the radius until one qualifies. */
  async nearestAble({ at, need }: Question): Promise<Routing> {
    let calls = 0;
    for (const radiusKm of ROUTING_RADII_KM) {
      calls++;
      const [able, ms] = await timed(() =>
        this.candidates.findNearestAble(this.db.manager, at, { ...need, radiusKm }, ABLE_BATCH),
      );
      this.queryMs.push(ms);
      if (able.length > 0) return { able, radiusKm, calls };
    }
    return { able: [], radiusKm: ROUTING_RADII_KM[ROUTING_RADII_KM.length - 1], calls };
  }

  /** The finder's candidate queries for one ticket: the widening search, then the explanation at its radius. */
  private async decide(question: Question): Promise<Routing> {
    const routing = await this.nearestAble(question);
    const { at, need } = question;
    await this.candidates.examineNear(
      this.db.manager,
      at,
      { ...need, radiusKm: routing.radiusKm },
      EXAMINED_CANDIDATES,
    );
    return routing;
  }

  async baselineAble({ at, need }: Question, radiusKm: number): Promise<string[]> {
    const params = [
      at.lat,
      at.lon,
      need.skill,
      need.brand,
      need.excludedStationIds,
      radiusKm * 1000,
      ABLE_BATCH,
    ];
    const { rows } = await this.baseline.query<{ id: string }>(BASELINE_ABLE, params);
    return rows.map((row) => row.id);
  }

  async fullScanAble({ at, need }: Question): Promise<string | null> {
    const params = [at.lat, at.lon, need.skill, need.brand, need.excludedStationIds, LARGEST_RADIUS_M, 1];
    const { rows } = await this.baseline.query<{ id: string }>(FULL_SCAN_ABLE, params);
    return rows[0]?.id ?? null;
  }

  async measure(stations: number, questions: Question[]) {
    log(`${stations} stations: plan of the first question's first findNearestAble call (25 km):`);
    await this.explain(questions[0], ROUTING_RADII_KM[0]);
    for (const question of questions.slice(0, WARMUP)) await this.nearestAble(question);
    this.queryMs.length = 0;
    const [finder, baseline] = [[], []] as number[][];
    const routings: Routing[] = [];
    let differ = 0;
    for (const question of questions) {
      const [routing, ms] = await timed(() => this.decide(question));
      finder.push(ms);
      routings.push(routing);
      // The baseline asks once per call the app made, at the same radii.
      for (const radiusKm of ROUTING_RADII_KM.slice(0, routing.calls)) {
        const [ids, baselineMs] = await timed(() => this.baselineAble(question, radiusKm));
        baseline.push(baselineMs);
        if (radiusKm === routing.radiusKm && ids.join() !== routing.able.map((c) => c.stationId).join())
          differ++;
      }
    }
    const fullScan: number[] = [];
    let fullScanDiffer = 0;
    for (const [i, question] of questions.slice(0, BRUTE_ROUTINGS).entries()) {
      const [nearest, ms] = await timed(() => this.fullScanAble(question));
      fullScan.push(ms);
      if (nearest !== (routings[i].able[0]?.stationId ?? null)) fullScanDiffer++;
    }
    const calls = routings.reduce((sum, r) => sum + r.calls, 0);
    log(
      `${stations} stations: ${questions.length} candidate searches, ${routings.filter((r) => r.calls > 1).length} ` +
        `widened past 25 km, ${routings.filter((r) => r.able.length === 0).length} found no able station within ` +
        `500 km, ${calls} findNearestAble calls; baseline answers differing: ${differ}; full scan checked on ` +
        `${fullScan.length}, nearest differing: ${fullScanDiffer}`,
    );
    const asker = routings.flatMap((routing, i) => Array<number>(routing.calls).fill(i));
    const slowest = asker[this.queryMs.indexOf(Math.max(...this.queryMs))];
    log(`plan of the question with the slowest findNearestAble call, at the radius it stopped at:`);
    await this.explain(questions[slowest], routings[slowest].radiusKm);
    return {
      query: latencyStats(this.queryMs),
      baseline: latencyStats(baseline),
      finder: latencyStats(finder),
      fullScan: latencyStats(fullScan),
    };
  }

  /** Prints the plan of the repository's own statement. */
  private async explain({ at, need }: Question, radiusKm: number): Promise<void> {
    this.capture.capturing = true;
    await this.candidates.findNearestAble(this.db.manager, at, { ...need, radiusKm }, ABLE_BATCH);
    this.capture.capturing = false;
    const { sql, params } = this.capture.last ?? { sql: '', params: [] };
    const plan: { 'QUERY PLAN': string }[] = await this.db.query(
      `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${sql}`,
      params,
    );
    console.log(plan.map((line) => `    ${line['QUERY PLAN']}`).join('\n'));
  }
}

interface OpenedTicket {
  status: string;
  stationId: string | null;
}

/**
 * The routing step as an agent meets it: POST /tickets for a known customer at a place, answered once the
 * ticket is opened, its station chosen, the decision journaled and the transaction committed.
 */
class RoutingStepBench {
  constructor(
    private readonly url: string,
    private readonly token: string,
    private readonly customers: string[],
  ) {}

  private async open({ at, need }: Question, customerId: string): Promise<OpenedTicket> {
    const response = await fetch(`${this.url}/tickets`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        customerId,
        qualityType: need.skill,
        ...(need.brand ? { brand: need.brand } : {}),
        description: '刹车时有异响',
        channel: 'phone',
        location: at,
      }),
    });
    const text = await response.text();
    if (response.status !== 201) throw new Error(`POST /tickets: HTTP ${response.status} ${text}`);
    return JSON.parse(text) as OpenedTicket;
  }

  async measure(stations: number, questions: Question[]): Promise<LatencyStats> {
    const random = mulberry32(stations);
    const customer = () => this.customers[Math.floor(random() * this.customers.length)];
    for (const question of questions.slice(0, WARMUP)) await this.open(question, customer());
    const latencies: number[] = [];
    const outcomes = new Map<string, number>();
    for (const question of questions.slice(WARMUP)) {
      const [ticket, ms] = await timed(() => this.open(question, customer()));
      latencies.push(ms);
      outcomes.set(ticket.status, (outcomes.get(ticket.status) ?? 0) + 1);
    }
    log(
      `${stations} stations: ${latencies.length} tickets opened over HTTP (after ${WARMUP} warm-up), outcomes: ` +
        [...outcomes].map(([status, n]) => `${n} ${status}`).join(', '),
    );
    return latencyStats(latencies);
  }
}

function report(results: SizeResult[]): void {
  const head = 'p50      p95      p99      max';
  console.log(`\n${'stations'.padStart(8)}  ${'measure'.padEnd(48)} |      ${head} | p95 / baseline p95`);
  for (const r of results) {
    for (const [label, stats] of [
      ['candidate query (findNearestAble, one call)', r.query],
      ['baseline: same KNN walk, hand-written, raw pg', r.baseline],
      ['candidate queries of one routing (finder)', r.finder],
      ['full scan, nearest able (answer check only)', r.fullScan],
      ['routing step (POST /tickets, HTTP, committed)', r.step],
    ] as const) {
      console.log(
        `${String(r.stations).padStart(8)}  ${label.padEnd(48)} | ${formatStats(stats)} | ` +
          `${(stats.p95 / r.baseline.p95).toFixed(2)}`,
      );
    }
  }
  const at = results.find((r) => r.stations === 100_000) ?? results[results.length - 1];
  const size = `${at.stations / 1000}k stations`;
  console.log(`routing step p95 ms at ${size}: ${at.step.p95.toFixed(2)}`);
  console.log(`routing p95 ms at ${size}: ${at.query.p95.toFixed(2)}`);
}

/** Customers the service knows (its replica of the customer master), so tickets can be opened for them. */
async function insertCustomers(loader: Client): Promise<string[]> {
  const { rows } = await loader.query<{ customer_id: string }>(
    `INSERT INTO service.customer_contact (customer_id, phones, emails, consented_channels)
     SELECT gen_random_uuid(), ARRAY['+8613' || lpad(n::text, 9, '0')], '{}', '{sms}' FROM generate_series(1, $1) n
     RETURNING customer_id`,
    [CUSTOMERS],
  );
  return rows.map((row) => row.customer_id);
}

async function startService(databaseUrl: string, jwksUrl: string) {
  const server = forkServer(join(__dirname, 'routing-server.ts'), {
    BENCH_DATABASE_URL: databaseUrl,
    BENCH_JWKS_URL: jwksUrl,
    BENCH_REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
  });
  const port = await listeningPort(server, 'service', START_TIMEOUT_MS);
  return { server, url: `http://127.0.0.1:${port}` };
}

async function main(): Promise<void> {
  const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const url = await recreateDatabase(adminUrl, DATABASE);
  const capture = new StatementCapture();
  const db = new DataSource({
    type: 'postgres',
    url,
    migrations: serviceMigrations,
    migrationsTableName: 'migrations_service',
    logging: ['query'],
    logger: capture,
  });
  await db.initialize();
  await db.runMigrations({ transaction: 'each' });
  const loader = new Client({ connectionString: url });
  await loader.connect();
  const baseline = new Pool({ connectionString: url, max: 1 });
  const tokens = await TestTokenIssuer.start();
  const service = await startService(url, tokens.jwksUrl);
  try {
    const queries = new CandidateQueryBench(db, capture, baseline);
    const steps = new RoutingStepBench(
      service.url,
      await tokens.sign({ roles: [Roles.agent] }),
      await insertCustomers(loader),
    );
    const stationRandom = mulberry32(2026);
    const results: SizeResult[] = [];
    let loaded = 0;
    for (const size of SIZES) {
      const [mix, ms] = await timed(() => copyStations(loader, loaded, size - loaded, stationRandom));
      await loader.query(`VACUUM ANALYZE service.station`);
      log(
        `loaded ${size - loaded} stations (now ${size}; this batch ${mix.inactive} inactive, ${mix.full} full) ` +
          `with COPY in ${(ms / 1000).toFixed(1)} s`,
      );
      loaded = size;
      const questionRandom = mulberry32(7);
      const questions = Array.from({ length: Math.max(ROUTINGS, STEPS + WARMUP) }, () =>
        routingQuestion(questionRandom),
      );
      const query = await queries.measure(size, questions.slice(0, ROUTINGS));
      const step = await steps.measure(size, questions.slice(0, STEPS + WARMUP));
      results.push({ stations: size, ...query, step });
    }
    report(results);
  } finally {
    await stopServer(service.server);
    await tokens.stop();
    await baseline.end();
    await loader.end();
    await db.destroy();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
