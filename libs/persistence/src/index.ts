export * from './persistence.module';
export * from './embedded-postgres';
export * from './migrate-database';
export { type MigrationsMode, migrationsTableName } from './service-data-source';
export * from './geo-sql';
export * from './timestamp-sql';
