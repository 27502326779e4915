// The integration app alone in a process of its own, as deployed (migrations, Kafka, its background loops), so a
// test can kill it with SIGKILL mid-work and start it again on the same database and Kafka namespace.
import 'reflect-metadata';
import { TEST_ISSUER } from '@crm/testing';
import { INTEGRATION_API, IntegrationAppModule, integrationConfigSchema } from '../src';
import { serveToParent } from '../../../test/bench/bench-server';

serveToParent(() => {
  const env = process.env;
  const config = integrationConfigSchema.parse({
    PORT: '0',
    LOG_LEVEL: 'error',
    DATABASE_URL: env.DATABASE_URL,
    REDIS_URL: env.REDIS_URL,
    EVENT_TRANSPORT: 'kafka',
    KAFKA_BROKERS: env.KAFKA_BROKERS,
    KAFKA_NAMESPACE: env.KAFKA_NAMESPACE,
    KAFKA_PARTITIONS: '3',
    AUTH_ISSUER: TEST_ISSUER,
    AUTH_JWKS_URL: env.AUTH_JWKS_URL,
    INTEGRATION_WORKFLOW_POLL_INTERVAL_MS: '100',
    INTEGRATION_WEBHOOK_ALLOW_HTTP: 'true',
    INTEGRATION_WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
  });
  return [IntegrationAppModule.forRoot(config), INTEGRATION_API];
});
