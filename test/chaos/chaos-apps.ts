import { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { recreateDatabase } from '../bench/bench-database';
import { forkServer, listeningPort, stopServer } from '../bench/bench-process';
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
    return new ChaosApp(name, await recreateDatabase(infra.adminDatabaseUrl, database), infra);
  }

  get running(): boolean {
    return !!this.child && this.child.exitCode === null && this.child.signalCode === null;
  }

  async start(): Promise<void> {
    const output = this.output();
    const child = forkServer(
      join(__dirname, '../bench/complaint-flow-server.ts'),
      {
        KAFKAJS_NO_PARTITIONER_WARNING: '1',
        BENCH_APP: this.name,
        BENCH_DATABASE_URL: this.databaseUrl,
        BENCH_REDIS_URL: this.infra.redisUrl,
        BENCH_KAFKA_BROKERS: this.infra.kafkaBrokers,
        BENCH_KAFKA_NAMESPACE: this.infra.kafkaNamespace,
        BENCH_KAFKA_PARTITIONS: '3',
        BENCH_JWKS_URL: this.infra.jwksUrl,
      },
      ['ignore', output, output, 'ipc'],
    );
    if (typeof output === 'number') closeSync(output); // the child has its own copy
    this.child = child;
    const port = await listeningPort(child, this.name, START_TIMEOUT_MS);
    this.url = `http://127.0.0.1:${port}`;
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
    if (this.child) await stopServer(this.child);
  }
}
