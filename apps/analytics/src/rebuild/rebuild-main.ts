/*
 * npm run analytics:rebuild: replays the topics from offset zero into fresh projection tables and swaps
 * them in (ADR 0026), while the service keeps running. Reads DATABASE_URL (the migrator's connection: the
 * rebuild creates, renames and drops tables) and the KAFKA_* variables the service uses.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadConfig, platformConfigSchema } from '@crm/config';
import { kafkaTransportOptions } from '@crm/messaging';
import { ANALYTICS_SERVICE } from '../analytics.constants';
import { ProjectionRebuild } from './projection-rebuild';

const rebuildConfigSchema = platformConfigSchema
  .pick({
    DATABASE_URL: true,
    KAFKA_BROKERS: true,
    KAFKA_NAMESPACE: true,
    KAFKA_PARTITIONS: true,
    KAFKA_REPLICATION_FACTOR: true,
    KAFKA_SSL: true,
    KAFKA_SSL_CA_FILE: true,
    KAFKA_SSL_REJECT_UNAUTHORIZED: true,
    KAFKA_SASL_MECHANISM: true,
    KAFKA_SASL_USERNAME: true,
    KAFKA_SASL_PASSWORD: true,
  })
  .required({ DATABASE_URL: true, KAFKA_BROKERS: true });

async function main(): Promise<void> {
  const config = loadConfig(rebuildConfigSchema);
  const dataSource = await new DataSource({ type: 'postgres', url: config.DATABASE_URL }).initialize();
  try {
    const result = await new ProjectionRebuild({
      dataSource,
      kafka: kafkaTransportOptions(ANALYTICS_SERVICE, config),
      generation: Date.now().toString(36),
    }).run();
    console.log(JSON.stringify({ level: 'info', context: 'analytics:rebuild', ...result }));
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
