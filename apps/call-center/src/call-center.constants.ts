import { Role, Roles } from '@crm/contracts';

export const CALL_CENTER_SCHEMA = 'call_center';
export const CALL_CENTER_SERVICE = 'call-center';

/** Staff who talk to customers; partner tokens never reach call-center routes. */
export const CALL_CENTER_ROLES: Role[] = [Roles.agent, Roles.serviceManager];
/** Agents record contacts and complaints; admin may too (the guard always lets admin in). */
export const CALL_CENTER_WRITERS: Role[] = [Roles.agent];
/** The telephony webhook is called with an agent or admin token until a machine client role exists. */
export const TELEPHONY_CLIENT_ROLES: Role[] = [Roles.agent];

/**
 * One consumer group for the whole read model: a group per table would replay nothing more, and
 * each group costs a join at start-up.
 */
export const READ_MODEL_CONSUMER = 'read-model';

export const CUSTOMER_360_TTL_SECONDS = 300;
/** Outlives any cached view, so a view built before an invalidation can always be recognised. */
export const CUSTOMER_360_GENERATION_TTL_SECONDS = 86_400;
export const CacheKeys = {
  customer360: (customerId: string) => `call-center:customer-360:${customerId}`,
  customer360Generation: (customerId: string) => `call-center:customer-360-generation:${customerId}`,
} as const;

export const RECENT_INTERACTIONS = 20;
export const SCREEN_POP_CHANNEL = 'call-center:screen-pop';
