import { batchRows as inboundBatchRows, parseRowAs } from '../inbound-rows/inbound-rows';
import { VehicleSaleRowDto } from './dto/vehicle-sale-row.dto';
import { RowProblem } from './dto/vehicle-sale-import.response';

export { MAX_BATCH_ROWS, problemsOf } from '../inbound-rows/inbound-rows';

/** The batch body: a JSON array of 1 to MAX_BATCH_ROWS rows, whatever each row holds. */
export function batchRows(body: unknown): unknown[] {
  return inboundBatchRows(body, 'vehicle sales');
}

/** A row as the single route's validation pipe would see it: the row, or every problem it has. */
export function parseRow(raw: unknown): { row: VehicleSaleRowDto } | { problems: RowProblem[] } {
  return parseRowAs(VehicleSaleRowDto, raw);
}
