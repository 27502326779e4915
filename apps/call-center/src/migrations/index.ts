import { CreateCallCenterSchema1765000000000 } from './1765000000000-create-call-center-schema';
import { ParkCallCenterDeadLetters1766000000000 } from './1766000000000-park-dead-letters';
import { CallCenterOutboxLeaseAndParking1766000120000 } from './1766000120000-outbox-lease-and-parking';
import { CallCenterReplicaEventOrder1766000310000 } from './1766000310000-replica-event-order';
import { CreateCallCenterErasedCustomer1767000000000 } from './1767000000000-create-erased-customer';
import { CreateCallCenterReadAudit1767000100000 } from './1767000100000-create-read-audit';
import { CreateSalesActivity1796017200000 } from './1796017200000-create-sales-activity';
import { RekeyCallCenterNames1796020400000 } from './1796020400000-rekey-names-syllable-pairs';
import { NameAgentsAndKeepRatings1796031000000 } from './1796031000000-name-agents-and-keep-ratings';
import { CallCenterAggregateSequence1796050000100 } from './1796050000100-create-aggregate-sequence';
import { CallCenterReplicaEventSequence1796050000101 } from './1796050000101-replica-event-sequence';
import { CreateNextBestOffer1796061500000 } from './1796061500000-create-next-best-offer';
import { CreateCustomerOffer1796085000200 } from './1796085000200-create-customer-offer';
import { CreateBrowsingProfile1796090200000 } from './1796090200000-create-browsing-profile';
import { BrowsingProfileDwell1796240200000 } from './1796240200000-browsing-profile-dwell';
import { CreateValueTierAndOpportunity1796170000000 } from './1796170000000-create-value-tier-and-opportunity';
import { CallCenterOutboxBatches1796270030000 } from './1796270030000-outbox-batches';

export const callCenterMigrations = [
  CreateCallCenterSchema1765000000000,
  ParkCallCenterDeadLetters1766000000000,
  CallCenterOutboxLeaseAndParking1766000120000,
  CallCenterReplicaEventOrder1766000310000,
  CreateCallCenterErasedCustomer1767000000000,
  CreateCallCenterReadAudit1767000100000,
  CreateSalesActivity1796017200000,
  RekeyCallCenterNames1796020400000,
  NameAgentsAndKeepRatings1796031000000,
  CallCenterAggregateSequence1796050000100,
  CallCenterReplicaEventSequence1796050000101,
  CreateNextBestOffer1796061500000,
  CreateCustomerOffer1796085000200,
  CreateBrowsingProfile1796090200000,
  CreateValueTierAndOpportunity1796170000000,
  BrowsingProfileDwell1796240200000,
  CallCenterOutboxBatches1796270030000,
];
