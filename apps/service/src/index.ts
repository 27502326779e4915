// The service app's one public entry: what the all-in-one and cross-service tests may use.
export { ServiceModule } from './service.module';
export { SERVICE_API, ServiceAppModule } from './service-app.module';
export { serviceMigrations } from './migrations';
export {
  ServiceDemoSeeder,
  type ServiceDemoComplaint,
  type ServiceDemoRepair,
  type ServiceDemoStory,
} from './demo/service-demo.seeder';
export {
  DEFAULT_SERVICE_SETTINGS,
  LOCAL_WEBHOOK_TARGETS,
  SERVICE_SETTINGS,
  type ServiceConfig,
  serviceConfigSchema,
  type ServiceSettings,
  serviceSettingsFrom,
} from './service-settings';
// The Standard Webhooks headers stations receive: part of the webhook contract, used by test receivers
// (which verify with the standardwebhooks package, as a station would).
export { WebhookHeaders } from '@crm/webhooks';
