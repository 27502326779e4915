/** Where sales users work unless they say otherwise: "due on a day" means that day there. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** A sales user's own settings, keyed by the identity user id (`sub`). */
export interface UserPreferences {
  userId: string;
  /** IANA name (`Europe/Berlin`); next steps fall due at the start of their day in this zone. */
  timeZone: string;
}
