import { ChildProcess, fork } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import type { BenchAppName } from '../bench/complaint-flow-server';

export type AppName = BenchAppName;

export interface ChaosInfrastructure {
  adminDatabaseUrl: string;
  redisUrl: string;
  kafkaBrokers: string;
  kafkaNamespace: string;
  jwksUrl: string;
}

const START_TIMEOUT_MS = Number(process.env.CHAOS_START_TIMEOUT_MS ?? 180_000);
/** CHAOS_LOG_DIR=<folder> appends each app's stdout and stderr to <folder>/<app>.log; discarded otherwise. */
const LOG_DIR = process.env.CHAOS_LOG_DIR;

export async function withClient<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** One service as its own OS process (the benchmark's server entry), killed with -9 and started again on its data. */
export class ChaosApp {
  url = '';
  private child?: ChildProcess;

  private constructor(
    readonly name: AppName,
    readonly databaseUrl: string,
    private readonly infra: ChaosInfrastructure,
  ) {}

  static async create(name: AppName, infra: ChaosInfrastructure): Promise<ChaosApp> {
    const database = `crm_chaos_${name.replace(/-/g, '_')}`;
    await withClient(infra.adminDatabaseUrl, async (client) => {
      await client.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${database}`);
    });
    const url = new URL(infra.adminDatabaseUrl);
    url.pathname = `/${database}`;
    return new ChaosApp(name, url.toString(), infra);
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  async start(): Promise<void> {
    const output = this.output();
    const child = fork(join(__dirname, '../bench/complaint-flow-server.ts'), [], {
      execArgv: ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register'],
      stdio: ['ignore', output, output, 'ipc'],
      env: {
        ...process.env,
        KAFKAJS_NO_PARTITIONER_WARNING: '1',
        BENCH_APP: this.name,
        BENCH_DATABASE_URL: this.databaseUrl,
        BENCH_REDIS_URL: this.infra.redisUrl,
        BENCH_KAFKA_BROKERS: this.infra.kafkaBrokers,
        BENCH_KAFKA_NAMESPACE: this.infra.kafkaNamespace,
        BENCH_KAFKA_PARTITIONS: '3',
        BENCH_JWKS_URL: this.infra.jwksUrl,
      },
    });
    if (typeof output === 'number') closeSync(output); // the child has its own copy
    this.child = child;
    const timeout = new Promise<never>((_resolve, reject) =>
      setTimeout(() => reject(new Error(`${this.name} did not start in time`)), START_TIMEOUT_MS).unref(),
    );
    const [message] = (await Promise.race([once(child, 'message'), once(child, 'exit'), timeout])) as [
      { port?: string },
    ];
    if (!message?.port) throw new Error(`${this.name} stopped before listening`);
    this.url = `http://127.0.0.1:${message.port}`;
  }

  private output(): 'ignore' | number {
    return LOG_DIR ? openSync(join(LOG_DIR, `${this.name}.log`), 'a') : 'ignore';
  }

  /** kill -9: no shutdown hook runs, whatever was in flight is cut off. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    const exited = once(child, 'exit');
    child.disconnect();
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(timer);
  }
}
