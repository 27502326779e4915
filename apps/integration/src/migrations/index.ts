import { CreateIntegrationSchema1796056000000 } from './1796056000000-create-integration-schema';
import { CreateEventSubscriptions1796065000000 } from './1796065000000-create-event-subscriptions';
import { CreateWorkflowTables1796066000000 } from './1796066000000-create-workflow-tables';
import { CreateOfferTables1796085000000 } from './1796085000000-create-offer-tables';
import { IndexFinishedWorkflowFirings1796085000100 } from './1796085000100-index-finished-workflow-firings';
import { CreateWorkflowCommand1796085000300 } from './1796085000300-create-workflow-command';
import { AddExternalRefContentHash1796080000000 } from './1796080000000-add-external-ref-content-hash';
import { AddExternalRefCancellation1796230000000 } from './1796230000000-add-external-ref-cancellation';
import { AddOfferRuleDeletedAt1796230000200 } from './1796230000200-add-offer-rule-deleted-at';
import { IntegrationOutboxBatches1796270030000 } from './1796270030000-outbox-batches';

export const integrationMigrations = [
  CreateIntegrationSchema1796056000000,
  CreateEventSubscriptions1796065000000,
  CreateWorkflowTables1796066000000,
  AddExternalRefContentHash1796080000000,
  CreateOfferTables1796085000000,
  IndexFinishedWorkflowFirings1796085000100,
  CreateWorkflowCommand1796085000300,
  AddExternalRefCancellation1796230000000,
  AddOfferRuleDeletedAt1796230000200,
  IntegrationOutboxBatches1796270030000,
];
