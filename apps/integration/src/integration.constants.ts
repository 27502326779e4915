export const INTEGRATION_SERVICE = 'integration';
/** The database schema integration owns; no other service reads or writes it. */
export const INTEGRATION_SCHEMA = 'integration';
