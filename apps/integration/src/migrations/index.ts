import { CreateIntegrationSchema1796056000000 } from './1796056000000-create-integration-schema';
import { CreateEventSubscriptions1796065000000 } from './1796065000000-create-event-subscriptions';
import { CreateWorkflowTables1796066000000 } from './1796066000000-create-workflow-tables';
import { AddExternalRefContentHash1796080000000 } from './1796080000000-add-external-ref-content-hash';

export const integrationMigrations = [
  CreateIntegrationSchema1796056000000,
  CreateEventSubscriptions1796065000000,
  CreateWorkflowTables1796066000000,
  AddExternalRefContentHash1796080000000,
];
