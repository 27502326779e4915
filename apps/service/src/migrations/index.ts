import { CreateServiceSchema1764100000000 } from './1764100000000-create-service-schema';
import { CreateCustomerLocation1764100100000 } from './1764100100000-create-customer-location';
import { CreateCustomerNotifications1764100200000 } from './1764100200000-create-customer-notifications';
import { OutboxLeaseAndParking1764100700000 } from './1764100700000-outbox-lease-and-parking';
import { WebhookAttemptOutcome1764100800000 } from './1764100800000-webhook-attempt-outcome';
import { ReplicaEventOrder1764100900000 } from './1764100900000-replica-event-order';

export const serviceMigrations = [
  CreateServiceSchema1764100000000,
  CreateCustomerLocation1764100100000,
  CreateCustomerNotifications1764100200000,
  OutboxLeaseAndParking1764100700000,
  WebhookAttemptOutcome1764100800000,
  ReplicaEventOrder1764100900000,
];
