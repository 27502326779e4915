import { ClassConstructor } from 'class-transformer';
import { DomainError, InvalidInputError } from '@crm/core';
import { validateRow } from '@crm/http';
import { RowProblem } from '../vehicle-sales/dto/vehicle-sale-import.response';

export const MAX_BATCH_ROWS = 1_000;

/** A batch body: a JSON array of 1 to MAX_BATCH_ROWS rows (of `what`), whatever each row holds. */
export function batchRows(body: unknown, what: string): unknown[] {
  if (!Array.isArray(body))
    throw new InvalidInputError([{ field: 'body', message: `must be a JSON array of ${what}` }]);
  if (body.length === 0 || body.length > MAX_BATCH_ROWS)
    throw new InvalidInputError([{ field: 'body', message: `must hold 1 to ${MAX_BATCH_ROWS} rows` }]);
  return body;
}

/** A row as the single route's validation pipe would see it: the row, or every problem it has. */
export function parseRowAs<T extends object>(
  type: ClassConstructor<T>,
  raw: unknown,
): { row: T } | { problems: RowProblem[] } {
  const checked = validateRow(type, raw);
  if ('row' in checked) return checked;
  return { problems: checked.errors.map(({ field, message }) => ({ field, reason: message })) };
}

/** Why a row was refused, field by field, from the error that refused it. */
export function problemsOf(error: DomainError): RowProblem[] {
  if (error instanceof InvalidInputError)
    return error.errors.map(({ field, message }) => ({ field, reason: message }));
  const field = typeof error.extensions.field === 'string' ? error.extensions.field : 'row';
  return [{ field, reason: error.message }];
}

/** Runs `work` over `items`, at most `width` at a time. */
export async function inParallel<T>(
  items: T[],
  width: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]);
  };
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, worker));
}
