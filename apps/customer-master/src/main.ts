// First: tracing (when OTEL_EXPORTER_OTLP_ENDPOINT is set) must patch http, pg, ioredis and kafkajs before they load.
import '@crm/tracing';
import { distributedConfigSchema } from '@crm/config';
import { bootstrapService } from '@crm/platform';
import { CUSTOMER_MASTER_API, CustomerMasterAppModule } from './customer-master-app.module';

void bootstrapService({
  service: 'customer-master',
  configSchema: distributedConfigSchema,
  appModule: (config) => CustomerMasterAppModule.forRoot(config),
  api: CUSTOMER_MASTER_API,
});
