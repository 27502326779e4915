import { Readable } from 'node:stream';
import { CsvRecordReader, CsvRow, requireAllColumns } from '@crm/http';
import { MAX_BATCH_ROWS } from './vehicle-sale-rows';

/** 1,000 rows of a DMS export fit well within this. */
export const MAX_CSV_BYTES = 1024 * 1024;

/** The CSV columns, each with where it goes in a row of the JSON batch. */
const COLUMNS = {
  external_id: ['externalId'],
  vin: ['vin'],
  brand: ['brand'],
  model: ['model'],
  buyer_name: ['buyer', 'name'],
  buyer_phone: ['buyer', 'phone'],
  buyer_email: ['buyer', 'email'],
  buyer_external_customer_id: ['buyer', 'externalCustomerId'],
  dealer_code: ['dealerCode'],
  dealer_id: ['dealerId'],
  sold_on: ['soldOn'],
} as const;
type SaleColumn = keyof typeof COLUMNS;

const REQUIRED: SaleColumn[] = [
  'external_id',
  'vin',
  'model',
  'buyer_name',
  'buyer_external_customer_id',
  'sold_on',
];

export const VEHICLE_SALE_CSV_DESCRIPTION =
  `Or text/csv with a header row: ${Object.keys(COLUMNS).join(', ')} (${REQUIRED.join(', ')} required; ` +
  `at most ${MAX_BATCH_ROWS} rows and ${MAX_CSV_BYTES / 1024 / 1024} MB). Row n of the answer is the n-th data row.`;

const SALE_CSV = {
  known: Object.keys(COLUMNS) as SaleColumn[],
  headerProblem: requireAllColumns(REQUIRED).headerProblem,
};

/** A CSV row as the JSON batch's row: buyer columns nested under `buyer`, blank cells absent. */
function asJsonRow(row: CsvRow<SaleColumn>): Record<string, unknown> {
  const json: Record<string, unknown> = {};
  for (const [column, value] of Object.entries(row.cells) as [SaleColumn, string][]) {
    const [field, nested] = COLUMNS[column];
    if (nested) json[field] = { ...(json[field] as object), [nested]: value };
    else json[field] = value;
  }
  return json;
}

/** The upload's rows in the JSON batch's shape; one row more than a batch may hold stops reading. */
export async function csvSaleRows(upload: Readable): Promise<unknown[]> {
  const reader = new CsvRecordReader(upload, SALE_CSV, MAX_CSV_BYTES);
  const rows: unknown[] = [];
  try {
    await reader.readHeader();
    for await (const row of reader.rows()) {
      rows.push(asJsonRow(row));
      if (rows.length > MAX_BATCH_ROWS) break;
    }
  } finally {
    reader.discardRest();
  }
  return rows;
}
