import { CreateIntegrationSchema1796056000000 } from './1796056000000-create-integration-schema';
import { CreateWorkflowTables1796066000000 } from './1796066000000-create-workflow-tables';

export const integrationMigrations = [
  CreateIntegrationSchema1796056000000,
  CreateWorkflowTables1796066000000,
];
