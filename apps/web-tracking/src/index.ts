// web-tracking's one public entry: what the all-in-one and cross-service tests may use.
export { WebTrackingModule } from './web-tracking.module';
export { WEB_TRACKING_API, WebTrackingAppModule } from './web-tracking-app.module';
export { type WebTrackingConfig, webTrackingConfigSchema } from './web-tracking.config';
export { webTrackingDefinition } from './web-tracking.definition';
export { webTrackingMigrations } from './migrations';
