export * from './platform.module';
export * from './http-app';
export * from './bootstrap-service';
export * from './read-audit/read-audit';
