import { z } from 'zod';
import { defineServiceConfig } from '@crm/config';
import { refineWorkflowConfig, workflowConfigFields } from './workflow/workflow-settings';

/** integration's own variables (named INTEGRATION_*) on top of the platform ones. */
export const integrationConfigSchema = defineServiceConfig(
  {
    /** customer-master's base URL: inbound rows register customers and vehicles through its API (ADR 0029). */
    INTEGRATION_CUSTOMER_MASTER_URL: z.url().optional(),
    /** The brand of an inbound vehicle sale that names none (a single-brand dealer's DMS); Aurora when unset. */
    INTEGRATION_DEFAULT_BRAND: z.string().trim().min(1).max(50).optional(),
    ...workflowConfigFields,
  },
  { refine: refineWorkflowConfig },
);
export type IntegrationConfig = z.infer<typeof integrationConfigSchema>;
