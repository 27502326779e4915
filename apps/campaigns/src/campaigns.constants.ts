import { Roles } from '@crm/contracts';

export const CAMPAIGNS_SERVICE = 'campaigns';
/** The database schema campaigns owns; no other service reads or writes it. */
export const CAMPAIGNS_SCHEMA = 'campaigns';

/** Who defines and reads segments: marketing and the sales and service managers (admin always may). */
export const SEGMENT_ROLES = [Roles.marketer, Roles.salesManager, Roles.serviceManager] as const;

/** Who creates, schedules and follows campaigns: the same people as segments; partners and other staff never. */
export const CAMPAIGN_ROLES = SEGMENT_ROLES;

/** Who sees which campaigns reached a customer: those people, and the agents taking the customer's answer. */
export const CUSTOMER_CAMPAIGN_ROLES = [Roles.agent, ...CAMPAIGN_ROLES] as const;
