import { z } from 'zod';
import { defineServiceConfig } from '@crm/config';
import { exportSourcesSchema } from './data-export/export-sources';

/** customer-master's own variables: the services that hold a part of a person's data export. */
export const customerMasterConfigSchema = defineServiceConfig({ EXPORT_SOURCES: exportSourcesSchema });
export type CustomerMasterConfig = z.infer<typeof customerMasterConfigSchema>;
