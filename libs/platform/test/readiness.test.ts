import { randomBytes } from 'node:crypto';
import { Module } from '@nestjs/common';
import { Client } from 'pg';
import request from 'supertest';
import { defineServiceConfig, PlatformConfig } from '@crm/config';
import { PlatformModule, StartedService, startService } from '@crm/platform';
import { createTestDatabase, TEST_ISSUER, TestDatabase, TestTokenIssuer } from '@crm/testing';

@Module({})
class ProbeModule {}

const probeConfigSchema = defineServiceConfig({});

const probe = {
  service: 'probe',
  configSchema: probeConfigSchema,
  appModule: (config: PlatformConfig) => ({
    module: ProbeModule,
    imports: [PlatformModule.forRoot({ service: 'probe', config, migrations: [] })],
  }),
  api: { title: 'CRM probe', description: 'A service with nothing but the platform.' },
  forceCloseConnections: true,
};

async function asAdmin(work: (client: Client) => Promise<unknown>): Promise<void> {
  const client = new Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

describe('readiness (GET /health/ready)', () => {
  let database: TestDatabase;
  let tokens: TestTokenIssuer;
  let started: StartedService<PlatformConfig> | undefined;

  const start = (variables: Record<string, string>) =>
    startService(probe, {
      PORT: '0',
      LOG_LEVEL: 'error',
      DATABASE_URL: database.url,
      REDIS_URL: process.env.TEST_REDIS_URL,
      KAFKA_NAMESPACE: `t${randomBytes(4).toString('hex')}.`,
      AUTH_ISSUER: TEST_ISSUER,
      AUTH_JWKS_URL: tokens.jwksUrl,
      ...variables,
    });

  beforeAll(async () => {
    tokens = await TestTokenIssuer.start();
    database = await createTestDatabase('readiness');
  });

  afterEach(async () => {
    await started?.app.close();
    started = undefined;
  });

  afterAll(async () => {
    await tokens?.stop();
    await database?.drop();
  });

  it('stays in traffic while Kafka is unreachable, reporting the broker as degraded and in a metric', async () => {
    // Nothing listens on port 1: the broker is down for this service.
    started = await start({ KAFKA_BROKERS: '127.0.0.1:1' });
    const http = request(started.app.getHttpServer());
    const ready = await http.get('/health/ready').expect(200);
    expect(ready.body.status).toBe('ok');
    expect(ready.body.details.database.status).toBe('up');
    expect(ready.body.details['events:kafka']).toMatchObject({
      status: 'up',
      degraded: true,
      reachable: false,
    });
    const metrics = await http.get('/metrics').expect(200);
    expect(metrics.text).toMatch(/^event_transport_up\{transport="kafka"\} 0$/m);
  }, 30_000);

  it('reports a reachable broker as up, with no degradation', async () => {
    started = await start({ KAFKA_BROKERS: process.env.TEST_KAFKA_BROKERS ?? '' });
    const http = request(started.app.getHttpServer());
    const ready = await http.get('/health/ready').expect(200);
    expect(ready.body.details['events:kafka']).toEqual({ status: 'up' });
    expect((await http.get('/metrics')).text).toMatch(/^event_transport_up\{transport="kafka"\} 1$/m);
  }, 30_000);

  it('leaves the event transport out for a service that has none (identity)', async () => {
    started = await start({ EVENT_TRANSPORT: 'none' });
    const ready = await request(started.app.getHttpServer()).get('/health/ready').expect(200);
    expect(Object.keys(ready.body.details)).toEqual(['database', 'cache:redis']);
  });

  it('takes the service out of traffic (503) when its database is down', async () => {
    started = await start({ EVENT_TRANSPORT: 'none' });
    const http = request(started.app.getHttpServer());
    await http.get('/health/ready').expect(200);
    await asAdmin(async (admin) => {
      await admin.query(`ALTER DATABASE ${database.name} ALLOW_CONNECTIONS false`);
      await admin.query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1`, [
        database.name,
      ]);
    });
    try {
      // The problem+json filter answers the failed check (terminus names the database in its log line).
      await http.get('/health/ready').expect(503);
    } finally {
      await asAdmin((admin) => admin.query(`ALTER DATABASE ${database.name} ALLOW_CONNECTIONS true`));
    }
  }, 30_000);
});
