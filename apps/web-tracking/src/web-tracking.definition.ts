import { ServiceDefinition } from '@crm/platform';
import { WEB_TRACKING_API, WebTrackingAppModule } from './web-tracking-app.module';
import { webTrackingConfigSchema } from './web-tracking.config';
import { WEB_TRACKING_SERVICE } from './web-tracking.constants';

/** How web-tracking runs on its own: main.ts boots it, and its start-up test starts it the same way. */
export const webTrackingDefinition: ServiceDefinition<typeof webTrackingConfigSchema> = {
  service: WEB_TRACKING_SERVICE,
  configSchema: webTrackingConfigSchema,
  appModule: (config) => WebTrackingAppModule.forRoot(config),
  api: WEB_TRACKING_API,
};
