import { ValidateBy, ValidationOptions } from 'class-validator';

const MAX_SPECS = 50;
const MAX_KEY_LENGTH = 60;
const MAX_TEXT_LENGTH = 200;

function isSpecValue(value: unknown): boolean {
  if (typeof value === 'string') return value.length <= MAX_TEXT_LENGTH;
  return typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));
}

/** A flat map of up to 50 named specs whose values are short text, finite numbers or booleans. */
export function isSpecMap(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const entries = Object.entries(value);
  return (
    entries.length <= MAX_SPECS &&
    entries.every(([key, spec]) => key.length > 0 && key.length <= MAX_KEY_LENGTH && isSpecValue(spec))
  );
}

export function IsSpecMap(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isSpecMap',
      validator: {
        validate: isSpecMap,
        defaultMessage: () =>
          `$property must map up to ${MAX_SPECS} names to text (≤ ${MAX_TEXT_LENGTH} characters), numbers or booleans`,
      },
    },
    options,
  );
}
