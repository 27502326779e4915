export const CAMPAIGNS_SERVICE = 'campaigns';
/** The database schema campaigns owns; no other service reads or writes it. */
export const CAMPAIGNS_SCHEMA = 'campaigns';
