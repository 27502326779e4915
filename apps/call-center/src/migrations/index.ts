import { CreateCallCenterSchema1765000000000 } from './1765000000000-create-call-center-schema';
import { ParkCallCenterDeadLetters1766000000000 } from './1766000000000-park-dead-letters';
import { CreateSalesActivity1796017200000 } from './1796017200000-create-sales-activity';
import { RekeyCallCenterNames1796020400000 } from './1796020400000-rekey-names-syllable-pairs';

export const callCenterMigrations = [
  CreateCallCenterSchema1765000000000,
  ParkCallCenterDeadLetters1766000000000,
  CreateSalesActivity1796017200000,
  RekeyCallCenterNames1796020400000,
];
