// campaigns's one public entry: what the all-in-one and cross-service tests may use.
export { CampaignsModule } from './campaigns.module';
export { CAMPAIGNS_API, CampaignsAppModule } from './campaigns-app.module';
export { type CampaignsConfig, campaignsConfigSchema } from './campaigns.config';
export { campaignsDefinition } from './campaigns.definition';
export { CampaignsDemoSeeder } from './demo/campaigns-demo.seeder';
export { type CampaignsSettings, DEFAULT_CAMPAIGNS_SETTINGS } from './campaigns-settings';
export { campaignsMigrations } from './migrations';
