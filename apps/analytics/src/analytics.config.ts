import { z } from 'zod';
import { defineServiceConfig } from '@crm/config';

/** analytics's own variables (named ANALYTICS_*) on top of the platform ones. */
export const analyticsConfigSchema = defineServiceConfig({});
export type AnalyticsConfig = z.infer<typeof analyticsConfigSchema>;
