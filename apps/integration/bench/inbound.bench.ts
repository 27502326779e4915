import { request } from 'node:http';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Roles } from '@crm/contracts';
import { TestTokenIssuer } from '@crm/testing';
import { recreateDatabase, withClient } from '../../../test/bench/bench-database';
import { startServer, stopServer } from '../../../test/bench/bench-process';
import { formatStats, latencyStats, log } from '../../../test/bench/latency-stats';
import { copyRows, InboundRow, inboundRows } from './inbound-data';

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

type Summary = Record<'created' | 'linked' | 'unchanged' | 'rejected' | 'retryable', number>;

/** A JSON POST over node:http: a 1,000-row batch on a loaded machine may take longer than fetch's 300 s header timeout. */
function post(url: string, token: string, body: unknown): Promise<Record<string, unknown>> {
  const payload = JSON.stringify(body);
  return new Promise((resolve, reject) => {
    const call = request(
      url,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(payload),
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          if ((response.statusCode ?? 500) >= 300)
            reject(new Error(`${url}: HTTP ${response.statusCode} ${text}`));
          else resolve(JSON.parse(text) as Record<string, unknown>);
        });
      },
    );
    call.on('error', reject);
    call.end(payload);
  });
}

/** Sends the rows in batches, `CONCURRENCY` at a time; every row must come back `expected`. Answers rows/s and each batch's ms. */
async function send(
  port: string,
  token: string,
  rows: InboundRow[],
  expected: keyof Summary,
): Promise<{ rowsPerSecond: number; latencies: number[] }> {
  const batches = Array.from({ length: Math.ceil(rows.length / BATCH) }, (_, i) =>
    rows.slice(i * BATCH, (i + 1) * BATCH),
  );
  const latencies: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const batch = batches[next++];
      const started = performance.now();
      const answer = await post(`http://127.0.0.1:${port}/inbound/vehicle-sales:batch`, token, batch);
      latencies.push(performance.now() - started);
      const summary = answer.summary as Summary;
      if (summary[expected] !== batch.length)
        throw new Error(`a batch was not fully ${expected}: ${JSON.stringify(summary)}`);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return { rowsPerSecond: rows.length / ((performance.now() - started) / 1000), latencies };
}

/** CPU seconds a process has used so far (Linux), to tell which side bounds the import. */
async function cpuSeconds(pid: number | undefined): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
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
    const cpu = [await cpuSeconds(master.server.pid), await cpuSeconds(integration.server.pid)];
    const wallStarted = performance.now();
    const first = await send(integration.port, admin, rows, 'created');
    const wall = (performance.now() - wallStarted) / 1000;
    const masterCpu = (await cpuSeconds(master.server.pid)) - cpu[0];
    const integrationCpu = (await cpuSeconds(integration.server.pid)) - cpu[1];
    const again = await send(integration.port, admin, rows, 'unchanged');
    const copyStarted = performance.now();
    await withClient(url, (client) => copyRows(client, rows));
    const copyPerSecond = ROWS / ((performance.now() - copyStarted) / 1000);

    log(
      `${ROWS} rows in batches of ${BATCH}, ${CONCURRENCY} in flight; batch ms   p50      p95      p99      max`,
    );
    log(`first send (every row created)             ${formatStats(latencyStats(first.latencies))}`);
    log(`same batches again (every row unchanged)   ${formatStats(latencyStats(again.latencies))}`);
    log(
      `first send: ${wall.toFixed(1)} s wall; CPU customer-master ${masterCpu.toFixed(1)} s, integration ${integrationCpu.toFixed(1)} s`,
    );
    console.log(`same batches again rows/s: ${again.rowsPerSecond.toFixed(0)}`);
    console.log(
      `inbound rows/s: ${first.rowsPerSecond.toFixed(0)} (copy rows/s: ${copyPerSecond.toFixed(0)})`,
    );
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
