/** The most telling part of a failed send (ECONNREFUSED rather than "fetch failed"), short enough to store. */
export function describeSendError(error: unknown): string {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  // A DOMException cause (an aborted request's timeout) has a numeric code; its message tells more.
  const detail =
    typeof cause?.code === 'string'
      ? cause.code
      : (cause?.message ?? (error as Error | null)?.message ?? error);
  return String(detail).slice(0, 500);
}
