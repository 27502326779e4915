export * from './platform.module';
export * from './http-app';
export * from './bootstrap-service';
export * from './read-audit/read-audit';
export * from './read-audit/read-audit-table';
export * from './read-audit/read-audit-retention';
export * from './platform-metrics';
export * from './openapi';
