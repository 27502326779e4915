export * from './clock';
export * from './id-generator';
export * from './request-context';
export * from './domain-errors';
export * from './vin';
export * from './signed-links/link-signer';
export * from './signed-links/campaign-tracking-tokens';
export * from './lift';
