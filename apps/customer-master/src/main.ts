// First: tracing (when OTEL_EXPORTER_OTLP_ENDPOINT is set) must patch http, pg, ioredis and kafkajs before they load.
import '@crm/tracing';
import { bootstrapService } from '@crm/platform';
import { CUSTOMER_MASTER_API, CustomerMasterAppModule } from './customer-master-app.module';
import { customerMasterConfigSchema } from './customer-master-settings';

void bootstrapService({
  service: 'customer-master',
  configSchema: customerMasterConfigSchema,
  appModule: (config) => CustomerMasterAppModule.forRoot(config),
  api: CUSTOMER_MASTER_API,
});
