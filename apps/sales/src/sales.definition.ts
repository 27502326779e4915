import { ServiceDefinition } from '@crm/platform';
import { SALES_API, SalesAppModule } from './sales-app.module';
import { salesConfigSchema } from './sales.config';
import { SALES_SERVICE } from './sales.constants';

/** How sales runs on its own: main.ts boots it, and its start-up test starts it the same way. */
export const salesDefinition: ServiceDefinition<typeof salesConfigSchema> = {
  service: SALES_SERVICE,
  configSchema: salesConfigSchema,
  appModule: (config) => SalesAppModule.forRoot(config),
  api: SALES_API,
};
