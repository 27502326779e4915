// First: tracing (when OTEL_EXPORTER_OTLP_ENDPOINT is set) must patch http, pg, ioredis and kafkajs before they load.
import '@crm/tracing';
import { bootstrapService } from '@crm/platform';
import { CAMPAIGNS_API, CampaignsAppModule } from './campaigns-app.module';
import { campaignsConfigSchema } from './campaigns.config';
import { CAMPAIGNS_SERVICE } from './campaigns.constants';

void bootstrapService({
  service: CAMPAIGNS_SERVICE,
  configSchema: campaignsConfigSchema,
  appModule: (config) => CampaignsAppModule.forRoot(config),
  api: CAMPAIGNS_API,
});
