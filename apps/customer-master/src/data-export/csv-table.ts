import { csvLine } from '@crm/http';

/** One exported table as CSV (RFC 4180): a header of every column any row has, then the rows. */
export function toCsv(rows: unknown[]): string {
  const records = rows as Array<Record<string, unknown>>;
  const columns = [...new Set(records.flatMap((row) => Object.keys(row)))];
  return [columns, ...records.map((row) => columns.map((c) => row[c]))].map(csvLine).join('');
}
