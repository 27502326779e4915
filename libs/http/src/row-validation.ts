import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { FieldError } from '@crm/core';
import { fieldErrorsOf } from './validation.pipe';

/**
 * One row of a batch body checked as the route's validation pipe would check a single one, so a bad row is
 * answered on its own instead of refusing the batch: the row, or every problem it has.
 */
export function validateRow<T extends object>(
  type: ClassConstructor<T>,
  raw: unknown,
): { row: T } | { errors: FieldError[] } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { errors: [{ field: 'row', message: 'must be an object' }] };
  const row = plainToInstance(type, raw);
  const errors = validateSync(row, { whitelist: true, forbidNonWhitelisted: true });
  return errors.length ? { errors: fieldErrorsOf(errors) } : { row };
}
