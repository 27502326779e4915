export * from './persistence.module';
export * from './embedded-postgres';
