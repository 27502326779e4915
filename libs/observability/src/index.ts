export * from './logging/logger-params';
export * from './request-context.middleware';
export * from './metrics';
export * from './messaging-metrics';
export * from './consumer-lag';
export * from './metrics-server';
export * from './health.controller';
export * from './cache-store';
