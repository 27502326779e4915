import { CreateCallCenterSchema1765000000000 } from './1765000000000-create-call-center-schema';
import { OutboxLeaseAndParking1765000700000 } from './1765000700000-outbox-lease-and-parking';

export const callCenterMigrations = [CreateCallCenterSchema1765000000000, OutboxLeaseAndParking1765000700000];
