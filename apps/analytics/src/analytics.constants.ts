import { Roles } from '@crm/contracts';

export const ANALYTICS_SERVICE = 'analytics';
/** The database schema analytics owns; no other service reads or writes it. */
export const ANALYTICS_SCHEMA = 'analytics';

/** Who reads every report: analysts and the managers (admin always may). */
export const REPORT_ROLES = [Roles.analyst, Roles.serviceManager, Roles.salesManager] as const;
