import { z } from 'zod';
import { defineServiceConfig } from '@crm/config';

/** sales's own variables (named SALES_*) on top of the platform ones. */
export const salesConfigSchema = defineServiceConfig({});
export type SalesConfig = z.infer<typeof salesConfigSchema>;
