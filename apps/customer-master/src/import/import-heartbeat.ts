/** A running job reports this often while its worker lives. */
export const IMPORT_HEARTBEAT_MS = 10_000;
/** A running job silent for this long has lost its worker (crash, kill, restart). */
export const IMPORT_STALE_AFTER_MS = 60_000;
