export const WEB_TRACKING_SERVICE = 'web-tracking';
/** The database schema web-tracking owns; no other service reads or writes it. */
export const WEB_TRACKING_SCHEMA = 'web_tracking';
