import { ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { recreateDatabase } from './bench-database';
import { forkServer, listeningPort, stopServer } from './bench-process';
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

async function startApp(name: BenchAppName, infra: Infrastructure): Promise<RunningApp> {
  const databaseUrl = await recreateDatabase(
    infra.adminDatabaseUrl,
    `${infra.databasePrefix ?? 'crm_bench_flow'}_${name.replace(/-/g, '_')}`,
  );
  const child = forkServer(join(__dirname, 'complaint-flow-server.ts'), {
    KAFKAJS_NO_PARTITIONER_WARNING: '1',
    BENCH_APP: name,
    BENCH_DATABASE_URL: databaseUrl,
    BENCH_REDIS_URL: infra.redisUrl,
    BENCH_KAFKA_BROKERS: infra.kafkaBrokers,
    BENCH_KAFKA_NAMESPACE: infra.kafkaNamespace,
    BENCH_KAFKA_PARTITIONS: String(infra.kafkaPartitions),
    BENCH_JWKS_URL: infra.jwksUrl,
  });
  const port = await listeningPort(child, name, START_TIMEOUT_MS);
  return { name, process: child, url: `http://127.0.0.1:${port}`, databaseUrl };
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
      await Promise.all([...apps.values()].map((app) => stopServer(app.process)));
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

  /** The OS process of an app, to read the CPU time it used. */
  processId(name: BenchAppName): number {
    return this.app(name).process.pid ?? 0;
  }

  async stop(): Promise<void> {
    await Promise.all([...this.apps.values()].map((app) => stopServer(app.process)));
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
