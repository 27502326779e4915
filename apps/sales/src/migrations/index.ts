import { CreateSalesSchema1796016850855 } from './1796016850855-create-sales-schema';
import { CreateSalesTables1796017000000 } from './1796017000000-create-sales-tables';
import { AddDefaultPipeline1796017100000 } from './1796017100000-add-default-pipeline';
import { ParkSalesDeadLetters1796017300000 } from './1796017300000-park-dead-letters';
import { SalesOutboxLeaseAndParking1796017400000 } from './1796017400000-outbox-lease-and-parking';
import { AddLeadMatchingAndAssignment1796030400000 } from './1796030400000-add-lead-matching-and-assignment';
import { IndexCustomerContactNameKey1796030410000 } from './1796030410000-index-customer-contact-name-key';
import { CreateDealerReplica1796030420000 } from './1796030420000-create-dealer-replica';
import { CreateLeadRotation1796030430000 } from './1796030430000-create-lead-rotation';

export const salesMigrations = [
  CreateSalesSchema1796016850855,
  CreateSalesTables1796017000000,
  AddDefaultPipeline1796017100000,
  ParkSalesDeadLetters1796017300000,
  SalesOutboxLeaseAndParking1796017400000,
  AddLeadMatchingAndAssignment1796030400000,
  IndexCustomerContactNameKey1796030410000,
  CreateDealerReplica1796030420000,
  CreateLeadRotation1796030430000,
];
