/** The header row a customer import file must have, in any order; extra columns are ignored. */
export const IMPORT_COLUMNS = [
  'external_id',
  'kind',
  'name',
  'phone',
  'email',
  'province',
  'city',
  'birthday',
  'gender',
  'vin',
  'brand',
  'model',
  'model_year',
  'purchase_date',
  'selling_dealer_code',
  'warranty_end',
] as const;

export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** One data row of an import file: its line number and its cells by column name (blank cells absent). */
export interface CsvRow {
  line: number;
  cells: Partial<Record<ImportColumn, string>>;
}

export function missingColumns(header: string[]): ImportColumn[] {
  const present = new Set(header);
  return IMPORT_COLUMNS.filter((column) => !present.has(column));
}
