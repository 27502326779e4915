// analytics's one public entry: what the all-in-one and cross-service tests may use.
export { AnalyticsModule } from './analytics.module';
export { ANALYTICS_API, AnalyticsAppModule } from './analytics-app.module';
export { type AnalyticsConfig, analyticsConfigSchema } from './analytics.config';
export { analyticsDefinition } from './analytics.definition';
export { analyticsMigrations } from './migrations';
// For the embedded default's demo seed (in-process).
export { QualityDemoCheck } from './quality/quality-demo-check';
