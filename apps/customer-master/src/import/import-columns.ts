import { CsvRow as CsvRowOf, requireAllColumns } from '@crm/http';

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
export type CsvRow = CsvRowOf<ImportColumn>;

export const CUSTOMER_IMPORT_COLUMNS = requireAllColumns(IMPORT_COLUMNS);

export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 1_000_000;
