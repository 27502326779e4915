import { CreateSalesSchema1796016850855 } from './1796016850855-create-sales-schema';
import { CreateSalesTables1796017000000 } from './1796017000000-create-sales-tables';
import { AddDefaultPipeline1796017100000 } from './1796017100000-add-default-pipeline';
import { ParkSalesDeadLetters1796017300000 } from './1796017300000-park-dead-letters';
import { SalesOutboxLeaseAndParking1796017400000 } from './1796017400000-outbox-lease-and-parking';
import { CreateProductCatalog1796030100000 } from './1796030100000-create-product-catalog';
import { AddOpportunityLines1796030110000 } from './1796030110000-add-opportunity-lines';
import { CreateQuotes1796030120000 } from './1796030120000-create-quotes';
import { CreateOrders1796030130000 } from './1796030130000-create-orders';
import { AddStageForecastCategory1796030200000 } from './1796030200000-add-stage-forecast-category';
import { BackfillStageForecastCategory1796030210000 } from './1796030210000-backfill-stage-forecast-category';
import { CreateQuotas1796030220000 } from './1796030220000-create-quotas';
import { CreateForecastAdjustments1796030230000 } from './1796030230000-create-forecast-adjustments';
import { CreateAccountTeams1796030300000 } from './1796030300000-create-account-teams';
import { CreateGuidanceComments1796030310000 } from './1796030310000-create-guidance-comments';
import { CreateSalesNotifications1796030320000 } from './1796030320000-create-sales-notifications';
import { CreateNextStepReminders1796030330000 } from './1796030330000-create-next-step-reminders';
import { AddLeadMatchingAndAssignment1796030400000 } from './1796030400000-add-lead-matching-and-assignment';
import { IndexCustomerContactNameKey1796030410000 } from './1796030410000-index-customer-contact-name-key';
import { CreateDealerReplica1796030420000 } from './1796030420000-create-dealer-replica';
import { CreateLeadRotation1796030430000 } from './1796030430000-create-lead-rotation';
import { CreateSalesReadAudit1796030500000 } from './1796030500000-create-read-audit';
import { CreateSalesErasedCustomer1796030500001 } from './1796030500001-create-erased-customer';
import { IndexOpportunityListOrder1796030700000 } from './1796030700000-index-opportunity-list-order';
import { SalesAggregateSequence1796050000300 } from './1796050000300-create-aggregate-sequence';
import { SalesReplicaEventSequence1796050000301 } from './1796050000301-replica-event-sequence';
import { CreateUserPreferences1796052000000 } from './1796052000000-create-user-preferences';
import { AddCatalogRetirement1796052000001 } from './1796052000001-add-catalog-retirement';
import { SalesOutboxBatches1796270030000 } from './1796270030000-outbox-batches';

export const salesMigrations = [
  CreateSalesSchema1796016850855,
  CreateSalesTables1796017000000,
  AddDefaultPipeline1796017100000,
  ParkSalesDeadLetters1796017300000,
  SalesOutboxLeaseAndParking1796017400000,
  CreateProductCatalog1796030100000,
  AddOpportunityLines1796030110000,
  CreateQuotes1796030120000,
  CreateOrders1796030130000,
  AddStageForecastCategory1796030200000,
  BackfillStageForecastCategory1796030210000,
  CreateQuotas1796030220000,
  CreateForecastAdjustments1796030230000,
  CreateAccountTeams1796030300000,
  CreateGuidanceComments1796030310000,
  CreateSalesNotifications1796030320000,
  CreateNextStepReminders1796030330000,
  AddLeadMatchingAndAssignment1796030400000,
  IndexCustomerContactNameKey1796030410000,
  CreateDealerReplica1796030420000,
  CreateLeadRotation1796030430000,
  CreateSalesReadAudit1796030500000,
  CreateSalesErasedCustomer1796030500001,
  IndexOpportunityListOrder1796030700000,
  SalesAggregateSequence1796050000300,
  SalesReplicaEventSequence1796050000301,
  CreateUserPreferences1796052000000,
  AddCatalogRetirement1796052000001,
  SalesOutboxBatches1796270030000,
];
