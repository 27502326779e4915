/** Attempts before a delivery is given up as failed (about a day of retries in all). */
export const MAX_DELIVERY_ATTEMPTS = 12;
/** A send (webhook POST, SMTP session, SMS gateway call) silent for longer is failed and retried. */
export const SEND_TIMEOUT_MS = 5_000;
const FIRST_RETRY_MS = 1_000;
const LONGEST_WAIT_MS = 3 * 3_600_000;

/** Exponential backoff: 1 s, 2 s, 4 s ... capped; null once the attempts are spent. */
export function nextAttemptAt(now: Date, attemptsMade: number): Date | null {
  if (attemptsMade >= MAX_DELIVERY_ATTEMPTS) return null;
  const wait = Math.min(FIRST_RETRY_MS * 2 ** (attemptsMade - 1), LONGEST_WAIT_MS);
  return new Date(now.getTime() + wait);
}
