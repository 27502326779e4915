import { CreateCallCenterSchema1765000000000 } from './1765000000000-create-call-center-schema';
import { OutboxLeaseAndParking1765000700000 } from './1765000700000-outbox-lease-and-parking';
import { ReplicaEventOrder1765000900000 } from './1765000900000-replica-event-order';

export const callCenterMigrations = [
  CreateCallCenterSchema1765000000000,
  OutboxLeaseAndParking1765000700000,
  ReplicaEventOrder1765000900000,
];
