import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { PartnerKind, Role } from '@crm/contracts';
import { configureHttpApp } from '@crm/platform';
import { createTestDatabase, TestDatabase, testPlatformConfig, TestTokenIssuer } from '@crm/testing';
import { CUSTOMER_MASTER_API, CustomerMasterAppModule } from '../src/customer-master-app.module';

export interface HarnessOptions {
  /** Extra platform variables, e.g. OUTBOX_RELAY_ENABLED=false. */
  env?: Record<string, string>;
  /** Reuse a database (and Kafka namespace) from an earlier harness, as after a restart. */
  database?: TestDatabase;
  kafkaNamespace?: string;
}

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
      imports: [CustomerMasterAppModule.forRoot(config)],
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

  /** Stops the application; the database is kept unless `dropDatabase`. */
  async stop({ dropDatabase = true } = {}): Promise<void> {
    await this.app.close();
    await this.tokens.stop();
    if (dropDatabase) await this.database.drop();
  }
}
