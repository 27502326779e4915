import { CreateCallCenterSchema1765000000000 } from './1765000000000-create-call-center-schema';
import { ParkCallCenterDeadLetters1766000000000 } from './1766000000000-park-dead-letters';

export const callCenterMigrations = [
  CreateCallCenterSchema1765000000000,
  ParkCallCenterDeadLetters1766000000000,
];
