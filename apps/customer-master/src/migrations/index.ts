import { CreateCustomerMasterSchema1764000000000 } from './1764000000000-create-customer-master-schema';
import { CreateImportJob1764000100000 } from './1764000100000-create-import-job';
import { ParkCustomerMasterDeadLetters1766000000000 } from './1766000000000-park-dead-letters';
import { CreateCustomerMasterReadAudit1767000000000 } from './1767000000000-create-read-audit';

export const customerMasterMigrations = [
  CreateCustomerMasterSchema1764000000000,
  CreateImportJob1764000100000,
  ParkCustomerMasterDeadLetters1766000000000,
  CreateCustomerMasterReadAudit1767000000000,
];
