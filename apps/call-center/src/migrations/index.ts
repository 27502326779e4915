import { CreateCallCenterSchema1765000000000 } from './1765000000000-create-call-center-schema';
import { ParkCallCenterDeadLetters1766000000000 } from './1766000000000-park-dead-letters';
import { OutboxLeaseAndParking1766000100000 } from './1766000100000-outbox-lease-and-parking';
import { ReplicaEventOrder1766000300000 } from './1766000300000-replica-event-order';

export const callCenterMigrations = [
  CreateCallCenterSchema1765000000000,
  ParkCallCenterDeadLetters1766000000000,
  OutboxLeaseAndParking1766000100000,
  ReplicaEventOrder1766000300000,
];
