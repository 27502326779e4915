// integration's one public entry: what the all-in-one and cross-service tests may use.
export { IntegrationModule } from './integration.module';
export { INTEGRATION_API, IntegrationAppModule } from './integration-app.module';
export { type IntegrationConfig, integrationConfigSchema } from './integration.config';
export { integrationDefinition } from './integration.definition';
export { integrationMigrations } from './migrations';
