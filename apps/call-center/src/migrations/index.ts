import { CreateCallCenterSchema1765000000000 } from './1765000000000-create-call-center-schema';
import { ParkCallCenterDeadLetters1766000000000 } from './1766000000000-park-dead-letters';
import { CreateCallCenterErasedCustomer1767000000000 } from './1767000000000-create-erased-customer';
import { CreateCallCenterReadAudit1767000100000 } from './1767000100000-create-read-audit';
import { CreateSalesActivity1796017200000 } from './1796017200000-create-sales-activity';

export const callCenterMigrations = [
  CreateCallCenterSchema1765000000000,
  ParkCallCenterDeadLetters1766000000000,
  CreateCallCenterErasedCustomer1767000000000,
  CreateCallCenterReadAudit1767000100000,
  CreateSalesActivity1796017200000,
];
