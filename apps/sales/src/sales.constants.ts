export const SALES_SERVICE = 'sales';
/** The database schema sales owns; no other service reads or writes it. */
export const SALES_SCHEMA = 'sales';
