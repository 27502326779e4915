/*
 * Runs one service's migrations and exits: the migrate step of a deployment (a Kubernetes Job, a
 * one-shot compose container), run with the service's migrator role before the service starts
 * with DATABASE_MIGRATIONS=skip and its DML-only role.
 *   node -r ./deploy/register-paths.js dist/deploy/migrate.js <app>      (in the image)
 *   npx ts-node --transpile-only -r tsconfig-paths/register deploy/migrate.ts <app>
 * Reads DATABASE_URL (the migrator's connection).
 */
import 'reflect-metadata';
import { join } from 'node:path';
import { loadConfig, platformConfigSchema } from '@crm/config';
import { migrateDatabase } from '@crm/persistence';

const migrateConfigSchema = platformConfigSchema.pick({ DATABASE_URL: true }).required();

/**
 * An app's migrations, exported by its public entry (apps/<app>/src/index.ts) as
 * `<camelCaseApp>Migrations` (identity -> identityMigrations, call-center -> callCenterMigrations).
 * The path is relative to this file, so it resolves the same from deploy/ and from dist/deploy/.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export function loadAppMigrations(app: string): Function[] {
  if (!/^[a-z][a-z0-9-]*$/.test(app)) throw new Error(`not an app name: ${JSON.stringify(app)}`);
  const exportName = `${app.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase())}Migrations`;
  const modulePath = join(__dirname, '..', 'apps', app, 'src');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const migrations: unknown = require(modulePath)[exportName];
  if (!Array.isArray(migrations) || !migrations.every((m) => typeof m === 'function'))
    throw new Error(`apps/${app}/src/index.ts does not export ${exportName} (an array of migration classes)`);
  return migrations;
}

async function main(argv: string[]): Promise<void> {
  const app = argv[0];
  if (!app || argv.length > 1) throw new Error('usage: migrate <app>   (identity, customer-master, ...)');
  const { DATABASE_URL } = loadConfig(migrateConfigSchema);
  const applied = await migrateDatabase({
    service: app,
    databaseUrl: DATABASE_URL,
    migrations: loadAppMigrations(app),
  });
  console.log(
    JSON.stringify({ level: 'info', context: 'migrate', app, applied, message: `${applied.length} applied` }),
  );
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
