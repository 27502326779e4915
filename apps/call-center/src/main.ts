// First: tracing (when OTEL_EXPORTER_OTLP_ENDPOINT is set) must patch http, pg, ioredis and kafkajs before they load.
import '@crm/tracing';
import { distributedConfigSchema } from '@crm/config';
import { bootstrapService } from '@crm/platform';
import { CALL_CENTER_SERVICE } from './call-center.constants';
import { CALL_CENTER_API, CallCenterAppModule } from './call-center-app.module';

void bootstrapService({
  service: CALL_CENTER_SERVICE,
  configSchema: distributedConfigSchema,
  appModule: (config) => CallCenterAppModule.forRoot(config),
  api: CALL_CENTER_API,
  // Open screen-pop streams must not hold up a graceful shutdown.
  forceCloseConnections: true,
});
