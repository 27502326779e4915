export * from './name-keys';
export * from './phone-number';
export * from './search-query';
