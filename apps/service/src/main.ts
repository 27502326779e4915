// First: tracing (when OTEL_EXPORTER_OTLP_ENDPOINT is set) must patch http, pg, ioredis and kafkajs before they load.
import '@crm/tracing';
import { bootstrapService } from '@crm/platform';
import { SERVICE_API, ServiceAppModule } from './service-app.module';
import { serviceConfigSchema, serviceSettingsFrom } from './service-settings';

void bootstrapService({
  service: 'service',
  configSchema: serviceConfigSchema,
  appModule: (config) => ServiceAppModule.forRoot(config, serviceSettingsFrom(config)),
  api: SERVICE_API,
});
