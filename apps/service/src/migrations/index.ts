import { CreateServiceSchema1764100000000 } from './1764100000000-create-service-schema';
import { CreateCustomerLocation1764100100000 } from './1764100100000-create-customer-location';
import { CreateCustomerNotifications1764100200000 } from './1764100200000-create-customer-notifications';
import { ParkServiceDeadLetters1766000000000 } from './1766000000000-park-dead-letters';
import { ServiceOutboxLeaseAndParking1766000110000 } from './1766000110000-outbox-lease-and-parking';
import { ServiceWebhookAttemptOutcome1766000200000 } from './1766000200000-webhook-attempt-outcome';
import { ServiceReplicaEventOrder1766000300000 } from './1766000300000-replica-event-order';
import { CreateCustomerVehicle1767000000000 } from './1767000000000-create-customer-vehicle';
import { CreateServiceReadAudit1767000100000 } from './1767000100000-create-read-audit';
import { CreateServiceErasedCustomer1767000200000 } from './1767000200000-create-erased-customer';
import { CreateServiceSlaClock1796030600000 } from './1796030600000-create-sla-clock';
import { BackfillServiceSlaClock1796030600100 } from './1796030600100-backfill-sla-clock';
import { ServiceAggregateSequence1796050000200 } from './1796050000200-create-aggregate-sequence';
import { ServiceReplicaEventSequence1796050000201 } from './1796050000201-replica-event-sequence';
import { TicketEscalatedAt1796085000400 } from './1796085000400-ticket-escalated-at';
import { BoardRowNames1796110000000 } from './1796110000000-board-row-names';
import { TicketEventActorName1796260000000 } from './1796260000000-ticket-event-actor-name';
import { ServiceOutboxBatches1796270030000 } from './1796270030000-outbox-batches';

export const serviceMigrations = [
  CreateServiceSchema1764100000000,
  CreateCustomerLocation1764100100000,
  CreateCustomerNotifications1764100200000,
  ParkServiceDeadLetters1766000000000,
  ServiceOutboxLeaseAndParking1766000110000,
  ServiceWebhookAttemptOutcome1766000200000,
  ServiceReplicaEventOrder1766000300000,
  CreateCustomerVehicle1767000000000,
  CreateServiceReadAudit1767000100000,
  CreateServiceErasedCustomer1767000200000,
  CreateServiceSlaClock1796030600000,
  BackfillServiceSlaClock1796030600100,
  ServiceAggregateSequence1796050000200,
  ServiceReplicaEventSequence1796050000201,
  TicketEscalatedAt1796085000400,
  BoardRowNames1796110000000,
  TicketEventActorName1796260000000,
  ServiceOutboxBatches1796270030000,
];
