import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  EventDefinition,
  EventEnvelope,
  PayloadOf,
  Role,
  Roles,
  SYSTEM_ACTOR,
  topicFor,
  validateEvent,
} from '@crm/contracts';
import { Clock } from '@crm/core';
import { MessageTransport } from '@crm/messaging';
import { configureHttpApp } from '@crm/platform';
import { createTestDatabase, TestDatabase, testPlatformConfig, TestTokenIssuer } from '@crm/testing';
import { SALES_API, SalesAppModule } from '../src';

export interface SalesCaller {
  sub: string;
  roles: Role[];
  partnerId?: string;
}

/** The sales service on real PostgreSQL, Redis and Kafka, with a token issuer of its own. */
export class SalesHarness {
  private constructor(
    readonly app: INestApplication,
    readonly database: TestDatabase,
    readonly tokens: TestTokenIssuer,
  ) {}

  /** `clock` replaces the system clock (record times, quota pro-rating) for deterministic tests. */
  static async start(options: { kafkaNamespace?: string; clock?: Clock } = {}): Promise<SalesHarness> {
    const tokens = await TestTokenIssuer.start();
    const database = await createTestDatabase('sales');
    const config = testPlatformConfig({
      DATABASE_URL: database.url,
      AUTH_JWKS_URL: tokens.jwksUrl,
      ...(options.kafkaNamespace ? { KAFKA_NAMESPACE: options.kafkaNamespace } : {}),
    });
    const builder = Test.createTestingModule({ imports: [SalesAppModule.forRoot(config)] });
    if (options.clock) builder.overrideProvider(Clock).useValue(options.clock);
    const moduleRef = await builder.compile();
    const app = configureHttpApp(
      moduleRef.createNestApplication({ bodyParser: false, logger: ['error'] }),
      SALES_API,
    );
    await app.listen(0, '127.0.0.1');
    return new SalesHarness(app, database, tokens);
  }

  http() {
    return request(this.app.getHttpServer());
  }

  async auth(caller: SalesCaller): Promise<string> {
    const token = await this.tokens.sign({
      sub: caller.sub,
      roles: caller.roles,
      partnerId: caller.partnerId,
      partnerKind: caller.partnerId ? 'dealer' : undefined,
    });
    return `Bearer ${token}`;
  }

  /** Places people in the tree as an admin would: [userId, managerId] pairs, top first. */
  async tree(members: [string, string | null][]): Promise<void> {
    const admin = await this.auth({ sub: 'admin', roles: [Roles.admin] });
    for (const [userId, managerId] of members) {
      await this.http()
        .put(`/sales-team/members/${userId}`)
        .set('authorization', admin)
        .send({ name: userId, managerId })
        .expect(200);
    }
  }

  /** Publishes an event as its producer would, through the real transport. */
  async publish<D extends EventDefinition>(
    definition: D,
    aggregateId: string,
    payload: PayloadOf<D>,
  ): Promise<EventEnvelope> {
    const envelope = validateEvent({
      id: randomUUID(),
      type: definition.type,
      version: definition.version,
      occurredAt: new Date().toISOString(),
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

  /** The envelopes the service wrote to its outbox, oldest first. */
  async outbox(type?: string): Promise<EventEnvelope[]> {
    const rows = await this.query<{ envelope: EventEnvelope }>(
      `SELECT envelope FROM sales.outbox_message ORDER BY seq`,
    );
    return rows.map((r) => r.envelope).filter((e) => !type || e.type === type);
  }

  async stop(): Promise<void> {
    await this.app.close();
    await this.tokens.stop();
    await this.database.drop();
  }
}
