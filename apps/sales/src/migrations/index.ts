import { CreateSalesSchema1796016850855 } from './1796016850855-create-sales-schema';
import { CreateSalesTables1796017000000 } from './1796017000000-create-sales-tables';
import { AddDefaultPipeline1796017100000 } from './1796017100000-add-default-pipeline';
import { ParkSalesDeadLetters1796017300000 } from './1796017300000-park-dead-letters';

export const salesMigrations = [
  CreateSalesSchema1796016850855,
  CreateSalesTables1796017000000,
  AddDefaultPipeline1796017100000,
  ParkSalesDeadLetters1796017300000,
];
