import { CreateCampaignsSchema1796030569181 } from './1796030569181-create-campaigns-schema';
import { CreateCustomerReplica1796040000000 } from './1796040000000-create-customer-replica';
import { CreateSegment1796040000001 } from './1796040000001-create-segment';
import { CreateCampaign1796053000000 } from './1796053000000-create-campaign';

export const campaignsMigrations = [
  CreateCampaignsSchema1796030569181,
  CreateCustomerReplica1796040000000,
  CreateSegment1796040000001,
  CreateCampaign1796053000000,
];
