import { DynamicModule, INestApplication } from '@nestjs/common';
import { Test, TestingModuleBuilder } from '@nestjs/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { EventDefinition, EventEnvelope, PayloadOf } from '@crm/contracts';
import { PlatformConfig } from '@crm/config';
import { MessageTransport, messagesOf, OutboxRow } from '@crm/messaging';
import { configureHttpApp, HttpAppOptions } from '@crm/platform';
import { deliver, stampedEvent } from './stamped-events';
import { createTestDatabase, TestDatabase } from './test-database';
import { testPlatformConfig } from './test-config';
import { TestTokenIssuer, TokenClaims } from './test-tokens';

export interface AppHarnessOptions {
  /** Share the Kafka namespace of another harness, so the two exchange events. */
  kafkaNamespace?: string;
  /** Share another harness's token issuer, so one caller's token is good at both (not stopped here). */
  tokens?: TestTokenIssuer;
  /** Run a second instance on another instance's database (dropped by the instance that created it). */
  database?: TestDatabase;
}

/** What one app needs to be started by a harness: its schema and its root module for a configuration. */
export interface HarnessedApp {
  /** The app's schema, which also names its test database. */
  schema: string;
  api: HttpAppOptions;
  appModule: (config: PlatformConfig) => DynamicModule;
  /** Replaces providers before the module compiles, e.g. the clock. */
  override?: (builder: TestingModuleBuilder) => void;
}

interface BootedService {
  app: INestApplication;
  database: TestDatabase;
  tokens: TestTokenIssuer;
  schema: string;
  ownsDatabase: boolean;
  ownsTokens: boolean;
}

/**
 * One app on real PostgreSQL, Redis and Kafka, with a token issuer of its own: the base of each app's
 * test harness (its tests, the cross-service journeys and the OpenAPI fuzz suite, which finds a
 * harness by its file name).
 */
export class AppHarness {
  readonly app: INestApplication;
  readonly database: TestDatabase;
  readonly tokens: TestTokenIssuer;
  private readonly booted: BootedService;

  protected constructor(booted: BootedService) {
    this.booted = booted;
    this.app = booted.app;
    this.database = booted.database;
    this.tokens = booted.tokens;
  }

  protected static async boot(
    service: HarnessedApp,
    options: AppHarnessOptions = {},
  ): Promise<BootedService> {
    const tokens = options.tokens ?? (await TestTokenIssuer.start());
    const database = options.database ?? (await createTestDatabase(service.schema));
    const config = testPlatformConfig({
      DATABASE_URL: database.url,
      AUTH_JWKS_URL: tokens.jwksUrl,
      ...(options.kafkaNamespace ? { KAFKA_NAMESPACE: options.kafkaNamespace } : {}),
    });
    const builder = Test.createTestingModule({ imports: [service.appModule(config)] });
    service.override?.(builder);
    const moduleRef = await builder.compile();
    const app = configureHttpApp(
      moduleRef.createNestApplication({ bodyParser: false, logger: ['error'] }),
      service.api,
    );
    await app.listen(0, '127.0.0.1');
    return {
      app,
      database,
      tokens,
      schema: service.schema,
      ownsDatabase: !options.database,
      ownsTokens: !options.tokens,
    };
  }

  http() {
    return request(this.app.getHttpServer());
  }

  async auth(claims: TokenClaims): Promise<string> {
    return `Bearer ${await this.tokens.sign(claims)}`;
  }

  /** Publishes an event as its producer would, through the real transport; `occurredAt` defaults to now. */
  async publish<D extends EventDefinition>(
    definition: D,
    aggregateId: string,
    payload: PayloadOf<D>,
    occurredAt = new Date().toISOString(),
  ): Promise<EventEnvelope> {
    const envelope = stampedEvent(definition, aggregateId, payload, { occurredAt });
    await deliver(this.app.get(MessageTransport), envelope);
    return envelope;
  }

  query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.app.get(DataSource).query(sql, params);
  }

  /** The envelopes the app wrote to its outbox, oldest first, as the relay publishes them; only those of one type when given. */
  async outbox(type?: string): Promise<EventEnvelope[]> {
    const rows = await this.query<OutboxRow>(
      `SELECT seq, topic, message_key, envelope, headers, batch FROM ${this.booted.schema}.outbox_message ORDER BY seq`,
    );
    return rows
      .flatMap(messagesOf)
      .map((message) => (message.value === null ? null : JSON.parse(String(message.value))) as EventEnvelope)
      .filter((e) => !type || e.type === type);
  }

  async stop(): Promise<void> {
    await this.app.close();
    if (this.booted.ownsTokens) await this.tokens.stop();
    if (this.booted.ownsDatabase) await this.database.drop();
  }
}
