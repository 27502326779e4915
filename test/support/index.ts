export * from './test-database';
export * from './test-tokens';
export * from './eventually';
export * from './test-config';
export * from './recording-listener';
export * from './service-harness';
export * from './service-startup';
export * from './kafka-topic';
