// First, as in every main.ts: tracing patches the instrumented modules before they load.
import '@crm/tracing';
import 'reflect-metadata';
import { DynamicModule } from '@nestjs/common';
import { PlatformConfig, platformConfigSchema } from '@crm/config';
import { CALL_CENTER_API, CallCenterAppModule } from '@crm/app-call-center';
import { CUSTOMER_MASTER_API, CustomerMasterAppModule } from '@crm/app-customer-master';
import { SERVICE_API, ServiceAppModule, serviceConfigSchema, serviceSettingsFrom } from '@crm/app-service';
import { ApiDocs, benchServerVariables, serveToParent } from './bench-server';

export type BenchAppName = 'customer-master' | 'call-center' | 'service';

/** Each app as its main.ts builds it, from a configuration with the production defaults (polls included). */
const APPS: Record<BenchAppName, (env: NodeJS.ProcessEnv) => [DynamicModule, ApiDocs]> = {
  'customer-master': (env) => [CustomerMasterAppModule.forRoot(platformConfig(env)), CUSTOMER_MASTER_API],
  'call-center': (env) => [CallCenterAppModule.forRoot(platformConfig(env)), CALL_CENTER_API],
  service: (env) => {
    // The bench's station receivers listen on this machine over http.
    const config = serviceConfigSchema.parse({
      ...variables(env),
      WEBHOOK_ALLOW_HTTP: 'true',
      WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
    });
    return [ServiceAppModule.forRoot(config, serviceSettingsFrom(config)), SERVICE_API];
  },
};

function variables(env: NodeJS.ProcessEnv): Record<string, string | undefined> {
  return {
    ...benchServerVariables(env),
    LOG_LEVEL: 'warn',
    REDIS_URL: env.BENCH_REDIS_URL,
    EVENT_TRANSPORT: 'kafka',
    KAFKA_BROKERS: env.BENCH_KAFKA_BROKERS,
    KAFKA_NAMESPACE: env.BENCH_KAFKA_NAMESPACE,
    KAFKA_PARTITIONS: env.BENCH_KAFKA_PARTITIONS,
  };
}

function platformConfig(env: NodeJS.ProcessEnv): PlatformConfig {
  return platformConfigSchema.parse(variables(env));
}

/**
 * One service of the complaint-flow benchmark in a process of its own, as deployed: runs its
 * migrations, joins Kafka, listens, then tells the parent its port; closes when the parent leaves.
 */
serveToParent(() => APPS[process.env.BENCH_APP as BenchAppName](process.env), ['error', 'warn']);
