import { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { freePort } from '../../infra/kafka/kafka-broker';
import { recreateDatabase } from '../bench-database';
import { forkServer, listeningPort, stopServer } from '../bench-process';
import { ComplaintFlowServices, Infrastructure } from '../complaint-flow-services';
import type { BenchAppName } from '../complaint-flow-server';
import { WorldDatabases } from './agent-world';

/** ts-node compiles each app on start: minutes when other work loads the 2 cores. */
const START_TIMEOUT_MS = 300_000;

export type AgentInfrastructure = Omit<Infrastructure, 'jwksUrl' | 'databasePrefix'> & {
  databasePrefix: string;
};

export type ServiceName = BenchAppName | 'identity';

/** identity, customer-master, call-center and service, each an OS process with its own database. */
export class AgentServices {
  private constructor(
    readonly identityUrl: string,
    private readonly identity: ChildProcess,
    private readonly identityDatabaseUrl: string,
    readonly flow: ComplaintFlowServices,
  ) {}

  /** Identity first: the others verify its tokens through its JWKS. */
  static async start(infra: AgentInfrastructure): Promise<AgentServices> {
    const databaseUrl = await recreateDatabase(infra.adminDatabaseUrl, `${infra.databasePrefix}_identity`);
    const port = String(await freePort());
    const identity = forkServer(join(__dirname, 'identity-server.ts'), {
      BENCH_PORT: port,
      BENCH_DATABASE_URL: databaseUrl,
      BENCH_REDIS_URL: infra.redisUrl,
      BENCH_KEY_ENCRYPTION_KEY: randomBytes(32).toString('base64'),
    });
    const identityUrl = `http://127.0.0.1:${port}`;
    const [listening, flow] = await Promise.allSettled([
      listeningPort(identity, 'identity', START_TIMEOUT_MS),
      ComplaintFlowServices.start({ ...infra, jwksUrl: `${identityUrl}/auth/jwks` }),
    ]);
    if (listening.status === 'fulfilled' && flow.status === 'fulfilled')
      return new AgentServices(identityUrl, identity, databaseUrl, flow.value);
    await Promise.all([stopServer(identity), flow.status === 'fulfilled' ? flow.value.stop() : undefined]);
    throw listening.status === 'rejected' ? listening.reason : (flow as PromiseRejectedResult).reason;
  }

  url(name: BenchAppName): string {
    return this.flow.url(name);
  }

  databases(): WorldDatabases {
    return {
      identity: this.identityDatabaseUrl,
      customerMaster: this.flow.databaseUrl('customer-master'),
      callCenter: this.flow.databaseUrl('call-center'),
      service: this.flow.databaseUrl('service'),
    };
  }

  processIds(): Record<ServiceName, number> {
    return {
      identity: this.identity.pid ?? 0,
      'customer-master': this.flow.processId('customer-master'),
      'call-center': this.flow.processId('call-center'),
      service: this.flow.processId('service'),
    };
  }

  async stop(): Promise<void> {
    await Promise.all([stopServer(this.identity), this.flow.stop()]);
  }
}
