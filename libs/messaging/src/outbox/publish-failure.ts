/**
 * Broker answers that no retry can change: the message itself is refused (too large, invalid) or
 * its topic cannot exist. Anything else (broker down, timeouts, leadership moves) is transient.
 */
const PERMANENT_KAFKA_ERRORS = new Set([
  'MESSAGE_TOO_LARGE',
  'RECORD_LIST_TOO_LARGE',
  'INVALID_RECORD',
  'CORRUPT_MESSAGE',
  'INVALID_TOPIC_EXCEPTION',
  'POLICY_VIOLATION',
  'UNSUPPORTED_FOR_MESSAGE_FORMAT',
]);

/** A row that cannot be turned into a transport message (e.g. its stored envelope does not serialize). */
export class UnpublishableRowError extends Error {
  override readonly name = 'UnpublishableRowError';
}

/** True when publishing the same message again can never succeed, so the row must be parked. */
export function isPermanentPublishFailure(error: unknown): boolean {
  const seen = new Set<unknown>();
  const pending: unknown[] = [error];
  while (pending.length > 0) {
    const current = pending.pop();
    if (!current || typeof current !== 'object' || seen.has(current)) continue;
    seen.add(current);
    const candidate = current as {
      name?: string;
      type?: string;
      cause?: unknown;
      originalError?: unknown;
      errors?: unknown;
    };
    if (candidate.name === UnpublishableRowError.name) return true;
    if (candidate.type && PERMANENT_KAFKA_ERRORS.has(candidate.type)) return true;
    pending.push(candidate.cause, candidate.originalError);
    if (Array.isArray(candidate.errors)) pending.push(...candidate.errors);
  }
  return false;
}
