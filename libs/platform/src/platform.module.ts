import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { LoggerModule } from 'nestjs-pino';
import { join } from 'node:path';
import { AuthModule } from '@crm/auth';
import { PlatformConfig } from '@crm/config';
import { Clock, IdGenerator, RandomIdGenerator, SystemClock } from '@crm/core';
import {
  InProcessTransport,
  KafkaTransport,
  kafkaTransportOptions,
  MessageTransport,
  MessagingModule,
  TracedTransport,
} from '@crm/messaging';
import {
  CacheStore,
  HealthController,
  StartupGate,
  loggerParams,
  MemoryCacheStore,
  MetricsController,
  RedisCacheStore,
} from '@crm/observability';
import { PersistenceModule } from '@crm/persistence';
import { shutdownTracing, tracingEnabled } from '@crm/tracing';
import { NoEventTransport } from './no-event-transport';
import { PLATFORM_METRICS_CONFIG, PLATFORM_SERVICE, PlatformMetrics } from './platform-metrics';

export const PLATFORM_CONFIG = Symbol('PLATFORM_CONFIG');

export interface PlatformOptions {
  /** Names the process in logs and as the Kafka client id. */
  service: string;
  config: PlatformConfig;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
  /** The system clock unless given (the embedded default's demo seed backdates with its own). */
  clock?: Clock;
}

@Injectable()
class CacheShutdown implements OnApplicationShutdown {
  constructor(@Inject(CacheStore) private readonly cache: CacheStore) {}
  async onApplicationShutdown(): Promise<void> {
    await this.cache.close();
  }
}

@Injectable()
class TracingShutdown implements OnApplicationShutdown {
  /** Exports the spans still buffered once everything else has stopped. */
  async onApplicationShutdown(): Promise<void> {
    await shutdownTracing();
  }
}

function createTransport(service: string, config: PlatformConfig): MessageTransport {
  const transport = createUntracedTransport(service, config);
  // Off unless tracing runs (OTEL_EXPORTER_OTLP_ENDPOINT): the relay then sends each batch in one go.
  return tracingEnabled() ? new TracedTransport(transport) : transport;
}

function createUntracedTransport(service: string, config: PlatformConfig): MessageTransport {
  if (config.EVENT_TRANSPORT === 'none') return new NoEventTransport();
  if (config.EVENT_TRANSPORT === 'in-process') return new InProcessTransport();
  return new KafkaTransport(kafkaTransportOptions(service, config));
}

function embeddedDataDir(config: PlatformConfig): string | null {
  return config.DATA_DIR === ':memory:' ? null : join(config.DATA_DIR, 'pgdata');
}

/**
 * What every service stands on: database and migrations, event transport, cache, token
 * verification, clock and ids, JSON logs (nestjs-pino), health and metrics. Each choice comes from configuration.
 */
@Global()
@Module({})
export class PlatformModule {
  static forRoot({ service, config, migrations, clock }: PlatformOptions): DynamicModule {
    return {
      module: PlatformModule,
      imports: [
        TerminusModule,
        LoggerModule.forRoot(loggerParams(service, config.LOG_LEVEL)),
        PersistenceModule.forRoot({
          service,
          databaseUrl: config.DATABASE_URL,
          embeddedDataDir: embeddedDataDir(config),
          migrations,
          migrationsMode: config.DATABASE_MIGRATIONS,
        }),
        MessagingModule.forRoot({
          transport: () => createTransport(service, config),
          relayEnabled: config.OUTBOX_RELAY_ENABLED,
          pollIntervalMs: config.OUTBOX_POLL_INTERVAL_MS,
          retention: { outboxHours: config.OUTBOX_RETENTION_HOURS, inboxHours: config.INBOX_RETENTION_HOURS },
        }),
        AuthModule.forRoot(() => ({
          issuer: config.AUTH_ISSUER,
          audience: config.AUTH_AUDIENCE,
          // The embedded default verifies against its own issuer, served by the same process.
          jwksUrl: config.AUTH_JWKS_URL ?? `http://127.0.0.1:${config.PORT}/auth/jwks`,
        })),
      ],
      // With a management port (METRICS_PORT), /metrics answers there and not on the API port.
      controllers: [HealthController, ...(config.METRICS_PORT === undefined ? [MetricsController] : [])],
      providers: [
        { provide: PLATFORM_CONFIG, useValue: config },
        { provide: PLATFORM_METRICS_CONFIG, useValue: config },
        { provide: PLATFORM_SERVICE, useValue: service },
        PlatformMetrics,
        clock ? { provide: Clock, useValue: clock } : { provide: Clock, useClass: SystemClock },
        { provide: IdGenerator, useClass: RandomIdGenerator },
        {
          provide: CacheStore,
          useFactory: () =>
            config.REDIS_URL ? new RedisCacheStore(config.REDIS_URL) : new MemoryCacheStore(),
        },
        CacheShutdown,
        TracingShutdown,
        StartupGate,
      ],
      exports: [PLATFORM_CONFIG, Clock, IdGenerator, CacheStore, StartupGate],
    };
  }
}
