// sales's one public entry: what the all-in-one and cross-service tests may use.
export { SalesModule } from './sales.module';
export { SALES_API, SalesAppModule } from './sales-app.module';
export { type SalesConfig, salesConfigSchema } from './sales.config';
export { salesDefinition } from './sales.definition';
export { salesMigrations } from './migrations';
// For the embedded default's demo seed (in-process).
export { SalesDemoSeeder, type SalesDemoTeam } from './demo/sales-demo.seeder';
export { type DemoCatalogTrim } from './orders/commerce-demo';
