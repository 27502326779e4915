import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { PartnerKind, Role } from '@crm/contracts';
import { configureHttpApp } from '@crm/platform';
import { createTestDatabase, TestDatabase, testPlatformConfig, TestTokenIssuer } from '@crm/testing';
import { CUSTOMER_MASTER_API, CustomerMasterAppModule } from '../src/customer-master-app.module';
import { withCheckDigit } from '@crm/core';

export interface HarnessOptions {
  /** Extra platform variables, e.g. OUTBOX_RELAY_ENABLED=false. */
  env?: Record<string, string>;
  /** Reuse a database (and Kafka namespace) from an earlier harness, as after a restart. */
  database?: TestDatabase;
  kafkaNamespace?: string;
  /** The services asked for their part of a person's export. */
  exportSources?: ExportSource[];
}

import { ExportSource } from '../src/data-export/export-sources';
/** customer-master on real PostgreSQL, Redis and Kafka, with a token issuer of its own. */
export class CustomerMasterHarness {
  private constructor(
    readonly app: INestApplication,
    readonly database: TestDatabase,
    readonly tokens: TestTokenIssuer,
    readonly kafkaNamespace: string,
  ) {}

  static async start(options: HarnessOptions = {}): Promise<CustomerMasterHarness> {
    const tokens = await TestTokenIssuer.start();
    const database = options.database ?? (await createTestDatabase('customer_master'));
    const config = testPlatformConfig({
      DATABASE_URL: database.url,
      AUTH_JWKS_URL: tokens.jwksUrl,
      ...(options.kafkaNamespace ? { KAFKA_NAMESPACE: options.kafkaNamespace } : {}),
      ...options.env,
    });
    const moduleRef = await Test.createTestingModule({
      imports: [CustomerMasterAppModule.forRoot({ ...config, EXPORT_SOURCES: options.exportSources ?? [] })],
    }).compile();
    const app = configureHttpApp(
      moduleRef.createNestApplication({ bodyParser: false, logger: ['error'] }),
      CUSTOMER_MASTER_API,
    );
    await app.init();
    return new CustomerMasterHarness(app, database, tokens, config.KAFKA_NAMESPACE);
  }

  http() {
    return request(this.app.getHttpServer());
  }

  token(roles: Role[], partner?: { id: string; kind: PartnerKind }): Promise<string> {
    return this.tokens.sign({ roles, partnerId: partner?.id, partnerKind: partner?.kind });
  }

  async as(roles: Role[], partner?: { id: string; kind: PartnerKind }) {
    return `Bearer ${await this.token(roles, partner)}`;
  }

  query<T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.app.get(DataSource).query(sql, params);
  }

  /** Registers a customer through the API and answers its id. */
  async registerCustomer(body: object, authorization: string): Promise<string> {
    const response = await this.http()
      .post('/customers')
      .set('Authorization', authorization)
      .send(body)
      .expect(201);
    return response.body.id;
  }

  /** The payloads of the events of one type and aggregate written to the outbox, oldest first. */
  async outboxPayloads(type: string, aggregateId: string): Promise<unknown[]> {
    const rows = await this.query<{ envelope: { payload: unknown } }>(
      `SELECT envelope FROM customer_master.outbox_message
        WHERE envelope->>'type' = $1 AND envelope->>'aggregateId' = $2 ORDER BY seq`,
      [type, aggregateId],
    );
    return rows.map((row) => row.envelope.payload);
  }

  /** Stops the application; the database is kept unless `dropDatabase`. */
  async stop({ dropDatabase = true } = {}): Promise<void> {
    await this.app.close();
    await this.tokens.stop();
    if (dropDatabase) await this.database.drop();
  }
}

/** A valid Chinese VIN (check digit computed) ending in the given six-character serial. */
export function testVin(serial: string): string {
  return withCheckDigit(`LSVAU2180N2${serial}`);
}
