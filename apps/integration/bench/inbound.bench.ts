import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Roles } from '@crm/contracts';
import { TestTokenIssuer } from '@crm/testing';
import { recreateDatabase, withClient } from '../../../test/bench/bench-database';
import { startServer, stopServer } from '../../../test/bench/bench-process';
import { log } from '../../../test/bench/latency-stats';
import { copySales, InboundRow, inboundRows } from './inbound-data';

const { values: args } = parseArgs({
  options: {
    /** The size is 100,000 (`--rows 100000` or BENCH_INBOUND_ROWS=100000); the default is a smoke run. */
    rows: { type: 'string', default: process.env.BENCH_INBOUND_ROWS ?? '2000' },
    /** Rows per `POST /inbound/vehicle-sales:batch` (the API takes up to 1,000). */
    batch: { type: 'string', default: '1000' },
    /** Batches in flight at once. */
    concurrency: { type: 'string', default: '2' },
    database: { type: 'string', default: 'crm_bench_inbound' },
  },
});
const ROWS = Number(args.rows);
const BATCH = Number(args.batch);
const CONCURRENCY = Number(args.concurrency);
const SERVER = join(__dirname, 'inbound-server.ts');

async function post(url: string, token: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

/** Sends the rows in batches, `CONCURRENCY` at a time; every row must come back created. */
async function importAll(integrationPort: string, token: string, rows: InboundRow[]): Promise<void> {
  const batches = Array.from({ length: Math.ceil(rows.length / BATCH) }, (_, i) =>
    rows.slice(i * BATCH, (i + 1) * BATCH),
  );
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const batch = batches[next++];
      const answer = await post(
        `http://127.0.0.1:${integrationPort}/inbound/vehicle-sales:batch`,
        token,
        batch,
      );
      const summary = answer.summary as { created: number };
      if (summary.created !== batch.length)
        throw new Error(`a batch was not fully created: ${JSON.stringify(summary)}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

async function main(): Promise<void> {
  const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const url = await recreateDatabase(adminUrl, args.database as string);
  const tokens = await TestTokenIssuer.start();
  const env = { BENCH_DATABASE_URL: url, BENCH_JWKS_URL: tokens.jwksUrl };
  const master = await startServer(SERVER, { ...env, BENCH_APP: 'customer-master' }, 'customer-master');
  const integration = await startServer(
    SERVER,
    { ...env, BENCH_APP: 'integration', BENCH_CUSTOMER_MASTER_URL: `http://127.0.0.1:${master.port}` },
    'integration',
  );
  try {
    const admin = await tokens.sign({ roles: [Roles.admin] });
    const dealer = await post(`http://127.0.0.1:${master.port}/partners`, admin, {
      kind: 'dealer',
      code: 'BENCH-DMS',
      name: 'Bench dealer',
      location: { lat: 31.2, lon: 121.4 },
    });
    const rows = inboundRows(ROWS, dealer.partnerId as string);
    let started = performance.now();
    await importAll(integration.port, admin, rows);
    const inboundPerSecond = ROWS / ((performance.now() - started) / 1000);
    started = performance.now();
    await withClient(url, (client) => copySales(client, ROWS, dealer.partnerId as string));
    const copyPerSecond = ROWS / ((performance.now() - started) / 1000);
    log(`${ROWS} rows in batches of ${BATCH}, ${CONCURRENCY} in flight`);
    console.log(`inbound rows/s: ${inboundPerSecond.toFixed(0)} (copy rows/s: ${copyPerSecond.toFixed(0)})`);
  } finally {
    await stopServer(integration.server);
    await stopServer(master.server);
    await tokens.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
