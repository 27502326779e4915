import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { StartedService, startService } from '@crm/platform';
import { createTestDatabase, TEST_ISSUER, TestDatabase, TestTokenIssuer } from '@crm/testing';
import { CAMPAIGNS_API, CampaignsAppModule, CampaignsConfig, campaignsConfigSchema } from '../src';

describe('campaigns started as its main.ts starts it', () => {
  let database: TestDatabase;
  let tokens: TestTokenIssuer;
  let started: StartedService<CampaignsConfig>;

  beforeAll(async () => {
    tokens = await TestTokenIssuer.start();
    database = await createTestDatabase('campaigns');
    started = await startService(
      {
        service: 'campaigns',
        configSchema: campaignsConfigSchema,
        appModule: (config) => CampaignsAppModule.forRoot(config),
        api: CAMPAIGNS_API,
      },
      {
        PORT: '0',
        LOG_LEVEL: 'warn',
        DATABASE_URL: database.url,
        REDIS_URL: process.env.TEST_REDIS_URL,
        KAFKA_BROKERS: process.env.TEST_KAFKA_BROKERS,
        KAFKA_NAMESPACE: `t${randomBytes(4).toString('hex')}.`,
        KAFKA_PARTITIONS: '1',
        AUTH_ISSUER: TEST_ISSUER,
        AUTH_JWKS_URL: tokens.jwksUrl,
        CAMPAIGNS_UNSUBSCRIBE_SECRET: randomBytes(32).toString('base64url'),
      },
    );
  });

  afterAll(async () => {
    await started?.app.close();
    await tokens?.stop();
    await database?.drop();
  });

  it('is live, and ready on its database, Kafka and Redis', async () => {
    const http = request(started.app.getHttpServer());
    await http.get('/health/live').expect(200);
    await http.get('/health/ready').expect(200);
  });

  it('serves its OpenAPI document', async () => {
    const response = await request(started.app.getHttpServer()).get('/docs/openapi.json').expect(200);
    expect(response.body.info.title).toBe(CAMPAIGNS_API.title);
  });
});
