import { InvalidInputError } from '@crm/core';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

/** An `Idempotency-Key` header as sent, refused (400 naming it) unless 1 to 200 visible ASCII characters. */
export function checkedIdempotencyKey(key: string | undefined): string | undefined {
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key))
    throw new InvalidInputError([
      { field: 'Idempotency-Key', message: 'must be 1 to 200 visible ASCII characters' },
    ]);
  return key;
}
