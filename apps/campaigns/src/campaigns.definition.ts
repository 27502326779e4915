import { ServiceDefinition } from '@crm/platform';
import { CAMPAIGNS_API, CampaignsAppModule } from './campaigns-app.module';
import { campaignsConfigSchema } from './campaigns.config';
import { CAMPAIGNS_SERVICE } from './campaigns.constants';

/** How campaigns runs on its own: main.ts boots it, and its start-up test starts it the same way. */
export const campaignsDefinition: ServiceDefinition<typeof campaignsConfigSchema> = {
  service: CAMPAIGNS_SERVICE,
  configSchema: campaignsConfigSchema,
  appModule: (config) => CampaignsAppModule.forRoot(config),
  api: CAMPAIGNS_API,
};
