import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { z } from 'zod';
import { ServiceDefinition, StartedService, startService } from '@crm/platform';
import { createTestDatabase, TestDatabase } from './test-database';
import { TEST_ISSUER, TestTokenIssuer } from './test-tokens';

/**
 * The start-up test every app has: started as its main.ts starts it (configuration from the
 * environment), it is live, ready on its database, Kafka and Redis, and serves its OpenAPI document.
 */
export function describeServiceStartup<S extends z.ZodObject>(
  definition: ServiceDefinition<S>,
  schema: string,
  /** The app's own required variables (its secrets), on top of the platform's. */
  appEnv: Record<string, string> = {},
): void {
  describe(`${definition.service} started as its main.ts starts it`, () => {
    let database: TestDatabase;
    let tokens: TestTokenIssuer;
    let started: StartedService<z.infer<S>>;

    beforeAll(async () => {
      tokens = await TestTokenIssuer.start();
      database = await createTestDatabase(schema);
      started = await startService(definition, {
        PORT: '0',
        LOG_LEVEL: 'warn',
        DATABASE_URL: database.url,
        REDIS_URL: process.env.TEST_REDIS_URL,
        KAFKA_BROKERS: process.env.TEST_KAFKA_BROKERS,
        KAFKA_NAMESPACE: `t${randomBytes(4).toString('hex')}.`,
        KAFKA_PARTITIONS: '1',
        AUTH_ISSUER: TEST_ISSUER,
        AUTH_JWKS_URL: tokens.jwksUrl,
        ...appEnv,
      });
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
      expect(response.body.info.title).toBe(definition.api.title);
    });
  });
}
