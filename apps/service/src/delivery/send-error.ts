/** The most telling part of a failed send (ECONNREFUSED rather than "fetch failed"), short enough to store. */
export function describeSendError(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return (cause?.code ?? cause?.message ?? (error as Error).message ?? String(error)).slice(0, 500);
}
