import { TooManyRequestsError } from '@crm/core';
import { CacheStore } from './cache-store';

export interface RateLimit {
  /** Names the counters in the cache, e.g. `campaigns:segment-evaluation`. */
  name: string;
  perWindow: number;
  windowSeconds: number;
  /** What a caller over the limit is told. */
  message: string;
}

/**
 * Counts a subject's requests in fixed windows in the shared cache (Redis when deployed, so every replica
 * counts together); one over the limit is a 429 whose Retry-After is the rest of the window.
 */
export async function enforceRateLimit(
  cache: CacheStore,
  now: Date,
  limit: RateLimit,
  subject: string,
): Promise<void> {
  const seconds = Math.floor(now.getTime() / 1000);
  const window = Math.floor(seconds / limit.windowSeconds);
  const count = await cache.increment(`rate:${limit.name}:${window}:${subject}`, limit.windowSeconds);
  if (count > limit.perWindow)
    throw new TooManyRequestsError(limit.message, limit.windowSeconds - (seconds % limit.windowSeconds));
}
