import { CreateCampaignsSchema1796030569181 } from './1796030569181-create-campaigns-schema';
import { CreateCustomerReplica1796040000000 } from './1796040000000-create-customer-replica';
import { CreateSegment1796040000001 } from './1796040000001-create-segment';
import { CampaignsAggregateSequence1796050000400 } from './1796050000400-create-aggregate-sequence';
import { CampaignsReplicaEventSequence1796050000401 } from './1796050000401-replica-event-sequence';
import { CreateCampaignsReadAudit1796051000100 } from './1796051000100-create-read-audit';
import { CreateCampaign1796053000000 } from './1796053000000-create-campaign';
import { CreateOrderAndServiceReplicas1796053500000 } from './1796053500000-create-order-and-service-replicas';
import { SegmentEditingAndStaticLists1796053500001 } from './1796053500001-segment-editing-and-static-lists';
import { OrderReplicaEventSequence1796053500002 } from './1796053500002-order-replica-event-sequence';
import { CreateCustomerValueTier1796055000001 } from './1796055000001-create-customer-value-tier';
import { CampaignRecipientFrequencyIndex1796057000000 } from './1796057000000-campaign-recipient-frequency-index';
import { CampaignSchedulesAndOccurrences1796058000000 } from './1796058000000-campaign-schedules-and-occurrences';
import { CampaignTracking1796059000000 } from './1796059000000-campaign-tracking';
import { CampaignObjectiveAndPropensityModel1796060000000 } from './1796060000000-campaign-objective-and-propensity-model';
import { CreateCrossSell1796061000000 } from './1796061000000-create-cross-sell';
import { SegmentCoveringIndexes1796062000000 } from './1796062000000-segment-covering-indexes';
import { CustomerPreferredLanguage1796062000002 } from './1796062000002-customer-preferred-language';
import { CreateBrowsingProfileReplica1796090300000 } from './1796090300000-create-browsing-profile-replica';
import { CreateCustomerTouchpoint1796100000000 } from './1796100000000-create-customer-touchpoint';
import { TouchpointLead1796180000000 } from './1796180000000-touchpoint-lead';
import { CampaignRecipientSettled1796220000000 } from './1796220000000-campaign-recipient-settled';
import { BackfillServiceTouchpoints1796100000001 } from './1796100000001-backfill-service-touchpoints';
import { PropensityRetraining1796100000002 } from './1796100000002-propensity-retraining';
import { CustomerOwnedVehicleSummary1796270020000 } from './1796270020000-customer-owned-vehicle-summary';
import { BackfillOwnedVehicleSummary1796270020001 } from './1796270020001-backfill-owned-vehicle-summary';
import { CustomerConsentedChannels1796270020002 } from './1796270020002-customer-consented-channels';
import { SegmentColumnsIndexes1796270020003 } from './1796270020003-segment-columns-indexes';
import { CampaignsOutboxBatches1796270030000 } from './1796270030000-outbox-batches';

export const campaignsMigrations = [
  CreateCampaignsSchema1796030569181,
  CreateCustomerReplica1796040000000,
  CreateSegment1796040000001,
  CampaignsAggregateSequence1796050000400,
  CampaignsReplicaEventSequence1796050000401,
  CreateCampaignsReadAudit1796051000100,
  CreateCampaign1796053000000,
  CreateOrderAndServiceReplicas1796053500000,
  SegmentEditingAndStaticLists1796053500001,
  OrderReplicaEventSequence1796053500002,
  CreateCustomerValueTier1796055000001,
  CampaignRecipientFrequencyIndex1796057000000,
  CampaignSchedulesAndOccurrences1796058000000,
  CampaignTracking1796059000000,
  CampaignObjectiveAndPropensityModel1796060000000,
  CreateCrossSell1796061000000,
  SegmentCoveringIndexes1796062000000,
  CustomerPreferredLanguage1796062000002,
  CreateBrowsingProfileReplica1796090300000,
  CreateCustomerTouchpoint1796100000000,
  BackfillServiceTouchpoints1796100000001,
  PropensityRetraining1796100000002,
  TouchpointLead1796180000000,
  CampaignRecipientSettled1796220000000,
  CustomerOwnedVehicleSummary1796270020000,
  BackfillOwnedVehicleSummary1796270020001,
  CustomerConsentedChannels1796270020002,
  SegmentColumnsIndexes1796270020003,
  CampaignsOutboxBatches1796270030000,
];
