import { randomBytes } from 'node:crypto';
import { Module } from '@nestjs/common';
import request from 'supertest';
import { ConfigError, defineServiceConfig, PlatformConfig } from '@crm/config';
import { PlatformModule, ServiceDefinition, StartedService, startService } from '@crm/platform';
import { createTestDatabase, TEST_ISSUER, TestDatabase, TestTokenIssuer } from '@crm/testing';

@Module({})
class ProbeModule {}

const probeConfigSchema = defineServiceConfig({});

const probe = (onListening?: ServiceDefinition<typeof probeConfigSchema>['onListening']) => ({
  service: 'probe',
  configSchema: probeConfigSchema,
  appModule: (config: PlatformConfig) => ({
    module: ProbeModule,
    imports: [PlatformModule.forRoot({ service: 'probe', config, migrations: [] })],
  }),
  api: { title: 'CRM probe', description: 'A service with nothing but the platform.' },
  forceCloseConnections: true,
  onListening,
});

describe(startService.name, () => {
  let database: TestDatabase;
  let tokens: TestTokenIssuer;
  let started: StartedService<PlatformConfig>;
  let listeningUrl: string | undefined;

  beforeAll(async () => {
    tokens = await TestTokenIssuer.start();
    database = await createTestDatabase('probe');
    started = await startService(
      probe(({ url }) => {
        listeningUrl = url;
      }),
      {
        PORT: '0',
        LOG_LEVEL: 'error',
        DATABASE_URL: database.url,
        REDIS_URL: process.env.TEST_REDIS_URL,
        KAFKA_BROKERS: process.env.TEST_KAFKA_BROKERS,
        KAFKA_NAMESPACE: `t${randomBytes(4).toString('hex')}.`,
        KAFKA_PARTITIONS: '1',
        AUTH_ISSUER: TEST_ISSUER,
        AUTH_JWKS_URL: tokens.jwksUrl,
        // Empty, as a compose file leaves an unset variable: the default applies.
        OUTBOX_POLL_INTERVAL_MS: '',
      },
    );
  });

  afterAll(async () => {
    await started?.app.close();
    await tokens?.stop();
    await database?.drop();
  });

  it('listens on the configured port and hands its URL to onListening', async () => {
    expect(listeningUrl).toBe(started.url);
    expect(started.config.OUTBOX_POLL_INTERVAL_MS).toBe(1_000);
    const response = await fetch(`${started.url}/health/live`);
    expect(response.status).toBe(200);
  });

  it('serves health, metrics and the OpenAPI document under the shared conventions', async () => {
    const http = request(started.app.getHttpServer());
    await http.get('/health/ready').expect(200);
    await http.get('/metrics').expect(200);
    const docs = await http.get('/docs/openapi.json').expect(200);
    expect(docs.body.info.title).toBe('CRM probe');
    const alias = await http.get('/docs-json').expect(200);
    expect(alias.body).toEqual(docs.body);
    expect(alias.body.components.securitySchemes.oauth2.flows.clientCredentials.tokenUrl).toBe('/auth/token');
  });

  it('stops before starting anything when a variable is wrong, naming it', async () => {
    await expect(startService(probe(), { PORT: 'eighty' })).rejects.toThrow(ConfigError);
    await expect(startService(probe(), { PORT: 'eighty' })).rejects.toThrow(/PORT/);
    await expect(startService(probe(), {})).rejects.toThrow(/DATABASE_URL: required/);
  });
});
