import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { Roles } from '@crm/contracts';
import { createSmtpTransport } from '@crm/messaging';
import { LoopbackSmtpServer, TestTokenIssuer } from '@crm/testing';
import { dropSecondaryIndexes, recreateDatabase, withClient } from '../../../test/bench/bench-database';
import { startServer, stopServer } from '../../../test/bench/bench-process';
import { LatencyStats, latencyStats, log } from '../../../test/bench/latency-stats';
import {
  FOUR_RULE_PARAMS,
  FOUR_RULE_SEGMENT,
  loadCampaignsData,
  RAW_COUNT,
  RAW_PREVIEW,
  SEND_TAG,
} from './campaigns-data';

const setting = (name: string, fallback: number) =>
  Number(process.env[`CAMPAIGNS_BENCH_${name}`] ?? fallback);
/** The issue's size: 1,000,000 customers and 20,000 emails. */
const CUSTOMERS = setting('CUSTOMERS', 1_000_000);
const EMAILS = setting('EMAILS', 20_000);
/** Seconds each latency measurement runs, after a warm-up of up to 3 s. */
const DURATION_S = setting('DURATION', 10);
const WARMUP_S = Math.min(3, DURATION_S);
/** HTTP connections, and as many SQL workers. */
const CONNECTIONS = setting('CONNECTIONS', 4);
/** Pooled SMTP connections, the same for the app and the raw client. */
const SMTP_CONNECTIONS = setting('SMTP_CONNECTIONS', 5);
const DATABASE = process.env.CAMPAIGNS_BENCH_DATABASE ?? 'crm_bench_campaigns';
const PAGE = 50;
const TABLES = ['customer', 'customer_consent', 'vehicle'];
const MAIL_FROM = 'CRM 市场活动 <marketing@crm.local>';

type Call = () => Promise<void>;

interface Measured {
  stats: LatencyStats;
  perSecond: number;
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/** Runs `calls` round robin on `workers` concurrent loops for `durationS`; the latency of each call in ms. */
async function measure(calls: Call[], durationS: number): Promise<Measured> {
  const latencies: number[] = [];
  const until = performance.now() + durationS * 1000;
  let next = 0;
  const worker = async () => {
    while (performance.now() < until) {
      const call = calls[next++ % calls.length];
      const started = performance.now();
      await call();
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: CONNECTIONS }, worker));
  return { stats: latencyStats(latencies), perSecond: latencies.length / durationS };
}

async function warmedUp(calls: Call[]): Promise<Measured> {
  await measure(calls, WARMUP_S);
  return measure(calls, DURATION_S);
}

class Api {
  constructor(
    private readonly port: string,
    private readonly token: string,
  ) {}

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`http://127.0.0.1:${this.port}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  }

  get = <T>(path: string) => this.call<T>('GET', path);
  post = <T>(path: string, body: unknown) => this.call<T>('POST', path, body);
}

/** Drops the secondary indexes around the load and rebuilds them from their own (migrated) definitions. */
async function load(url: string): Promise<void> {
  await withClient(url, async (client) => {
    const indexes = await dropSecondaryIndexes(client, 'campaigns', TABLES);
    let started = performance.now();
    await loadCampaignsData(client, CUSTOMERS, EMAILS);
    log(`loaded ${CUSTOMERS} customers with consents and vehicles, set-based: ${seconds(started)}`);
    started = performance.now();
    await client.query(`SET maintenance_work_mem = '256MB'`);
    for (const index of indexes) await client.query(index.indexdef);
    await client.query(`VACUUM ANALYZE campaigns.customer, campaigns.customer_consent, campaigns.vehicle`);
    log(`${indexes.length} indexes rebuilt, VACUUM ANALYZE: ${seconds(started)}`);
  });
}

interface SegmentResult {
  count: { http: Measured; sql: Measured };
  preview: { http: Measured; sql: Measured };
  both: { http: Measured; sql: Measured };
}

/** The API must answer what the hand-written statement answers, or the comparison means nothing. */
async function checkSameAnswers(api: Api, pool: Pool, segmentId: string): Promise<void> {
  const { count } = await api.get<{ count: number }>(`/segments/${segmentId}/count`);
  const { rows: raw } = await pool.query(RAW_COUNT, FOUR_RULE_PARAMS);
  if (count !== raw[0].count) throw new Error(`segment count ${count} over HTTP, ${raw[0].count} in SQL`);
  const { items } = await api.get<{ items: { customerId: string }[] }>(
    `/segments/${segmentId}/preview?limit=${PAGE}`,
  );
  const { rows } = await pool.query(RAW_PREVIEW, [...FOUR_RULE_PARAMS, PAGE, 0]);
  if (items.map((item) => item.customerId).join() !== rows.map((row) => row.customerId).join())
    throw new Error('the preview over HTTP and the statement returned different members');
  log(`4-rule segment: ${count} members, the same count and first page over HTTP and SQL`);
}

async function benchSegment(api: Api, pool: Pool): Promise<SegmentResult> {
  const { id } = await api.post<{ id: string }>('/segments', {
    name: 'Bench 4 rules',
    rule: FOUR_RULE_SEGMENT,
  });
  await checkSameAnswers(api, pool, id);
  const pages = [0, PAGE, 2 * PAGE];
  const httpCount: Call = async () => void (await api.get(`/segments/${id}/count`));
  const httpPreviews = pages.map((offset) => async () => {
    await api.get(`/segments/${id}/preview?limit=${PAGE}&offset=${offset}`);
  });
  const sqlCount: Call = async () => void (await pool.query(RAW_COUNT, FOUR_RULE_PARAMS));
  const sqlPreviews = pages.map((offset) => async () => {
    await pool.query(RAW_PREVIEW, [...FOUR_RULE_PARAMS, PAGE, offset]);
  });
  const result: SegmentResult = {
    count: { http: await warmedUp([httpCount]), sql: await warmedUp([sqlCount]) },
    preview: { http: await warmedUp(httpPreviews), sql: await warmedUp(sqlPreviews) },
    both: {
      http: await warmedUp([httpCount, ...httpPreviews]),
      sql: await warmedUp([sqlCount, ...sqlPreviews]),
    },
  };
  return result;
}

interface SendResult {
  stats: LatencyStats;
  perSecond: number;
  meanBytes: number;
}

/** Per message, the time from `started` until the sink accepted it; the rate over the whole run. */
function deliveries(smtp: LoopbackSmtpServer, started: number): SendResult {
  const latencies = smtp.received.map((mail) => mail.receivedAt - started);
  const stats = latencyStats(latencies);
  const bytes = smtp.received.reduce((sum, mail) => sum + mail.bytes, 0);
  return {
    stats,
    perSecond: smtp.received.length / (stats.max / 1000),
    meanBytes: bytes / smtp.received.length,
  };
}

/**
 * The same number of mails as the campaign sends, built alike: a text part with its unsubscribe link, an HTML
 * alternative with the open pixel, the RFC 8058 headers and the recipient header, straight through a pooled
 * nodemailer transport. The mean sizes of both are printed side by side.
 */
async function sendRaw(smtp: LoopbackSmtpServer): Promise<SendResult> {
  smtp.received.length = 0;
  const transport = createSmtpTransport({ url: smtp.url, pooledConnections: SMTP_CONNECTIONS });
  const started = Date.now();
  await Promise.all(Array.from({ length: EMAILS }, (_, i) => transport.sendMail(rawMail(i + 1))));
  transport.close();
  return deliveries(smtp, started);
}

function rawMail(customer: number) {
  const token = () => `${randomUUID()}.${randomUUID()}.${randomBytes(32).toString('base64url')}`;
  const unsubscribeUrl = `http://localhost:3006/unsubscribe/${token()}`;
  const text = `客户${customer}您好：您的爱车本月保养八折。退订：${unsubscribeUrl}`;
  const pixel = `http://localhost:3006/t/o/${token()}.gif`;
  const key = `${randomUUID()}.0.${randomUUID()}`;
  return {
    from: MAIL_FROM,
    to: `c${customer}@bench.example`,
    subject: `客户${customer}，您的保养季优惠`,
    text,
    html: `<div style="white-space:pre-wrap">${text.replace(unsubscribeUrl, `<a href="${unsubscribeUrl}">${unsubscribeUrl}</a>`)}</div><img src="${pixel}" width="1" height="1" alt="">`,
    messageId: `<${key}@campaigns.crm.local>`,
    headers: {
      'List-Unsubscribe': `<${unsubscribeUrl}>`,
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      'X-CRM-Campaign-Recipient': key,
    },
  };
}

/** A campaign to the send audience, created and scheduled over HTTP; done when its progress says sent. */
async function sendCampaign(api: Api, smtp: LoopbackSmtpServer): Promise<{ id: string; result: SendResult }> {
  smtp.received.length = 0;
  const segment = await api.post<{ id: string }>('/segments', {
    name: 'Bench send audience',
    rule: { field: 'tag', has: SEND_TAG },
  });
  const started = Date.now();
  const { id } = await api.post<{ id: string }>('/campaigns', {
    name: 'Bench send',
    channel: 'email',
    segmentId: segment.id,
    template: {
      'zh-CN': {
        subject: '{{name}}，您的保养季优惠',
        body: '{{name}}您好：{{#if model}}您的{{model}}{{else}}您的爱车{{/if}}本月保养八折。退订：{{unsubscribeUrl}}',
      },
    },
  });
  await api.post(`/campaigns/${id}/schedule`, {});
  for (;;) {
    const progress = await api.get<{ status: string; sent: number; failed: number }>(
      `/campaigns/${id}/progress`,
    );
    if (progress.status === 'sent') {
      if (progress.sent !== EMAILS || smtp.received.length !== EMAILS)
        throw new Error(
          `sent ${progress.sent} (failed ${progress.failed}), the sink got ${smtp.received.length}`,
        );
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { id, result: deliveries(smtp, started) };
}

const ms = (value: number) => value.toFixed(2).padStart(8);
const cells = (m: { stats: LatencyStats; perSecond: number }) =>
  `${ms(m.stats.p50)} ${ms(m.stats.p95)} ${ms(m.stats.p99)} ${m.perSecond.toFixed(0).padStart(7)}`;

function reportSegment(segment: SegmentResult): void {
  console.log(
    `\n${'segment'.padEnd(8)} | http p50      p95      p99   req/s | sql p50       p95      p99     q/s | p95 http/sql`,
  );
  for (const [label, { http, sql }] of Object.entries(segment))
    console.log(
      `${label.padEnd(8)} | ${cells(http)} | ${cells(sql)} | ${(http.stats.p95 / sql.stats.p95).toFixed(2)}`,
    );
}

function reportSend(pipeline: SendResult, raw: SendResult): void {
  console.log(`\n${'send'.padEnd(8)} | delivered after ms: p50      p95      p99  msgs/s | mean bytes`);
  for (const [label, result] of [
    ['campaign', pipeline],
    ['raw smtp', raw],
  ] as const)
    console.log(`${label.padEnd(8)} | ${''.padEnd(18)}${cells(result)} | ${result.meanBytes.toFixed(0)}`);
  console.log(`campaign/raw throughput: ${(pipeline.perSecond / raw.perSecond).toFixed(2)}`);
}

function sizeOf(count: number): string {
  if (count >= 1_000_000 && count % 1_000_000 === 0) return `${count / 1_000_000}M`;
  return count >= 1_000 && count % 1_000 === 0 ? `${count / 1_000}k` : String(count);
}

async function main(): Promise<void> {
  if (!(CUSTOMERS >= EMAILS && EMAILS > 0 && DURATION_S > 0 && CONNECTIONS > 0))
    throw new Error('customers >= emails > 0, a positive duration and connections are needed');
  const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const databaseUrl = await recreateDatabase(adminUrl, DATABASE);
  const tokens = await TestTokenIssuer.start();
  const smtp = await LoopbackSmtpServer.start();
  const { server, port } = await startServer(
    join(__dirname, 'campaigns-server.ts'),
    {
      BENCH_DATABASE_URL: databaseUrl,
      BENCH_JWKS_URL: tokens.jwksUrl,
      BENCH_SMTP_URL: smtp.url,
      BENCH_SMTP_CONNECTIONS: String(SMTP_CONNECTIONS),
      BENCH_UNSUBSCRIBE_SECRET: randomBytes(32).toString('base64url'),
    },
    'campaigns',
  );
  const pool = new Pool({ connectionString: databaseUrl, max: CONNECTIONS });
  try {
    log(
      `campaigns on port ${port}, migrations done; ${CONNECTIONS} connections, ${DURATION_S} s per measurement`,
    );
    await load(databaseUrl);
    const api = new Api(port, await tokens.sign({ sub: 'bench-marketer', roles: [Roles.marketer] }));
    const segment = await benchSegment(api, pool);
    reportSegment(segment);
    const raw = await sendRaw(smtp);
    log(`raw smtp: ${EMAILS} mails over ${SMTP_CONNECTIONS} pooled connections`);
    const { id, result: pipeline } = await sendCampaign(api, smtp);
    log(`campaign ${id}: ${EMAILS} mails through create, schedule, freeze and the sender`);
    reportSend(pipeline, raw);
    const results = await warmedUp([async () => void (await api.get(`/campaigns/${id}/results`))]);
    console.log(
      `\nresults of the ${sizeOf(EMAILS)}-recipient campaign | http p50 p95 p99 req/s: ${cells(results)}`,
    );
    console.log(
      `campaigns: segment p95 ms at ${sizeOf(CUSTOMERS)} customers: ${segment.both.http.stats.p95.toFixed(2)}, ` +
        `send msgs/s: ${pipeline.perSecond.toFixed(0)} (raw smtp msgs/s: ${raw.perSecond.toFixed(0)})`,
    );
  } finally {
    await pool.end();
    await stopServer(server);
    await smtp.stop();
    await tokens.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
