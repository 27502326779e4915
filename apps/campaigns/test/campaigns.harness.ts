import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  EventDefinition,
  EventEnvelope,
  PayloadOf,
  SYSTEM_ACTOR,
  topicFor,
  validateEvent,
} from '@crm/contracts';
import { MessageTransport } from '@crm/messaging';
import { configureHttpApp } from '@crm/platform';
import {
  createTestDatabase,
  TestDatabase,
  testPlatformConfig,
  TestTokenIssuer,
  TokenClaims,
} from '@crm/testing';
import { CAMPAIGNS_API, CampaignsAppModule, CampaignsConfig } from '../src';

/**
 * campaigns on real PostgreSQL, Redis and Kafka, with a token issuer of its own: for its tests, the
 * cross-service journeys and the OpenAPI fuzz suite (which finds it by this file's name).
 */
export class CampaignsHarness {
  private constructor(
    readonly app: INestApplication,
    readonly database: TestDatabase,
    readonly tokens: TestTokenIssuer,
  ) {}

  /** `campaigns` adds campaigns's own settings (an SMTP server, a pace) to the platform configuration. */
  static async start(
    options: { kafkaNamespace?: string; campaigns?: Partial<CampaignsConfig> } = {},
  ): Promise<CampaignsHarness> {
    const tokens = await TestTokenIssuer.start();
    const database = await createTestDatabase('campaigns');
    const config = testPlatformConfig({
      DATABASE_URL: database.url,
      AUTH_JWKS_URL: tokens.jwksUrl,
      ...(options.kafkaNamespace ? { KAFKA_NAMESPACE: options.kafkaNamespace } : {}),
    });
    const moduleRef = await Test.createTestingModule({
      imports: [CampaignsAppModule.forRoot({ ...config, ...options.campaigns })],
    }).compile();
    const app = configureHttpApp(
      moduleRef.createNestApplication({ bodyParser: false, logger: ['error'] }),
      CAMPAIGNS_API,
    );
    await app.listen(0, '127.0.0.1');
    return new CampaignsHarness(app, database, tokens);
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
    const envelope = validateEvent({
      id: randomUUID(),
      type: definition.type,
      version: definition.version,
      occurredAt,
      producer: 'test-producer',
      aggregateType: definition.aggregateType,
      aggregateId,
      correlationId: randomUUID(),
      causationId: null,
      actor: SYSTEM_ACTOR,
      payload,
    });
    await this.app
      .get(MessageTransport)
      .publish([
        { topic: topicFor(definition), key: aggregateId, value: JSON.stringify(envelope), headers: {} },
      ]);
    return envelope;
  }

  query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.app.get(DataSource).query(sql, params);
  }

  async stop(): Promise<void> {
    await this.app.close();
    await this.tokens.stop();
    await this.database.drop();
  }
}
