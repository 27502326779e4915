import { CreateCustomerMasterSchema1764000000000 } from './1764000000000-create-customer-master-schema';
import { CreateImportJob1764000100000 } from './1764000100000-create-import-job';
import { OutboxLeaseAndParking1764000700000 } from './1764000700000-outbox-lease-and-parking';

export const customerMasterMigrations = [
  CreateCustomerMasterSchema1764000000000,
  CreateImportJob1764000100000,
  OutboxLeaseAndParking1764000700000,
];
