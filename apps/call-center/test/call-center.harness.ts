import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { EventDefinition, EventEnvelope, PartnerKind, PayloadOf, Role } from '@crm/contracts';
import { MessageTransport } from '@crm/messaging';
import { CacheStore } from '@crm/observability';
import { configureHttpApp } from '@crm/platform';
import {
  createTestDatabase,
  deliver,
  stampedEvent,
  TestDatabase,
  testPlatformConfig,
  TestTokenIssuer,
} from '@crm/testing';
import { CALL_CENTER_API, CallCenterAppModule } from '../src/call-center-app.module';

export interface CallCenterHarnessOptions {
  /** Share the Kafka namespace of another application, e.g. a CustomerMasterHarness. */
  kafkaNamespace?: string;
}

/** The call center on real PostgreSQL, Redis and Kafka, with a token issuer of its own. */
export class CallCenterHarness {
  private constructor(
    readonly app: INestApplication,
    readonly database: TestDatabase,
    readonly tokens: TestTokenIssuer,
  ) {}

  static async start(options: CallCenterHarnessOptions = {}): Promise<CallCenterHarness> {
    const tokens = await TestTokenIssuer.start();
    const database = await createTestDatabase('call_center');
    const config = testPlatformConfig({
      DATABASE_URL: database.url,
      AUTH_JWKS_URL: tokens.jwksUrl,
      ...(options.kafkaNamespace ? { KAFKA_NAMESPACE: options.kafkaNamespace } : {}),
    });
    const moduleRef = await Test.createTestingModule({
      imports: [CallCenterAppModule.forRoot(config)],
    }).compile();
    const app = configureHttpApp(
      moduleRef.createNestApplication({ bodyParser: false, logger: ['error'] }),
      CALL_CENTER_API,
    );
    await app.listen(0, '127.0.0.1');
    return new CallCenterHarness(app, database, tokens);
  }

  http() {
    return request(this.app.getHttpServer());
  }

  async url(path: string): Promise<string> {
    return `${(await this.app.getUrl()).replace('[::1]', '127.0.0.1')}${path}`;
  }

  async as(
    roles: Role[],
    options: { sub?: string; name?: string; partner?: { id: string; kind: PartnerKind } } = {},
  ) {
    const token = await this.tokens.sign({
      sub: options.sub,
      name: options.name,
      roles,
      partnerId: options.partner?.id,
      partnerKind: options.partner?.kind,
    });
    return `Bearer ${token}`;
  }

  /** Publishes an event as its producer would, through the real transport. */
  async publish<D extends EventDefinition>(
    definition: D,
    aggregateId: string,
    payload: PayloadOf<D>,
    producer = 'test-producer',
    occurredAt: Date = new Date(),
  ): Promise<EventEnvelope> {
    const envelope = stampedEvent(definition, aggregateId, payload, {
      occurredAt: occurredAt.toISOString(),
      producer,
    });
    await deliver(this.app.get(MessageTransport), envelope);
    return envelope;
  }

  query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.app.get(DataSource).query(sql, params);
  }

  cache(): CacheStore {
    return this.app.get(CacheStore);
  }

  async stop(): Promise<void> {
    await this.app.close();
    await this.tokens.stop();
    await this.database.drop();
  }
}
