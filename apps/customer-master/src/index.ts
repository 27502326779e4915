// customer-master's one public entry: what the all-in-one and cross-service tests may use.
export { CustomerMasterModule } from './customer-master.module';
export { CUSTOMER_MASTER_API, CustomerMasterAppModule } from './customer-master-app.module';
export { customerMasterMigrations } from './migrations';
// The services the module exports, for in-process callers such as the embedded demo seed.
export { CustomerService } from './customers/customer.service';
export { PartnerService } from './partners/partner.service';
export { VehicleService } from './vehicles/vehicle.service';
export { withCheckDigit } from '@crm/core';
// The person's data export, which the all-in-one points at its own services' parts.
export { CustomerExportModule } from './data-export/customer-export.module';
export { customerMasterConfigSchema } from './customer-master-settings';
