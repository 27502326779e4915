import { z } from 'zod';
import { defineServiceConfig } from '@crm/config';

/** campaigns's own variables (named CAMPAIGNS_*) on top of the platform ones. */
export const campaignsConfigSchema = defineServiceConfig({});
export type CampaignsConfig = z.infer<typeof campaignsConfigSchema>;
