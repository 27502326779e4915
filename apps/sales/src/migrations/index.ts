import { CreateSalesSchema1796016850855 } from './1796016850855-create-sales-schema';
import { CreateSalesTables1796017000000 } from './1796017000000-create-sales-tables';
import { AddDefaultPipeline1796017100000 } from './1796017100000-add-default-pipeline';
import { ParkSalesDeadLetters1796017300000 } from './1796017300000-park-dead-letters';
import { SalesOutboxLeaseAndParking1796017400000 } from './1796017400000-outbox-lease-and-parking';
import { CreateProductCatalog1796030100000 } from './1796030100000-create-product-catalog';
import { AddOpportunityLines1796030110000 } from './1796030110000-add-opportunity-lines';
import { CreateQuotes1796030120000 } from './1796030120000-create-quotes';
import { CreateOrders1796030130000 } from './1796030130000-create-orders';

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
];
