// First: tracing (when OTEL_EXPORTER_OTLP_ENDPOINT is set) must patch http, pg, ioredis and kafkajs before they load.
import '@crm/tracing';
import { bootstrapService } from '@crm/platform';
import { IDENTITY_API, IdentityAppModule } from './identity-app.module';
import { identityConfigSchema } from './identity.config';

void bootstrapService({
  service: 'identity',
  configSchema: identityConfigSchema,
  appModule: (config) => IdentityAppModule.forRoot(config),
  api: IDENTITY_API,
});
