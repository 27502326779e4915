import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  CustomerRegistered,
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
import {
  createTestDatabase,
  eventually,
  TestDatabase,
  testPlatformConfig,
  TestTokenIssuer,
} from '@crm/testing';
import { SALES_API, SalesAppModule } from '../src';
import { assignmentRulesSchema } from '../src/leads/assignment/assignment-rules';

export interface SalesHarnessOptions {
  kafkaNamespace?: string;
  /** SALES_LEAD_ASSIGNMENT, e.g. `web_form=nearest-dealer`. */
  leadAssignment?: string;
  /** Where converting a lead registers the customer (another harness's customer-master). */
  customerMasterUrl?: string;
  /** Share another harness's token issuer, so one caller's token is good at both services (not stopped here). */
  tokens?: TestTokenIssuer;
  /** Replaces the system clock, for tests that move time forward (reminders, quota pro-rating). */
  clock?: Clock;
  /** Run a second instance on another instance's database (dropped by the instance that created it). */
  database?: TestDatabase;
}

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
    private readonly ownsDatabase: boolean,
    private readonly ownsTokens: boolean,
  ) {}

  static async start(options: SalesHarnessOptions = {}): Promise<SalesHarness> {
    const tokens = options.tokens ?? (await TestTokenIssuer.start());
    const database = options.database ?? (await createTestDatabase('sales'));
    const config = testPlatformConfig({
      DATABASE_URL: database.url,
      AUTH_JWKS_URL: tokens.jwksUrl,
      ...(options.kafkaNamespace ? { KAFKA_NAMESPACE: options.kafkaNamespace } : {}),
    });
    const builder = Test.createTestingModule({
      imports: [
        SalesAppModule.forRoot({
          ...config,
          SALES_CUSTOMER_MASTER_URL: options.customerMasterUrl,
          SALES_LEAD_ASSIGNMENT: assignmentRulesSchema.parse(options.leadAssignment),
        }),
      ],
    });
    if (options.clock) builder.overrideProvider(Clock).useValue(options.clock);
    const moduleRef = await builder.compile();
    const app = configureHttpApp(
      moduleRef.createNestApplication({ bodyParser: false, logger: ['error'] }),
      SALES_API,
    );
    await app.listen(0, '127.0.0.1');
    return new SalesHarness(app, database, tokens, !options.database, !options.tokens);
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

  /** A customer registered in the customer master, once its event reached the sales replica. */
  async knownCustomer(customer: { name: string; phones?: string[]; emails?: string[] }): Promise<string> {
    const customerId = randomUUID();
    await this.publish(CustomerRegistered, customerId, {
      customerId,
      kind: 'person',
      name: customer.name,
      namePinyin: null,
      phones: customer.phones ?? [],
      emails: customer.emails ?? [],
      address: null,
      birthday: null,
      gender: null,
      tags: [],
      ownerSalesRepId: null,
      consents: [],
    });
    await eventually(async () =>
      expect(
        await this.query(`SELECT 1 FROM sales.customer_contact WHERE customer_id = $1`, [customerId]),
      ).toHaveLength(1),
    );
    return customerId;
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
    if (this.ownsTokens) await this.tokens.stop();
    if (this.ownsDatabase) await this.database.drop();
  }
}
