import { Transform } from 'class-transformer';

const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * Reads a query string value as a number. Unlike `@Type(() => Number)`, an empty value (`lat=`) or
 * text stays as it was, so the number validators refuse it instead of seeing 0 or NaN.
 */
export function QueryNumber(): PropertyDecorator {
  return Transform(({ value }) =>
    typeof value === 'string' && NUMERIC.test(value.trim()) ? Number(value) : value,
  );
}
