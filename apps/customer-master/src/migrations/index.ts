import { CreateCustomerMasterSchema1764000000000 } from './1764000000000-create-customer-master-schema';
import { CreateImportJob1764000100000 } from './1764000100000-create-import-job';
import { CreateReadAudit1764000200000 } from './1764000200000-create-read-audit';

export const customerMasterMigrations = [
  CreateCustomerMasterSchema1764000000000,
  CreateImportJob1764000100000,
  CreateReadAudit1764000200000,
];
