// The call center's one public entry: what the all-in-one and cross-service tests may use.
export { CallCenterModule } from './call-center.module';
export { CALL_CENTER_API, CallCenterAppModule } from './call-center-app.module';
export { callCenterMigrations } from './migrations';
export { CALL_CENTER_SERVICE } from './call-center.constants';
export { CallCenterDemoSeeder } from './demo/call-center-demo.seeder';
