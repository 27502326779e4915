import { CreateCallCenterSchema1765000000000 } from './1765000000000-create-call-center-schema';
import { CreateErasedCustomer1765100000000 } from './1765100000000-create-erased-customer';
import { CreateReadAudit1765200000000 } from './1765200000000-create-read-audit';

export const callCenterMigrations = [
  CreateCallCenterSchema1765000000000,
  CreateErasedCustomer1765100000000,
  CreateReadAudit1765200000000,
];
