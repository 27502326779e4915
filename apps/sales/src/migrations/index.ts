import { CreateSalesSchema1796016850855 } from './1796016850855-create-sales-schema';

export const salesMigrations = [CreateSalesSchema1796016850855];
