import { FieldError } from '@crm/core';

// A NUL cannot be stored in a PostgreSQL text column, and a lone surrogate is not Unicode at all.
const UNSAFE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function isUnsafeText(text: string): boolean {
  return UNSAFE.test(text);
}

/** A key as it may appear in a field name: its unsafe characters written as escapes. */
function printable(key: string): string {
  return key.replace(
    /\u0000|[\ud800-\udfff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function join(parent: string, key: string): string {
  return parent ? `${parent}.${printable(key)}` : printable(key);
}

const MESSAGE = 'must not contain NUL characters or unpaired surrogates';

/**
 * Every string (value or key) with a NUL or a lone surrogate, named by its dotted path from `root`.
 * Walks with an explicit stack, so no input can overflow the call stack.
 */
export function findUnsafeText(value: unknown, root = ''): FieldError[] {
  const errors: FieldError[] = [];
  const stack: [unknown, string][] = [[value, root]];
  while (stack.length > 0) {
    const [current, path] = stack.pop() as [unknown, string];
    if (typeof current === 'string') {
      if (isUnsafeText(current))
        errors.push({ field: path || 'value', message: `${path || 'value'} ${MESSAGE}` });
    } else if (current !== null && typeof current === 'object') {
      for (const [key, child] of Object.entries(current)) {
        const field = join(path, key);
        if (isUnsafeText(key)) errors.push({ field, message: `the key of ${field} ${MESSAGE}` });
        stack.push([child, field]);
      }
    }
  }
  return errors;
}
