import { DataSource } from 'typeorm';
import { kafkaTransportOptions } from '@crm/messaging';
import { testPlatformConfig } from '@crm/testing';
import { ProjectionRebuild } from '../src/rebuild/projection-rebuild';
import { AnalyticsHarness } from './analytics.harness';

/** A rebuild of the harness's projections from its namespace's topics, as `npm run analytics:rebuild` runs it. */
export function projectionRebuild(
  harness: AnalyticsHarness,
  namespace: string,
  generation: string,
): ProjectionRebuild {
  return new ProjectionRebuild({
    dataSource: harness.app.get(DataSource),
    kafka: kafkaTransportOptions(
      'analytics',
      testPlatformConfig({
        DATABASE_URL: harness.database.url,
        AUTH_JWKS_URL: harness.tokens.jwksUrl,
        KAFKA_NAMESPACE: namespace,
      }),
    ),
    generation,
  });
}
