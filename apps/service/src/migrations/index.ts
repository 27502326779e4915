import { CreateServiceSchema1764100000000 } from './1764100000000-create-service-schema';
import { CreateCustomerLocation1764100100000 } from './1764100100000-create-customer-location';
import { CreateCustomerNotifications1764100200000 } from './1764100200000-create-customer-notifications';
import { CreateCustomerVehicle1764300000000 } from './1764300000000-create-customer-vehicle';
import { CreateReadAudit1764400000000 } from './1764400000000-create-read-audit';
import { CreateErasedCustomer1764500000000 } from './1764500000000-create-erased-customer';

export const serviceMigrations = [
  CreateServiceSchema1764100000000,
  CreateCustomerLocation1764100100000,
  CreateCustomerNotifications1764100200000,
  CreateCustomerVehicle1764300000000,
  CreateReadAudit1764400000000,
  CreateErasedCustomer1764500000000,
];
