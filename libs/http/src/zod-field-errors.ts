import type { z } from 'zod';
import { FieldError } from '@crm/core';

/**
 * A zod error as the 400's field list, each issue named by its path under `base` (`body.lines[0].sku`); an
 * unknown key is named by its own path, so the caller sees which key to remove.
 */
export function zodFieldErrors(error: z.ZodError, base: string): FieldError[] {
  return error.issues.flatMap((issue) => {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
    return keys.map((key) => ({
      field: fieldPath(base, key === undefined ? issue.path : [...issue.path, key]),
      message: issue.message,
    }));
  });
}

function fieldPath(base: string, path: PropertyKey[]): string {
  return path.reduce<string>(
    (field, part) => (typeof part === 'number' ? `${field}[${part}]` : `${field}.${String(part)}`),
    base,
  );
}

/** The parsed value, or null with its issues added to `errors` (for parsers that report every bad field at once). */
export function parsedOrCollect<T>(
  result: z.ZodSafeParseResult<T>,
  path: string,
  errors: FieldError[],
): T | null {
  if (result.success) return result.data;
  errors.push(...zodFieldErrors(result.error, path));
  return null;
}
