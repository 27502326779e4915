import { z } from 'zod';
import { FieldError } from '@crm/core';

/** A zod error as the 400's field list, each named by its path under `base` (`body.visitorId`). */
export function collectFieldErrors(error: z.ZodError, base: string): FieldError[] {
  return error.issues.flatMap((issue) => {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
    return keys.map((key) => ({
      field: [base, ...issue.path, ...(key === undefined ? [] : [key])]
        .map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
        .join('')
        .slice(1),
      message: issue.message,
    }));
  });
}
