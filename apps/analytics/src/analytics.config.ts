import { z } from 'zod';
import { defineServiceConfig } from '@crm/config';
import { customerValueConfigFields } from './customer-value/customer-value-settings';

/** analytics's own variables (named ANALYTICS_*) on top of the platform ones. */
export const analyticsConfigSchema = defineServiceConfig({ ...customerValueConfigFields });
export type AnalyticsConfig = z.infer<typeof analyticsConfigSchema>;
