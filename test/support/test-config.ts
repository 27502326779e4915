import { randomBytes } from 'node:crypto';
import { PlatformConfig, platformConfigSchema } from '@crm/config';
import { TEST_ISSUER } from './test-tokens';

/** Platform configuration pointing at the test infrastructure, with a Kafka namespace of its own. */
export function testPlatformConfig(
  overrides: Partial<Record<string, string>> & { DATABASE_URL: string; AUTH_JWKS_URL: string },
): PlatformConfig {
  return platformConfigSchema.parse({
    PORT: '0',
    LOG_LEVEL: 'warn',
    REDIS_URL: process.env.TEST_REDIS_URL,
    EVENT_TRANSPORT: 'kafka',
    KAFKA_BROKERS: process.env.TEST_KAFKA_BROKERS,
    KAFKA_NAMESPACE: `t${randomBytes(4).toString('hex')}.`,
    KAFKA_PARTITIONS: '3',
    OUTBOX_POLL_INTERVAL_MS: '200',
    AUTH_ISSUER: TEST_ISSUER,
    ...overrides,
  });
}
