import { CreateAnalyticsSchema1796054000000 } from './1796054000000-create-analytics-schema';
import { CreateServiceProjections1796054000001 } from './1796054000001-create-service-projections';
import { CreateCustomerValue1796055000000 } from './1796055000000-create-customer-value';
import { CreateSalesProjections1796055500000 } from './1796055500000-create-sales-projections';
import { CreateQualityAlerts1796055500001 } from './1796055500001-create-quality-alerts';
import { CreateDealerReplica1796055500002 } from './1796055500002-create-dealer-replica';
import { CreateMarketAndAgentProjections1796063000000 } from './1796063000000-create-market-and-agent-projections';
import { CreateSevenPsProjections1796064000000 } from './1796064000000-create-seven-ps-projections';
import { CreateMarketRepair1796101000000 } from './1796101000000-create-market-repair';
import { CreateSalesTeamMember1796101000001 } from './1796101000001-create-sales-team-member';
import { CreateCampaignRecipientFact1796220000100 } from './1796220000100-create-campaign-recipient-fact';
import { CreateCancelledPurchase1796230000100 } from './1796230000100-create-cancelled-purchase';
import { AnalyticsOutboxBatches1796270030000 } from './1796270030000-outbox-batches';
import { CustomerValueRunNumber1796270030001 } from './1796270030001-customer-value-run-number';
import { PurchaseCoveringIndexes1796270030002 } from './1796270030002-purchase-covering-indexes';

export const analyticsMigrations = [
  CreateAnalyticsSchema1796054000000,
  CreateServiceProjections1796054000001,
  CreateCustomerValue1796055000000,
  CreateSalesProjections1796055500000,
  CreateQualityAlerts1796055500001,
  CreateDealerReplica1796055500002,
  CreateMarketAndAgentProjections1796063000000,
  CreateSevenPsProjections1796064000000,
  CreateMarketRepair1796101000000,
  CreateSalesTeamMember1796101000001,
  CreateCampaignRecipientFact1796220000100,
  CreateCancelledPurchase1796230000100,
  AnalyticsOutboxBatches1796270030000,
  CustomerValueRunNumber1796270030001,
  PurchaseCoveringIndexes1796270030002,
];
