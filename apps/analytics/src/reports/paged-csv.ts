import { csvLine } from '@crm/http';

const CSV_BATCH = 500;

export interface CsvColumn<T> {
  name: string;
  value: (row: T) => unknown;
}

/** Columns that are the row's own fields, named as in the JSON report. */
export const fieldColumns = <T>(fields: Array<keyof T & string>): CsvColumn<T>[] =>
  fields.map((name) => ({ name, value: (row) => row[name] }));

/**
 * A paged report as CSV: the heading, then every page read in batches, so memory stays flat however long
 * the report is. The report's order must be total (ties broken by a key) for the pages to meet exactly.
 */
export async function* pagedCsv<T>(
  columns: CsvColumn<T>[],
  readPage: (limit: number, offset: number) => Promise<T[]>,
): AsyncGenerator<string> {
  yield csvLine(columns.map((column) => column.name));
  for (let offset = 0; ; offset += CSV_BATCH) {
    const rows = await readPage(CSV_BATCH, offset);
    if (rows.length > 0)
      yield rows.map((row) => csvLine(columns.map((column) => column.value(row)))).join('');
    if (rows.length < CSV_BATCH) return;
  }
}
