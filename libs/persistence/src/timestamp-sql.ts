/**
 * A timestamptz as the API writes timestamps (`2026-11-30T08:00:00.000Z`: UTC, milliseconds, `Z`), so a
 * row read back looks like the one a write returned, whatever the session's time zone.
 */
export function isoTimestampSql(expression: string): string {
  return `to_char((${expression}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}
