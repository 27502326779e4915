import { z } from 'zod';
import { FieldError } from '@crm/core';

/** The parsed value, or null with each zod issue added to `errors` under its full path (`actions[1].title`). */
export function collect<T>(result: z.ZodSafeParseResult<T>, path: string, errors: FieldError[]): T | null {
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
    for (const key of keys)
      errors.push({
        field: fieldPath(path, key === undefined ? issue.path : [...issue.path, key]),
        message: issue.message,
      });
  }
  return null;
}

export function fieldPath(base: string, path: PropertyKey[]): string {
  return path.reduce<string>(
    (field, part) => (typeof part === 'number' ? `${field}[${part}]` : `${field}.${String(part)}`),
    base,
  );
}
