import { bootstrapService } from '@crm/platform';
import { SALES_API, SalesAppModule } from './sales-app.module';
import { salesConfigSchema } from './sales.config';
import { SALES_SERVICE } from './sales.constants';

void bootstrapService({
  service: SALES_SERVICE,
  configSchema: salesConfigSchema,
  appModule: (config) => SalesAppModule.forRoot(config),
  api: SALES_API,
});
