export * from './test-database';
export * from './test-tokens';
export * from './eventually';
export * from './test-config';
export * from './recording-listener';
export * from './loopback-smtp-server';
