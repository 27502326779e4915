import { PlatformConfig } from '@crm/config';
import { SalesConfig } from '../sales.config';
import { AssignmentRules } from './assignment/assignment-rules';

export const LEAD_SETTINGS = Symbol('LEAD_SETTINGS');

export interface LeadSettings {
  /** Where customer-master's API answers; conversion registers customers there. */
  customerMasterUrl: string;
  assignmentRules: AssignmentRules;
}

/** The embedded default (no SALES_* variables) serves customer-master in the same process, on its own port. */
export function leadSettings(config: PlatformConfig & Partial<SalesConfig>): LeadSettings {
  return {
    customerMasterUrl: (config.SALES_CUSTOMER_MASTER_URL ?? `http://127.0.0.1:${config.PORT}`).replace(
      /\/$/,
      '',
    ),
    assignmentRules: config.SALES_LEAD_ASSIGNMENT ?? {},
  };
}
