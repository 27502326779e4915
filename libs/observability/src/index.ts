export * from './json-logger';
export * from './request-context.middleware';
export * from './metrics';
export * from './health.controller';
export * from './cache-store';
