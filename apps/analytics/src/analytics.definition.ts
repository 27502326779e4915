import { ServiceDefinition } from '@crm/platform';
import { ANALYTICS_API, AnalyticsAppModule } from './analytics-app.module';
import { analyticsConfigSchema } from './analytics.config';
import { ANALYTICS_SERVICE } from './analytics.constants';

/** How analytics runs on its own: main.ts boots it, and its start-up test starts it the same way. */
export const analyticsDefinition: ServiceDefinition<typeof analyticsConfigSchema> = {
  service: ANALYTICS_SERVICE,
  configSchema: analyticsConfigSchema,
  appModule: (config) => AnalyticsAppModule.forRoot(config),
  api: ANALYTICS_API,
};
