import { CreateServiceSchema1764100000000 } from './1764100000000-create-service-schema';

export const serviceMigrations = [CreateServiceSchema1764100000000];
