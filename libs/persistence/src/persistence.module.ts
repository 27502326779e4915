import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, DataSourceOptions } from 'typeorm';
import { EmbeddedPostgres, startEmbeddedPostgres } from './embedded-postgres';
import { runMigrationsLocked } from './run-migrations';
import { MigrationsMode, serviceDataSourceOptions } from './service-data-source';

export interface PersistenceOptions {
  /** Names the service's own migrations table, so services sharing a database keep separate histories. */
  service: string;
  /** A PostgreSQL server; without one the embedded PGlite engine is started. */
  databaseUrl?: string;
  /** Where PGlite keeps its files; null keeps them in memory. */
  embeddedDataDir: string | null;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: Function[];
  poolSize?: number;
  /** skip: a migrate step with a DDL role ran them (deploy/migrate.ts); the service's role may lack DDL rights. */
  migrationsMode?: MigrationsMode;
}

export interface DatabaseServer {
  url: string;
  embedded: boolean;
}

const DATABASE_SERVER = Symbol('DATABASE_SERVER');
const EMBEDDED_POSTGRES = Symbol('EMBEDDED_POSTGRES');

@Injectable()
class EmbeddedPostgresShutdown implements OnApplicationShutdown {
  constructor(@Inject(EMBEDDED_POSTGRES) private readonly embedded: EmbeddedPostgres | null) {}
  async onApplicationShutdown(): Promise<void> {
    await this.embedded?.stop();
  }
}

@Global()
@Module({})
class DatabaseServerModule {
  static forRoot(options: PersistenceOptions): DynamicModule {
    return {
      module: DatabaseServerModule,
      providers: [
        {
          provide: EMBEDDED_POSTGRES,
          useFactory: () => (options.databaseUrl ? null : startEmbeddedPostgres(options.embeddedDataDir)),
        },
        {
          provide: DATABASE_SERVER,
          inject: [EMBEDDED_POSTGRES],
          useFactory: (embedded: EmbeddedPostgres | null): DatabaseServer => ({
            url: embedded?.url ?? (options.databaseUrl as string),
            embedded: embedded !== null,
          }),
        },
        EmbeddedPostgresShutdown,
      ],
      exports: [DATABASE_SERVER],
    };
  }
}

/** One TypeORM DataSource (pg driver) over PostgreSQL or embedded PGlite; migrations run at start unless skipped. */
@Module({})
export class PersistenceModule {
  static forRoot(options: PersistenceOptions): DynamicModule {
    return {
      module: PersistenceModule,
      imports: [
        DatabaseServerModule.forRoot(options),
        TypeOrmModule.forRootAsync({
          inject: [DATABASE_SERVER],
          useFactory: (server: DatabaseServer) => ({
            ...serviceDataSourceOptions({
              service: options.service,
              url: server.url,
              migrations: options.migrations,
              // PGlite is a single session: more than one connection would interleave transactions.
              poolSize: server.embedded ? 1 : (options.poolSize ?? 10),
            }),
            autoLoadEntities: true,
          }),
          dataSourceFactory: async (dataSourceOptions) => {
            const dataSource = await new DataSource(dataSourceOptions as DataSourceOptions).initialize();
            if (options.migrationsMode === 'skip') return dataSource;
            // The embedded engine is one process with one connection: nothing to race with.
            if (dataSource.driver.options.extra?.max === 1)
              await dataSource.runMigrations({ transaction: 'each' });
            else await runMigrationsLocked(dataSource);
            return dataSource;
          },
        }),
      ],
      exports: [TypeOrmModule, DatabaseServerModule],
    };
  }
}
