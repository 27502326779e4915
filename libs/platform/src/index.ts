export * from './platform.module';
export * from './http-app';
