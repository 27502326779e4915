import { CreateAnalyticsSchema1796054000000 } from './1796054000000-create-analytics-schema';
import { CreateServiceProjections1796054000001 } from './1796054000001-create-service-projections';
import { CreateCustomerValue1796055000000 } from './1796055000000-create-customer-value';

export const analyticsMigrations = [
  CreateAnalyticsSchema1796054000000,
  CreateServiceProjections1796054000001,
  CreateCustomerValue1796055000000,
];
