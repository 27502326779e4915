import { DataSource } from 'typeorm';
import { loadConfig, PlatformConfig, platformConfigSchema } from '@crm/config';

/** The schema a messaging command works on: `--schema <schema>`, or `--app <app>` (its schema, `-` read as `_`). */
export function selectedSchema(values: { app?: string; schema?: string }): string | undefined {
  return values.schema ?? values.app?.replace(/-/g, '_');
}

export const SCHEMA_OPTIONS = {
  app: { type: 'string' },
  schema: { type: 'string' },
} as const;

/** Opens the database named by DATABASE_URL (as for the service), runs `work`, and closes it. */
export async function withServiceDatabase<T>(
  work: (dataSource: DataSource, config: PlatformConfig) => Promise<T>,
): Promise<T> {
  const config = loadConfig(platformConfigSchema);
  if (!config.DATABASE_URL) throw new Error('DATABASE_URL is required');
  const dataSource = await new DataSource({ type: 'postgres', url: config.DATABASE_URL }).initialize();
  try {
    return await work(dataSource, config);
  } finally {
    await dataSource.destroy();
  }
}
