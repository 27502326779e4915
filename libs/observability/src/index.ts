export * from './logging/logger-params';
export * from './request-context.middleware';
export * from './metrics';
export * from './health.controller';
export * from './cache-store';
