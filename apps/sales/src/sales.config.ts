import { z } from 'zod';
import { defineServiceConfig } from '@crm/config';
import { assignmentRulesSchema } from './leads/assignment/assignment-rules';

/** sales's own variables (named SALES_*) on top of the platform ones. */
export const salesConfigSchema = defineServiceConfig({
  /** customer-master's base URL (converting a lead registers the customer there). */
  SALES_CUSTOMER_MASTER_URL: z.url().optional(),
  /** How leads of each capture source are assigned (see assignmentRulesSchema). */
  SALES_LEAD_ASSIGNMENT: assignmentRulesSchema,
});
export type SalesConfig = z.infer<typeof salesConfigSchema>;
