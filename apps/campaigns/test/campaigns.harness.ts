import { INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { configureHttpApp } from '@crm/platform';
import { createTestDatabase, TestDatabase, testPlatformConfig, TestTokenIssuer } from '@crm/testing';
import { CAMPAIGNS_API, CampaignsAppModule } from '../src';

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

  static async start(options: { kafkaNamespace?: string } = {}): Promise<CampaignsHarness> {
    const tokens = await TestTokenIssuer.start();
    const database = await createTestDatabase('campaigns');
    const config = testPlatformConfig({
      DATABASE_URL: database.url,
      AUTH_JWKS_URL: tokens.jwksUrl,
      ...(options.kafkaNamespace ? { KAFKA_NAMESPACE: options.kafkaNamespace } : {}),
    });
    const moduleRef = await Test.createTestingModule({
      imports: [CampaignsAppModule.forRoot(config)],
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

  async stop(): Promise<void> {
    await this.app.close();
    await this.tokens.stop();
    await this.database.drop();
  }
}
