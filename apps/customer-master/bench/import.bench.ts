import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Roles } from '@crm/contracts';
import { TestTokenIssuer } from '@crm/testing';
import { recreateDatabase, withClient } from '../../../test/bench/bench-database';
import { startServer, stopServer } from '../../../test/bench/bench-process';
import { latencyStats, log } from '../../../test/bench/latency-stats';
import { ImportJob } from '../src/import/import-job';
import { BENCH_DEALER_CODES, copyLegacyRows, ExpectedCounts, writeLegacyCsv } from './import-data';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 1_000_000);
const DATABASE = process.env.BENCH_IMPORT_DATABASE ?? 'crm_bench_import';
const POLL_MS = 100;
const SERVER = join(__dirname, 'customer-search-server.ts');
/** A directory to write customer-master's CPU profile into (`--cpu-prof`), to see where an import's time goes. */
const CPU_PROFILE_DIR = process.env.BENCH_IMPORT_CPU_PROF_DIR;

/** One HTTP call over node:http (a 100 MB upload streams from the file); answers the status and parsed body. */
function call(
  url: string,
  token: string,
  method: string,
  body?: { contentType: string; path?: string; json?: unknown },
): Promise<{ status: number; body: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (body) headers['content-type'] = body.contentType;
    const sent = request(url, { method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          body: JSON.parse(Buffer.concat(chunks).toString('utf8')),
        }),
      );
    });
    sent.on('error', reject);
    if (body?.path) createReadStream(body.path).pipe(sent);
    else sent.end(body?.json === undefined ? undefined : JSON.stringify(body.json));
  });
}

async function expectStatus(
  promise: ReturnType<typeof call>,
  status: number,
  what: string,
): Promise<Record<string, unknown>> {
  const answer = await promise;
  if (answer.status !== status)
    throw new Error(`${what}: HTTP ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** Reads the job until it ends; a chunk's time is the time between two reads over the chunks written meanwhile. */
async function untilDone(
  base: string,
  token: string,
  id: string,
): Promise<{ job: ImportJob; chunkMs: number[] }> {
  const chunkMs: number[] = [];
  let [seen, seenAt] = [0, performance.now()];
  for (;;) {
    const job = (await expectStatus(
      call(`${base}/imports/${id}`, token, 'GET'),
      200,
      'job',
    )) as unknown as ImportJob;
    const chunks = Math.ceil(job.totalRows / 1000) - Math.ceil(seen / 1000);
    if (chunks > 0) {
      const now = performance.now();
      chunkMs.push(...Array.from({ length: chunks }, () => (now - seenAt) / chunks));
      [seen, seenAt] = [job.totalRows, now];
    }
    if (job.status !== 'running') return { job, chunkMs };
    await sleep(POLL_MS);
  }
}

function verify(job: ImportJob, expected: ExpectedCounts): void {
  const got = {
    totalRows: job.totalRows,
    created: job.created,
    duplicates: job.duplicates,
    vehiclesAttached: job.vehiclesAttached,
    rejected: job.rejected,
  };
  if (job.status !== 'completed' || JSON.stringify(got) !== JSON.stringify(expected))
    throw new Error(
      `the import did not come out as generated: ${job.status} ${job.error ?? ''}\n` +
        `  expected ${JSON.stringify(expected)}\n  got      ${JSON.stringify(got)}\n` +
        `  first rejections: ${JSON.stringify(job.rejections.slice(0, 5))}`,
    );
}

async function main(): Promise<void> {
  const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const url = await recreateDatabase(adminUrl, DATABASE);
  const tokens = await TestTokenIssuer.start();
  const master = await startServer(
    SERVER,
    { BENCH_DATABASE_URL: url, BENCH_JWKS_URL: tokens.jwksUrl },
    'customer-master',
    CPU_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROFILE_DIR}`] : [],
  );
  const dir = await mkdtemp(join(tmpdir(), 'crm-bench-import-'));
  try {
    const base = `http://127.0.0.1:${master.port}`;
    const admin = await tokens.sign({ roles: [Roles.admin] });
    for (const code of BENCH_DEALER_CODES) {
      const dealer = { kind: 'dealer', code, name: code, location: { lat: 31.2, lon: 121.4 } };
      await expectStatus(
        call(`${base}/partners`, admin, 'POST', { contentType: 'application/json', json: dealer }),
        201,
        'dealer',
      );
    }
    const file = join(dir, 'legacy.csv');
    let started = performance.now();
    const expected = await writeLegacyCsv(file, ROWS);
    const bytes = (await stat(file)).size;
    log(
      `generated ${ROWS} legacy rows (${(bytes / 1024 / 1024).toFixed(1)} MB): ${JSON.stringify(expected)} in ${seconds(started).toFixed(1)} s`,
    );

    started = performance.now();
    const accepted = await expectStatus(
      call(`${base}/imports/customers?fileName=legacy.csv`, admin, 'POST', {
        contentType: 'text/csv',
        path: file,
      }),
      202,
      'upload',
    );
    const uploaded = seconds(started);
    const { job, chunkMs } = await untilDone(base, admin, accepted.id as string);
    const importSeconds = seconds(started);
    verify(job, expected);
    const writeSeconds = (Date.parse(job.finishedAt as string) - Date.parse(job.startedAt)) / 1000;

    started = performance.now();
    await withClient(url, (client) => copyLegacyRows(client, ROWS));
    const copyPerSecond = ROWS / seconds(started);

    const chunks = latencyStats(chunkMs);
    log(
      `upload and header check: ${uploaded.toFixed(1)} s; job start to finish: ${writeSeconds.toFixed(1)} s`,
    );
    log(
      `chunks of 1,000 rows (${chunks.count}, from reading the job every ${POLL_MS} ms): p50 ${chunks.p50.toFixed(0)} ms, p95 ${chunks.p95.toFixed(0)} ms`,
    );
    log(`counts as generated: ${JSON.stringify(expected)}`);
    console.log(
      `import rows/s: ${(ROWS / importSeconds).toFixed(0)} (copy rows/s: ${copyPerSecond.toFixed(0)})`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
    await stopServer(master.server);
    await tokens.stop();
  }
}

function seconds(since: number): number {
  return (performance.now() - since) / 1000;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
