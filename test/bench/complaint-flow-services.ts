import { ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { Client } from 'pg';
import type { BenchAppName } from './complaint-flow-server';

export interface Infrastructure {
  adminDatabaseUrl: string;
  redisUrl: string;
  kafkaBrokers: string;
  kafkaNamespace: string;
  kafkaPartitions: number;
  jwksUrl: string;
  /** Databases are named `<prefix>_<app>`; another prefix keeps a test apart from a benchmark run. */
  databasePrefix?: string;
}

interface RunningApp {
  name: BenchAppName;
  process: ChildProcess;
  url: string;
  databaseUrl: string;
}

/** ts-node compiles each app on start: over 2 minutes when other work loads the 2 cores. */
const START_TIMEOUT_MS = 300_000;
const STOP_TIMEOUT_MS = 30_000;

export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

async function recreateDatabase(adminUrl: string, name: string): Promise<string> {
  await withClient(adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function startApp(name: BenchAppName, infra: Infrastructure): Promise<RunningApp> {
  const databaseUrl = await recreateDatabase(
    infra.adminDatabaseUrl,
    `${infra.databasePrefix ?? 'crm_bench_flow'}_${name.replace(/-/g, '_')}`,
  );
  const child = fork(join(__dirname, 'complaint-flow-server.ts'), [], {
    execArgv: ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'],
    env: {
      ...process.env,
      KAFKAJS_NO_PARTITIONER_WARNING: '1',
      BENCH_APP: name,
      BENCH_DATABASE_URL: databaseUrl,
      BENCH_REDIS_URL: infra.redisUrl,
      BENCH_KAFKA_BROKERS: infra.kafkaBrokers,
      BENCH_KAFKA_NAMESPACE: infra.kafkaNamespace,
      BENCH_KAFKA_PARTITIONS: String(infra.kafkaPartitions),
      BENCH_JWKS_URL: infra.jwksUrl,
    },
  });
  const timeout = new Promise<never>((_resolve, reject) =>
    setTimeout(() => reject(new Error(`${name} did not start in time`)), START_TIMEOUT_MS).unref(),
  );
  const [message] = (await Promise.race([once(child, 'message'), once(child, 'exit'), timeout])) as [
    { port?: string },
  ];
  if (!message?.port) throw new Error(`${name} stopped before listening`);
  return { name, process: child, url: `http://127.0.0.1:${message.port}`, databaseUrl };
}

async function stopApp(app: RunningApp): Promise<void> {
  if (app.process.exitCode !== null) return;
  const exited = once(app.process, 'exit');
  app.process.disconnect();
  const timer = setTimeout(() => app.process.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}

/** customer-master, call-center and service, each a process with its own database, on one Kafka namespace. */
export class ComplaintFlowServices {
  private constructor(private readonly apps: Map<BenchAppName, RunningApp>) {}

  static async start(infra: Infrastructure): Promise<ComplaintFlowServices> {
    const names: BenchAppName[] = ['customer-master', 'call-center', 'service'];
    const started = await Promise.allSettled(names.map((name) => startApp(name, infra)));
    const apps = new Map<BenchAppName, RunningApp>();
    for (const result of started)
      if (result.status === 'fulfilled') apps.set(result.value.name, result.value);
    const failure = started.find((result) => result.status === 'rejected');
    if (failure) {
      await Promise.all([...apps.values()].map(stopApp));
      throw failure.reason;
    }
    return new ComplaintFlowServices(apps);
  }

  url(name: BenchAppName): string {
    return this.app(name).url;
  }

  databaseUrl(name: BenchAppName): string {
    return this.app(name).databaseUrl;
  }

  async stop(): Promise<void> {
    await Promise.all([...this.apps.values()].map(stopApp));
  }

  private app(name: BenchAppName): RunningApp {
    const app = this.apps.get(name);
    if (!app) throw new Error(`${name} is not running`);
    return app;
  }
}

/** A JSON call to one of the services; anything but 2xx fails with the problem it answered. */
export async function callApi<T>(
  url: string,
  token: string,
  method: 'GET' | 'POST' | 'PUT',
  body?: unknown,
): Promise<{ status: number; body: T }> {
  const response = await fetch(url, {
    method,
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url}: HTTP ${response.status} ${text}`);
  return { status: response.status, body: text ? (JSON.parse(text) as T) : (undefined as T) };
}
