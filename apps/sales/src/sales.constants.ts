import { Role, Roles } from '@crm/contracts';

export const SALES_SERVICE = 'sales';
/** The database schema sales owns; no other service reads or writes it. */
export const SALES_SCHEMA = 'sales';

/** Who works leads, opportunities and activities: the sales team and dealers' salespeople (admin always may). */
export const SALES_ROLES: Role[] = [Roles.salesRep, Roles.salesManager, Roles.dealer];
/** Who may also capture a lead: agents (call center) and marketers (web forms, campaigns). */
export const LEAD_CAPTURE_ROLES: Role[] = [...SALES_ROLES, Roles.agent, Roles.marketer];
/** Who assigns leads to dealers or teams by a rule (admin always may). */
export const LEAD_ASSIGN_ROLES: Role[] = [Roles.salesManager];
/** Who configures pipelines and the team tree. */
export const SALES_ADMIN_ROLES: Role[] = [Roles.salesManager];
