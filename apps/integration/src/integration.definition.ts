import { ServiceDefinition } from '@crm/platform';
import { INTEGRATION_API, IntegrationAppModule } from './integration-app.module';
import { integrationConfigSchema } from './integration.config';
import { INTEGRATION_SERVICE } from './integration.constants';

/** How integration runs on its own: main.ts boots it, and its start-up test starts it the same way. */
export const integrationDefinition: ServiceDefinition<typeof integrationConfigSchema> = {
  service: INTEGRATION_SERVICE,
  configSchema: integrationConfigSchema,
  appModule: (config) => IntegrationAppModule.forRoot(config),
  api: INTEGRATION_API,
};
