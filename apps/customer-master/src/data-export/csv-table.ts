/** Cells a spreadsheet would run as a formula start with one of these (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'object' && !(value instanceof Date) ? JSON.stringify(value) : String(value);
  const safe = FORMULA_START.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** One exported table as CSV (RFC 4180): a header of every column any row has, then the rows. */
export function toCsv(rows: unknown[]): string {
  const records = rows as Array<Record<string, unknown>>;
  const columns = [...new Set(records.flatMap((row) => Object.keys(row)))];
  const lines = [
    columns.map(cell).join(','),
    ...records.map((row) => columns.map((c) => cell(row[c])).join(',')),
  ];
  return `${lines.join('\r\n')}\r\n`;
}
