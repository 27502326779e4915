import { DataSource } from 'typeorm';
import { migrationsTableName, serviceDataSourceOptions } from './service-data-source';
import { runMigrationsLocked } from './run-migrations';

export interface MigrateDatabaseOptions {
  service: string;
  /** A role allowed to run DDL in the service's schema (the migrator role, see deploy/sql). */
  databaseUrl: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
}

/**
 * Runs a service's pending migrations and returns their names; the migrate step of a deployment
 * (a Kubernetes init container, a compose one-shot) calls it before the service starts with
 * DATABASE_MIGRATIONS=skip; nothing pending is a quick no-op.
 */
export async function migrateDatabase(options: MigrateDatabaseOptions): Promise<string[]> {
  const dataSource = await new DataSource(
    serviceDataSourceOptions({ ...options, url: options.databaseUrl, poolSize: 2 }),
  ).initialize();
  try {
    const applied = await runMigrationsLocked(dataSource);
    await keepHistoryPrivate(dataSource, options.service);
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}

/**
 * The migrator's default privileges hand DML on everything it creates to the service's app role,
 * the history table included; only the migrator should be able to rewrite the history.
 */
async function keepHistoryPrivate(dataSource: DataSource, service: string): Promise<void> {
  const table = `public.${migrationsTableName(service)}`;
  const grantees: { grantee: string }[] = await dataSource.query(
    `SELECT DISTINCT acl.grantee::regrole::text AS grantee
       FROM pg_class c, aclexplode(c.relacl) acl
      WHERE c.oid = to_regclass($1) AND acl.grantee NOT IN (0, c.relowner)`,
    [table],
  );
  for (const { grantee } of grantees) await dataSource.query(`REVOKE ALL ON TABLE ${table} FROM ${grantee}`);
}
