import autocannon from 'autocannon';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { Roles } from '@crm/contracts';
import { TestTokenIssuer } from '@crm/testing';
import { scopeOf } from '../src/hierarchy/sales-scope';
import { DEFAULT_PIPELINE_ID } from '../src/migrations/1796017000000-create-sales-tables';
import { OpportunityFilter, OpportunityRepository } from '../src/opportunities/opportunity.repository';
import {
  databaseUrlFor,
  dropSecondaryIndexes,
  recreateDatabase,
  withClient,
} from '../../../test/bench/bench-database';
import { startServer, stopServer } from '../../../test/bench/bench-process';
import { LatencyStats, latencyStats, log } from '../../../test/bench/latency-stats';
import { DIRECTOR, FLEET_PIPELINE_ID, loadPipelineData, MANAGERS, salesTeam } from './pipeline-data';

const FULL_OPPORTUNITIES = 200_000;
const FULL_ACTIVITIES = 1_000_000;
const PAGE_SIZE = 50;
const BENCH_TABLES = ['opportunity', 'activity'];

const { values: args } = parseArgs({
  options: {
    /** 1 loads 200,000 opportunities and 1,000,000 activities; 0.001 loads 200 and 1,000. */
    scale: { type: 'string', default: '1' },
    /** Seconds each viewer is measured, over HTTP and over SQL each, after a warm-up of up to 3 s. */
    duration: { type: 'string', default: '15' },
    /** HTTP connections, and as many SQL workers. */
    connections: { type: 'string', default: '4' },
    database: { type: 'string', default: 'crm_bench_pipeline' },
    /** Measures the data a previous run left in the database (same --scale) instead of loading it again. */
    reuse: { type: 'boolean', default: false },
    /** Also prints the full EXPLAIN (ANALYZE, BUFFERS) of each viewer's first query. */
    explain: { type: 'boolean', default: false },
  },
});
const SCALE = Number(args.scale);
const DURATION_S = Number(args.duration);
const WARMUP_S = Math.min(3, DURATION_S);
const CONNECTIONS = Number(args.connections);
const OPPORTUNITIES = Math.round(FULL_OPPORTUNITIES * SCALE);
const ACTIVITIES = Math.round(FULL_ACTIVITIES * SCALE);

type PageFilter = Omit<OpportunityFilter, 'limit' | 'offset'>;

/** What a pipeline screen asks for: open deals, one stage, one pipeline, one rep; first pages. */
function filtersFor(someRep: string): PageFilter[] {
  return [
    { open: true },
    { open: true, pipelineId: DEFAULT_PIPELINE_ID },
    { stage: 'negotiation' },
    { stage: 'proposal', pipelineId: FLEET_PIPELINE_ID },
    { open: false },
    { ownerId: someRep, open: true },
  ];
}

interface Query {
  path: string;
  sql: string;
  params: unknown[];
}

/** The statement OpportunityRepository.list issues for this caller and filter, recorded instead of run. */
async function repositoryStatement(viewer: string, filter: OpportunityFilter): Promise<Query> {
  let recorded: { sql: string; params: unknown[] } | undefined;
  const recorder = {
    query: async (sql: string, params: unknown[]) => {
      recorded = { sql, params };
      return [];
    },
  };
  const scope = scopeOf({ subject: viewer, roles: [Roles.salesManager] });
  await new OpportunityRepository(recorder as unknown as DataSource).list(scope, filter);
  if (!recorded) throw new Error('the repository issued no statement');
  const query = new URLSearchParams(
    Object.entries(filter).map(([key, value]) => [key, String(value)] as [string, string]),
  );
  return { path: `/opportunities?${query}`, ...recorded };
}

async function queriesFor(viewer: string, someRep: string): Promise<Query[]> {
  const pages = [0, 0, PAGE_SIZE, 2 * PAGE_SIZE];
  const filters = filtersFor(someRep).flatMap((filter) =>
    pages.map((offset) => ({ ...filter, limit: PAGE_SIZE, offset })),
  );
  return Promise.all(filters.map((filter) => repositoryStatement(viewer, filter)));
}

async function benchDatabase(adminUrl: string, database: string, reuse: boolean): Promise<string> {
  return reuse ? databaseUrlFor(adminUrl, database) : recreateDatabase(adminUrl, database);
}

function seconds(since: number): string {
  return `${((performance.now() - since) / 1000).toFixed(1)} s`;
}

/** Drops the secondary indexes around COPY and rebuilds them from their own (migrated) definitions. */
async function load(url: string): Promise<void> {
  await withClient(url, async (client) => {
    const indexes = await dropSecondaryIndexes(client, 'sales', BENCH_TABLES);
    let started = performance.now();
    await loadPipelineData(client, salesTeam(), OPPORTUNITIES, ACTIVITIES);
    log(`COPY of ${OPPORTUNITIES} opportunities and ${ACTIVITIES} activities: ${seconds(started)}`);
    started = performance.now();
    await client.query(`SET maintenance_work_mem = '256MB'`);
    for (const index of indexes) await client.query(index.indexdef);
    await client.query(`VACUUM ANALYZE sales.opportunity, sales.activity, sales.sales_user`);
    log(
      `${indexes.length} indexes rebuilt (${indexes.map((i) => i.indexname).join(', ')}), VACUUM ANALYZE: ${seconds(started)}`,
    );
  });
}

interface Measured {
  stats: LatencyStats;
  perSecond: number;
  latencies: number[];
}

function measured(latencies: number[], durationS: number): Measured {
  return { stats: latencyStats(latencies), perSecond: latencies.length / durationS, latencies };
}

/** Latencies of `GET /opportunities` over `connections` keep-alive connections, in ms. */
async function benchHttp(
  port: string,
  token: string,
  queries: Query[],
  durationS: number,
): Promise<number[]> {
  let next = 0;
  let failures = 0;
  const latencies: number[] = [];
  await new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${port}`,
        connections: CONNECTIONS,
        duration: durationS,
        headers: { authorization: `Bearer ${token}` },
        requests: [
          {
            method: 'GET',
            setupRequest: (request) => ({ ...request, path: queries[next++ % queries.length].path }),
          },
        ],
      },
      (error, result) => {
        if (error) reject(error);
        else {
          failures += result.errors + result.timeouts;
          resolve(result);
        }
      },
    );
    instance.on('response', (_client, status, _bytes, responseTime) => {
      if (status === 200) latencies.push(responseTime);
      else failures++;
    });
  });
  if (failures > 0) throw new Error(`${failures} HTTP requests failed or timed out`);
  return latencies;
}

/** Latencies of the same statements on a pg pool with as many workers as HTTP connections, in ms. */
async function benchSql(pool: Pool, queries: Query[], durationS: number): Promise<number[]> {
  const latencies: number[] = [];
  const until = performance.now() + durationS * 1000;
  let next = 0;
  const worker = async () => {
    while (performance.now() < until) {
      const { sql, params } = queries[next++ % queries.length];
      const started = performance.now();
      await pool.query(sql, params);
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  return latencies;
}

/** The API must answer with the very rows the statement returns, or the comparison means nothing. */
async function checkSameRows(port: string, token: string, pool: Pool, queries: Query[]): Promise<number> {
  let rows = 0;
  for (const query of queries) {
    const response = await fetch(`http://127.0.0.1:${port}${query.path}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (response.status !== 200)
      throw new Error(`${query.path}: HTTP ${response.status} ${await response.text()}`);
    const body = (await response.json()) as { items: { id: string }[] };
    const { rows: expected } = await pool.query<{ id: string }>(query.sql, query.params);
    const [api, sql] = [body.items.map((item) => item.id).join(), expected.map((row) => row.id).join()];
    if (api !== sql) throw new Error(`${query.path}: the API and the statement returned different rows`);
    rows += expected.length;
  }
  return rows;
}

/** One line per query shape: planning and execution time and the plan's top nodes. */
async function explain(pool: Pool, viewer: string, queries: Query[]): Promise<void> {
  for (const [i, query] of queries.entries()) {
    const { rows } = await pool.query<{ 'QUERY PLAN': string }>(
      `EXPLAIN (ANALYZE, BUFFERS) ${query.sql}`,
      query.params,
    );
    const lines = rows.map((row) => row['QUERY PLAN']);
    if (args.explain && i === 0) console.log(`${viewer} ${query.path}\n${lines.join('\n')}`);
    const time = (label: string) => lines.find((line) => line.startsWith(label))?.replace(/^.*: /, '');
    const nodes = lines
      .filter((line) => /->|^\w/.test(line) && !/^(Planning|Execution)/.test(line))
      .slice(0, 4)
      .map((line) => line.replace(/^\s*(->\s*)?/, '').replace(/\s+\(cost.*$/, ''));
    log(
      `explain ${viewer} ${query.path.replace('/opportunities?', '')}: planning ${time('Planning Time')}, execution ${time('Execution Time')}; ${nodes.join(' / ')}`,
    );
  }
}

interface ViewerResult {
  viewer: string;
  http: Measured;
  sql: Measured;
}

async function benchViewer(
  viewer: string,
  port: string,
  tokens: TestTokenIssuer,
  pool: Pool,
  someRep: string,
): Promise<ViewerResult> {
  const token = await tokens.sign({ sub: viewer, roles: [Roles.salesManager] });
  const queries = await queriesFor(viewer, someRep);
  const rows = await checkSameRows(port, token, pool, queries);
  log(`${viewer}: ${queries.length} queries, same ${rows} rows over HTTP and SQL`);
  await explain(
    pool,
    viewer,
    queries.filter((_, i) => i % 4 === 0),
  );
  await benchHttp(port, token, queries, WARMUP_S);
  const http = measured(await benchHttp(port, token, queries, DURATION_S), DURATION_S);
  await benchSql(pool, queries, WARMUP_S);
  const sql = measured(await benchSql(pool, queries, DURATION_S), DURATION_S);
  log(`${viewer}: http p95 ${http.stats.p95.toFixed(2)} ms, sql p95 ${sql.stats.p95.toFixed(2)} ms`);
  return { viewer, http, sql };
}

function row(label: string, http: Measured, sql: Measured): string {
  const cells = (m: Measured) =>
    `${[m.stats.p50, m.stats.p95, m.stats.p99].map((v) => v.toFixed(2).padStart(7)).join(' ')} ${m.perSecond.toFixed(0).padStart(6)}`;
  return `${label.padEnd(22)} | ${cells(http)} | ${cells(sql)} | ${(http.stats.p95 / sql.stats.p95).toFixed(2)}`;
}

function report(results: ViewerResult[]): void {
  const pooled = (pick: 'http' | 'sql') =>
    measured(
      results.flatMap((result) => result[pick].latencies),
      DURATION_S * results.length,
    );
  console.log(
    `\n${'viewer'.padEnd(22)} | http p50   p95     p99   req/s | sql p50    p95     p99     q/s | p95 http/sql`,
  );
  for (const result of results) console.log(row(result.viewer, result.http, result.sql));
  const [http, sql] = [pooled('http'), pooled('sql')];
  console.log(row('both', http, sql));
  const size =
    OPPORTUNITIES % 1000 === 0 && OPPORTUNITIES > 0 ? `${OPPORTUNITIES / 1000}k` : String(OPPORTUNITIES);
  console.log(
    `pipeline p95 ms at ${size} opportunities: ${http.stats.p95.toFixed(2)} (sql p95 ms: ${sql.stats.p95.toFixed(2)})`,
  );
}

async function main(): Promise<void> {
  if (!(SCALE > 0 && DURATION_S > 0 && CONNECTIONS > 0))
    throw new Error('--scale, --duration and --connections must be positive');
  const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const databaseUrl = await benchDatabase(adminUrl, args.database as string, args.reuse as boolean);
  const tokens = await TestTokenIssuer.start();
  const { server, port } = await startServer(
    join(__dirname, 'pipeline-server.ts'),
    { BENCH_DATABASE_URL: databaseUrl, BENCH_JWKS_URL: tokens.jwksUrl },
    'sales',
  );
  const pool = new Pool({ connectionString: databaseUrl, max: CONNECTIONS });
  try {
    log(
      `sales on port ${port}, migrations done; ${CONNECTIONS} connections, ${DURATION_S} s per measurement`,
    );
    if (!args.reuse) await load(databaseUrl);
    const manager = MANAGERS[1];
    const results: ViewerResult[] = [];
    for (const viewer of [DIRECTOR, manager])
      results.push(await benchViewer(viewer, port, tokens, pool, `${manager}-rep-3`));
    report(results);
  } finally {
    await pool.end();
    await stopServer(server);
    await tokens.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
