import autocannon from 'autocannon';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { TestTokenIssuer } from '@crm/testing';
import { SearchSql, searchSql, settingsStatement } from '../src/search/customer-search.repository';
import { classifySearchQuery } from '@crm/search-keys';
import { dropSecondaryIndexes, recreateDatabase, withClient } from '../../../test/bench/bench-database';
import { startServer, stopServer } from '../../../test/bench/bench-process';
import { copyCustomers, SampleCustomer } from './customer-search-data';
import { QueryMix, queryMix } from './customer-search-queries';
import { latencyStats, LatencyStats, log } from '../../../test/bench/latency-stats';

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 1_000_000);
/** Every kind of query is asked this many times, through the API and as plain SQL. */
const REQUESTS_PER_KIND = Number(process.env.BENCH_REQUESTS_PER_KIND ?? 3_000);
const WARMUP_REQUESTS = 300;
/** As many HTTP connections as SQL workers, and as the API's database pool (TypeORM's 10). */
const CONCURRENCY = 10;
const DATABASE = 'crm_bench_search';
const PAGE = { limit: 20, offset: 0 };
const SEARCH_TABLES = ['customer', 'customer_phone', 'vehicle'];

interface Run {
  stats: LatencyStats;
  perSecond: number;
  latencies: number[];
}

function run(latencies: number[], elapsedS: number): Run {
  return { stats: latencyStats(latencies), perSecond: latencies.length / elapsedS, latencies };
}

/** Drops the secondary indexes around COPY and rebuilds them with their own definitions. */
async function load(url: string): Promise<SampleCustomer[]> {
  return withClient(url, async (client) => {
    const indexes = await dropSecondaryIndexes(client, 'customer_master', SEARCH_TABLES);
    let started = performance.now();
    const sample = await copyCustomers(client, CUSTOMERS, 300);
    log(`COPY of ${CUSTOMERS} customers, phones and vehicles: ${seconds(started).toFixed(1)} s`);
    started = performance.now();
    await Promise.all(indexes.map((index) => buildIndex(url, index.indexdef)));
    await client.query(
      `VACUUM ANALYZE customer_master.customer, customer_master.customer_phone, customer_master.vehicle`,
    );
    log(`${indexes.length} indexes rebuilt, VACUUM ANALYZE: ${seconds(started).toFixed(1)} s`);
    return sample;
  });
}

function buildIndex(url: string, definition: string): Promise<void> {
  return withClient(url, async (client) => {
    await client.query(`SET maintenance_work_mem = '512MB'`);
    await client.query(definition);
  });
}

function seconds(since: number): number {
  return (performance.now() - since) / 1000;
}

async function benchApi(port: string, token: string, queries: string[], requests: number): Promise<Run> {
  let next = 0;
  const latencies: number[] = [];
  const options: autocannon.Options = {
    url: `http://127.0.0.1:${port}`,
    connections: CONCURRENCY,
    amount: requests,
    headers: { authorization: `Bearer ${token}` },
    requests: [
      {
        method: 'GET',
        setupRequest: (request) => ({
          ...request,
          path: `/customers/search?q=${encodeURIComponent(queries[next++ % queries.length])}`,
        }),
      },
    ],
  };
  let failures = 0;
  const started = performance.now();
  await new Promise((resolve, reject) => {
    const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
    instance.on('response', (_client, status, _bytes, responseTime) => {
      if (status === 200) latencies.push(responseTime);
      else failures++;
    });
  });
  if (failures > 0) throw new Error(`${failures} API requests failed`);
  return run(latencies, seconds(started));
}

/** Runs a statement the way CustomerSearchRepository does: in a transaction when it has settings. */
async function runSql(pool: Pool, { sql, params, settings }: SearchSql): Promise<void> {
  if (Object.keys(settings).length === 0) {
    await pool.query(sql, params);
    return;
  }
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    const set = settingsStatement(settings);
    await client.query(set.sql, set.params);
    await client.query(sql, params);
    await client.query('COMMIT');
  } finally {
    client.release();
  }
}

async function benchSql(pool: Pool, queries: string[], requests: number): Promise<Run> {
  const statements = queries.map((q) => searchSql(classifySearchQuery(q), PAGE));
  const latencies: number[] = [];
  const started = performance.now();
  let next = 0;
  const worker = async () => {
    while (next < requests) {
      const started = performance.now();
      await runSql(pool, statements[next++ % statements.length]);
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return run(latencies, seconds(started));
}

function row(kind: string, api: Run, sql: Run): string {
  const cells = ({ stats: s, perSecond }: Run) =>
    `${[s.p50, s.p95, s.p99].map((v) => v.toFixed(2).padStart(7)).join(' ')} ${perSecond.toFixed(0).padStart(6)}`;
  return `${kind.padEnd(24)} | ${cells(api)} | ${cells(sql)} | ${(api.stats.p95 / sql.stats.p95).toFixed(2)}`;
}

async function measureKind(
  port: string,
  token: string,
  pool: Pool,
  kind: string,
  queries: string[],
): Promise<[string, Run, Run]> {
  await benchApi(port, token, queries, WARMUP_REQUESTS);
  const api = await benchApi(port, token, queries, REQUESTS_PER_KIND);
  await benchSql(pool, queries, WARMUP_REQUESTS);
  const sql = await benchSql(pool, queries, REQUESTS_PER_KIND);
  log(
    `${kind}: ${queries.length} distinct queries, api p95 ${api.stats.p95.toFixed(2)} ms, sql p95 ${sql.stats.p95.toFixed(2)} ms`,
  );
  return [kind, api, sql];
}

/** Pools the kinds' latencies: each kind ran the same number of requests, so each weighs the same. */
function equalWeight(runs: Run[]): Run {
  const total = runs.reduce((sum, { latencies, perSecond }) => sum + latencies.length / perSecond, 0);
  return run(
    runs.flatMap(({ latencies }) => latencies),
    total,
  );
}

async function measure(port: string, token: string, databaseUrl: string, mix: QueryMix): Promise<void> {
  const pool = new Pool({ connectionString: databaseUrl, max: CONCURRENCY });
  const results: [string, Run, Run][] = [];
  for (const [kind, queries] of Object.entries(mix))
    results.push(await measureKind(port, token, pool, kind, queries));
  await pool.end();
  console.log(
    `\n${'query kind'.padEnd(24)} | api p50     p95     p99  req/s | sql p50     p95     p99  q/s    | p95 ratio`,
  );
  for (const [kind, api, sql] of results) console.log(row(kind, api, sql));
  const api = equalWeight(results.map((result) => result[1]));
  const sql = equalWeight(results.map((result) => result[2]));
  console.log(row('equal-weight mix', api, sql));
  const [worstKind, worst] = results.reduce((a, b) => (b[1].stats.p95 > a[1].stats.p95 ? b : a));
  console.log(`customer-search worst kind p95 ms: ${worst.stats.p95.toFixed(2)} (${worstKind})`);
  console.log(`customer-search p95 api/sql ratio: ${(api.stats.p95 / sql.stats.p95).toFixed(2)}`);
}

async function main(): Promise<void> {
  const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const databaseUrl = await recreateDatabase(adminUrl, DATABASE);
  const tokens = await TestTokenIssuer.start();
  const { server, port } = await startServer(
    join(__dirname, 'customer-search-server.ts'),
    { BENCH_DATABASE_URL: databaseUrl, BENCH_JWKS_URL: tokens.jwksUrl },
    'customer-master',
  );
  try {
    log(`API on port ${port}, migrations done; loading ${CUSTOMERS} customers`);
    const mix = queryMix(await load(databaseUrl));
    await measure(port, await tokens.sign({ roles: ['agent'] }), databaseUrl, mix);
  } finally {
    await stopServer(server);
    await tokens.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
