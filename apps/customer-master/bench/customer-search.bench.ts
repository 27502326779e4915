import autocannon from 'autocannon';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { TestTokenIssuer } from '@crm/testing';
import { SearchSql, searchSql } from '../src/search/customer-search.repository';
import { classifySearchQuery } from '@crm/search-keys';
import { dropSecondaryIndexes, recreateDatabase, withClient } from '../../../test/bench/bench-database';
import { startServer, stopServer } from '../../../test/bench/bench-process';
import { copyCustomers, SampleCustomer } from './customer-search-data';

const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 1_000_000);
const DURATION_S = Number(process.env.BENCH_DURATION_S ?? 15);
const WARMUP_S = 3;
/** As many HTTP connections as SQL workers, and as the API's database pool (TypeORM's 10). */
const CONCURRENCY = 10;
const DATABASE = 'crm_bench_search';
const PAGE = { limit: 20, offset: 0 };
const SEARCH_TABLES = ['customer', 'customer_phone'];

interface Stats {
  p50: number;
  p95: number;
  p99: number;
  perSecond: number;
  latencies: number[];
}

function log(message: string): void {
  console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);
}

function stats(latencies: number[], seconds: number): Stats {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))];
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99), perSecond: sorted.length / seconds, latencies };
}

/** Drops the secondary indexes around COPY and rebuilds them with their own definitions. */
async function load(url: string): Promise<SampleCustomer[]> {
  return withClient(url, async (client) => {
    const indexes = await dropSecondaryIndexes(client, 'customer_master', SEARCH_TABLES);
    let started = performance.now();
    const sample = await copyCustomers(client, CUSTOMERS, 300);
    log(`COPY of ${CUSTOMERS} customers and phones: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    started = performance.now();
    await Promise.all(indexes.map((index) => buildIndex(url, index.indexdef)));
    await client.query(`VACUUM ANALYZE customer_master.customer, customer_master.customer_phone`);
    log(
      `${indexes.length} indexes rebuilt, VACUUM ANALYZE: ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    return sample;
  });
}

function buildIndex(url: string, definition: string): Promise<void> {
  return withClient(url, async (client) => {
    await client.query(`SET maintenance_work_mem = '512MB'`);
    await client.query(definition);
  });
}

function queryMix(sample: SampleCustomer[]): Record<string, string[]> {
  const chinese = sample.filter((customer) => customer.chinese);
  return {
    'phone prefix (7 digits)': sample.map((customer) => customer.phone.slice(0, 7)),
    'Chinese full name': chinese.map((customer) => customer.name),
    'pinyin full name': chinese.map((customer) => customer.nameLatin),
  };
}

async function benchApi(port: string, token: string, queries: string[], duration: number): Promise<Stats> {
  let next = 0;
  const latencies: number[] = [];
  const options: autocannon.Options = {
    url: `http://127.0.0.1:${port}`,
    connections: CONCURRENCY,
    duration,
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
  await new Promise((resolve, reject) => {
    const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
    instance.on('response', (_client, status, _bytes, responseTime) => {
      if (status === 200) latencies.push(responseTime);
      else failures++;
    });
  });
  if (failures > 0) throw new Error(`${failures} API requests failed`);
  return stats(latencies, duration);
}

/** Runs a statement the way CustomerSearchRepository does: in a transaction when it needs a trigram threshold. */
async function runSql(pool: Pool, { sql, params, trigramThreshold }: SearchSql): Promise<void> {
  if (trigramThreshold === null) {
    await pool.query(sql, params);
    return;
  }
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(`SELECT set_config('pg_trgm.similarity_threshold', $1, true)`, [
      String(trigramThreshold),
    ]);
    await client.query(sql, params);
    await client.query('COMMIT');
  } finally {
    client.release();
  }
}

async function benchSql(pool: Pool, queries: string[], duration: number): Promise<Stats> {
  const statements = queries.map((q) => searchSql(classifySearchQuery(q), PAGE));
  const latencies: number[] = [];
  const until = performance.now() + duration * 1000;
  let next = 0;
  const worker = async () => {
    while (performance.now() < until) {
      const started = performance.now();
      await runSql(pool, statements[next++ % statements.length]);
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return stats(latencies, duration);
}

function row(kind: string, api: Stats, sql: Stats): string {
  const cells = (s: Stats) =>
    `${[s.p50, s.p95, s.p99].map((v) => v.toFixed(2).padStart(7)).join(' ')} ${s.perSecond.toFixed(0).padStart(6)}`;
  return `${kind.padEnd(24)} | ${cells(api)} | ${cells(sql)} | ${(api.p95 / sql.p95).toFixed(2)}`;
}

async function measure(
  port: string,
  token: string,
  databaseUrl: string,
  mix: Record<string, string[]>,
): Promise<void> {
  const pool = new Pool({ connectionString: databaseUrl, max: CONCURRENCY });
  const results: [string, Stats, Stats][] = [];
  for (const [kind, queries] of Object.entries(mix)) {
    await benchApi(port, token, queries, WARMUP_S);
    const api = await benchApi(port, token, queries, DURATION_S);
    await benchSql(pool, queries, WARMUP_S);
    const sql = await benchSql(pool, queries, DURATION_S);
    log(
      `${kind}: ${queries.length} distinct queries, api p95 ${api.p95.toFixed(2)} ms, sql p95 ${sql.p95.toFixed(2)} ms`,
    );
    results.push([kind, api, sql]);
  }
  await pool.end();
  const all = (pick: 1 | 2) =>
    stats(
      results.flatMap((result) => result[pick].latencies),
      DURATION_S * results.length,
    );
  console.log(
    `\n${'query kind'.padEnd(24)} | api p50     p95     p99  req/s | sql p50     p95     p99  q/s    | p95 ratio`,
  );
  for (const [kind, api, sql] of results) console.log(row(kind, api, sql));
  const [api, sql] = [all(1), all(2)];
  console.log(row('all three combined', api, sql));
  console.log(`customer-search p95 api/sql ratio: ${(api.p95 / sql.p95).toFixed(2)}`);
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
