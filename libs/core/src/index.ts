export * from './clock';
export * from './id-generator';
export * from './request-context';
export * from './domain-errors';
export * from './vin';
