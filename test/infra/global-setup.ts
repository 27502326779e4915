import { provisionTestInfrastructure, TestInfrastructure } from './infrastructure';

declare global {
  var __CRM_TEST_INFRA__: TestInfrastructure | undefined;
}

export default async function globalSetup(): Promise<void> {
  const infra = await provisionTestInfrastructure();
  globalThis.__CRM_TEST_INFRA__ = infra;
  process.env.TEST_DATABASE_URL = infra.databaseUrl;
  process.env.TEST_REDIS_URL = infra.redisUrl;
  process.env.TEST_KAFKA_BROKERS = infra.kafkaBrokers;
  console.log(
    `\n[test infrastructure: ${infra.source}] postgres=${redact(infra.databaseUrl)} redis=${infra.redisUrl} kafka=${infra.kafkaBrokers}`,
  );
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]+@/, '//$1:***@');
}
