import { randomBytes, randomUUID } from 'node:crypto';
import { Module } from '@nestjs/common';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import request from 'supertest';
import { defineServiceConfig, PlatformConfig } from '@crm/config';
import { messagingTablesDdl } from '@crm/messaging';
import { PlatformMetrics, PlatformModule, StartedService, startService } from '@crm/platform';
import { createTestDatabase, eventually, TEST_ISSUER, TestDatabase, TestTokenIssuer } from '@crm/testing';

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

describe('metrics beyond HTTP', () => {
  const namespace = `t${randomBytes(4).toString('hex')}.`;
  let database: TestDatabase;
  let tokens: TestTokenIssuer;
  let started: StartedService<PlatformConfig> | undefined;

  const start = (variables: Record<string, string> = {}) =>
    startService(probe, {
      PORT: '0',
      LOG_LEVEL: 'error',
      DATABASE_URL: database.url,
      REDIS_URL: process.env.TEST_REDIS_URL,
      KAFKA_BROKERS: process.env.TEST_KAFKA_BROKERS ?? '',
      KAFKA_NAMESPACE: namespace,
      AUTH_ISSUER: TEST_ISSUER,
      AUTH_JWKS_URL: tokens.jwksUrl,
      ...variables,
    });

  beforeAll(async () => {
    tokens = await TestTokenIssuer.start();
    database = await createTestDatabase('metrics');
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query(`CREATE SCHEMA probe`);
      for (const statement of messagingTablesDdl('probe')) await client.query(statement);
      const row = `INSERT INTO probe.outbox_message (event_id, topic, message_key, envelope, headers, created_at, published_at)
                   VALUES ($1, 'crm.probe.thing.v1', 'k', '{}', '{}', now() - $2::interval, $3)`;
      await client.query(row, [randomUUID(), '90 seconds', null]);
      await client.query(row, [randomUUID(), '10 seconds', null]);
      await client.query(row, [randomUUID(), '1 hour', new Date()]);
      await client.query(
        `INSERT INTO probe.dead_letter (consumer, topic, message_key, message, headers, error, attempts)
         VALUES ('reader', 'crm.probe.thing.v1', 'k', '{}', '{}', 'boom', 5)`,
      );
    } finally {
      await client.end();
    }
  });

  afterEach(async () => {
    await started?.app.close();
    started = undefined;
  });

  afterAll(async () => {
    await tokens?.stop();
    await database?.drop();
  });

  it('reports the outbox backlog, the age of its oldest unpublished row and dead letters per schema', async () => {
    started = await start();
    const text = (await request(started.app.getHttpServer()).get('/metrics').expect(200)).text;
    expect(text).toMatch(/^outbox_backlog\{schema="probe"\} 2$/m);
    const age = Number(/^outbox_oldest_unpublished_age_seconds\{schema="probe"\} ([\d.]+)$/m.exec(text)?.[1]);
    expect(age).toBeGreaterThanOrEqual(90);
    expect(age).toBeLessThan(300);
    expect(text).toMatch(/^dead_letters\{schema="probe"\} 1$/m);
  });

  it('reports each consumer group’s lag from the broker’s offsets', async () => {
    const brokers = (process.env.TEST_KAFKA_BROKERS ?? '').split(',');
    const kafka = new Kafka({ clientId: 'lag-probe', brokers, logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    const producer = kafka.producer();
    const topic = `${namespace}crm.probe.thing.v1`;
    await Promise.all([admin.connect(), producer.connect()]);
    try {
      await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 1 }] });
      await producer.send({ topic, messages: [1, 2, 3, 4, 5].map((n) => ({ key: 'k', value: String(n) })) });
      // The group has read two of the five messages.
      await admin.setOffsets({
        groupId: `${namespace}crm.probe.reader`,
        topic,
        partitions: [{ partition: 0, offset: '2' }],
      });
    } finally {
      await Promise.all([admin.disconnect(), producer.disconnect()]);
    }
    started = await start();
    const http = request(started.app.getHttpServer());
    await eventually(async () => {
      const text = (await http.get('/metrics').expect(200)).text;
      expect(text).toMatch(
        /^kafka_consumer_lag\{group="crm\.probe\.reader",topic="crm\.probe\.thing\.v1"\} 3$/m,
      );
    });
  }, 30_000);

  it('serves /metrics on the management port alone when METRICS_PORT is set', async () => {
    started = await start({ METRICS_PORT: '0' });
    await request(started.app.getHttpServer()).get('/metrics').expect(404);
    await request(started.app.getHttpServer()).get('/health/live').expect(200);
    const port = started.app.get(PlatformMetrics).managementPort;
    const response = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/^outbox_backlog\{schema="probe"\} 2$/m);
  });
});
