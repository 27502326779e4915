import { CreateCustomerMasterSchema1764000000000 } from './1764000000000-create-customer-master-schema';

export const customerMasterMigrations = [CreateCustomerMasterSchema1764000000000];
