import { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';

/** on-start: the service migrates its schema before it serves; skip: a separate migrate step did. */
export type MigrationsMode = 'on-start' | 'skip';

export interface ServiceDataSourceOptions {
  /** Names the service's own migrations table, so services sharing a database keep separate histories. */
  service: string;
  url: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
  poolSize: number;
}

/** The history table TypeORM keeps in `public` for one service, e.g. `migrations_customer_master`. */
export function migrationsTableName(service: string): string {
  return `migrations_${service.replace(/[^a-z0-9]/g, '_')}`;
}

/** The settings the service process and the migrate step share, so both agree on the history table. */
export function serviceDataSourceOptions(options: ServiceDataSourceOptions): PostgresConnectionOptions {
  return {
    type: 'postgres',
    url: options.url,
    migrations: options.migrations,
    migrationsRun: false,
    migrationsTableName: migrationsTableName(options.service),
    synchronize: false,
    extra: { max: options.poolSize },
  };
}
