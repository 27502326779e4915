import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { DataSource, Logger as TypeOrmLogger } from 'typeorm';
import { serviceMigrations } from '../src/migrations';
import { EXAMINED_CANDIDATES, ROUTING_RADII_KM, StationCandidate } from '../src/routing/routing-need';
import { StationCandidateRepository } from '../src/routing/station-candidate.repository';
import { recreateDatabase } from '../../../test/bench/bench-database';
import { formatStats, latencyStats, LatencyStats, log, mulberry32 } from '../../../test/bench/latency-stats';
import { copyStations, routingQuestion } from './routing-data';

const DATABASE = 'crm_bench_routing';
const SIZES = (process.env.BENCH_STATIONS ?? '10000,100000').split(',').map(Number);
const ROUTINGS = Number(process.env.BENCH_ROUTINGS ?? 2_000);
const BRUTE_ROUTINGS = Number(process.env.BENCH_BRUTE_ROUTINGS ?? 200);
const WARMUP = 100;
/** NearestStationFinder's batch: it asks for the nearest three, in case one fills up before the claim. */
const ABLE_BATCH = 3;
const LARGEST_RADIUS_M = ROUTING_RADII_KM[ROUTING_RADII_KM.length - 1] * 1000;

/** The baseline: the same rules and distance, every row scanned and sorted (no earth_box, no KNN `<->`). */
const DISTANCE = `earth_distance(ll_to_earth(lat, lon), ll_to_earth($1, $2))`;
const BRUTE_ABLE = `SELECT id FROM service.station
  WHERE active AND NOT (id = ANY($5::uuid[])) AND skills @> ARRAY[$3::text]
    AND ($4::text IS NULL OR brands @> ARRAY[$4::text]) AND open_tickets < capacity AND ${DISTANCE} <= $6
  ORDER BY ${DISTANCE} LIMIT $7`;
const BRUTE_NEAR = `SELECT id FROM service.station WHERE ${DISTANCE} <= $3 ORDER BY ${DISTANCE} LIMIT $4`;

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
  able: LatencyStats;
  near: LatencyStats;
  bruteAble: LatencyStats;
  bruteNear: LatencyStats;
}

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, performance.now() - started];
}

class RoutingBench {
  private readonly candidates = new StationCandidateRepository();

  constructor(
    private readonly db: DataSource,
    private readonly capture: StatementCapture,
  ) {}

  /** What NearestStationFinder asks: the nearest able stations, widening the radius until one qualifies. */
  async nearestAble({ at, need }: Question): Promise<Routing> {
    let calls = 0;
    for (const radiusKm of ROUTING_RADII_KM) {
      calls++;
      const able = await this.candidates.findNearestAble(
        this.db.manager,
        at,
        { ...need, radiusKm },
        ABLE_BATCH,
      );
      if (able.length > 0) return { able, radiusKm, calls };
    }
    return { able: [], radiusKm: ROUTING_RADII_KM[ROUTING_RADII_KM.length - 1], calls };
  }

  /** The decision's explanation, run by the finder at the radius it stopped at. */
  examineNear({ at, need }: Question, radiusKm: number): Promise<StationCandidate[]> {
    return this.candidates.examineNear(this.db.manager, at, { ...need, radiusKm }, EXAMINED_CANDIDATES);
  }

  async bruteAble({ at, need }: Question): Promise<string | null> {
    const params = [at.lat, at.lon, need.skill, need.brand, need.excludedStationIds, LARGEST_RADIUS_M];
    const rows: { id: string }[] = await this.db.query(BRUTE_ABLE, [...params, ABLE_BATCH]);
    return rows[0]?.id ?? null;
  }

  async bruteNear({ at }: Question, radiusKm: number): Promise<string[]> {
    const params = [at.lat, at.lon, radiusKm * 1000, EXAMINED_CANDIDATES];
    const rows: { id: string }[] = await this.db.query(BRUTE_NEAR, params);
    return rows.map((row) => row.id);
  }

  async measure(stations: number, questions: Question[]): Promise<SizeResult> {
    for (const question of questions.slice(0, WARMUP)) await this.nearestAble(question);
    const [able, near, calls] = [[], [], []] as number[][];
    const routings: Routing[] = [];
    for (const question of questions) {
      const [routing, ms] = await timed(() => this.nearestAble(question));
      const [, nearMs] = await timed(() => this.examineNear(question, routing.radiusKm));
      able.push(ms);
      near.push(nearMs);
      calls.push(routing.calls);
      routings.push(routing);
    }
    const [bruteAble, bruteNear] = [[], []] as number[][];
    let mismatches = 0;
    for (const [i, question] of questions.slice(0, BRUTE_ROUTINGS).entries()) {
      const [nearest, ms] = await timed(() => this.bruteAble(question));
      const [nearIds, nearMs] = await timed(() => this.bruteNear(question, routings[i].radiusKm));
      bruteAble.push(ms);
      bruteNear.push(nearMs);
      const knnNear = (await this.examineNear(question, routings[i].radiusKm)).map((c) => c.stationId);
      if (nearest !== (routings[i].able[0]?.stationId ?? null) || nearIds.join() !== knnNear.join())
        mismatches++;
    }
    const widened = calls.filter((n) => n > 1).length;
    const none = routings.filter((r) => r.able.length === 0).length;
    log(
      `${stations} stations: ${questions.length} routings, ${widened} needed a wider radius than 25 km, ` +
        `${none} found no able station within 500 km, ${(calls.reduce((a, b) => a + b, 0) / calls.length).toFixed(2)} ` +
        `findNearestAble calls per routing; brute force compared on ${bruteAble.length}: ${mismatches} different answers`,
    );
    const slowest = able.indexOf(Math.max(...able));
    log(`plan of the slowest routing's last findNearestAble call (${routings[slowest].radiusKm} km):`);
    await this.explain(questions[slowest], routings[slowest].radiusKm);
    return {
      stations,
      able: latencyStats(able),
      near: latencyStats(near),
      bruteAble: latencyStats(bruteAble),
      bruteNear: latencyStats(bruteNear),
    };
  }

  /** Prints the plan of the repository's own statement: a bitmap scan of the box, or the KNN index order. */
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

function report(results: SizeResult[]): void {
  const head = 'p50      p95      p99      max';
  console.log(
    `\n${'stations'.padStart(8)}  ${'query'.padEnd(34)} | KNN ${head} | brute ${head} | p95 brute/KNN`,
  );
  for (const r of results) {
    for (const [label, knn, brute] of [
      ['nearest able (findNearestAble)', r.able, r.bruteAble],
      ['10 nearest explained (examineNear)', r.near, r.bruteNear],
    ] as const) {
      console.log(
        `${String(r.stations).padStart(8)}  ${label.padEnd(34)} | ${formatStats(knn)} | ${formatStats(brute)}` +
          ` | ${(brute.p95 / knn.p95).toFixed(1)}`,
      );
    }
  }
  const largest = results.find((r) => r.stations === 100_000) ?? results[results.length - 1];
  console.log(`routing p95 ms at ${largest.stations / 1000}k stations: ${largest.able.p95.toFixed(2)}`);
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
  const loader = new Client({ connectionString: url });
  await loader.connect();
  try {
    await db.runMigrations({ transaction: 'each' });
    const bench = new RoutingBench(db, capture);
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
      const questions = Array.from({ length: ROUTINGS }, () => routingQuestion(questionRandom));
      results.push(await bench.measure(size, questions));
    }
    report(results);
  } finally {
    await loader.end();
    await db.destroy();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
