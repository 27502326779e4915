import { CreateIntegrationSchema1796056000000 } from './1796056000000-create-integration-schema';

export const integrationMigrations = [CreateIntegrationSchema1796056000000];
