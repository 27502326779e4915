import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

export interface NormalizedPhone {
  e164: string;
  /** The national significant number, used for prefix and partial search. */
  digits: string;
}

const DEFAULT_COUNTRY = 'CN';

/** `138 0013 8000`, `+86 13800138000` and `0086-138-0013-8000` all become `+8613800138000`. */
export function normalizePhone(input: string): NormalizedPhone | null {
  const cleaned = input.trim().replace(/^00/, '+');
  const parsed = parsePhoneNumberFromString(cleaned, DEFAULT_COUNTRY);
  if (!parsed || !parsed.isValid()) return null;
  return { e164: parsed.number, digits: parsed.nationalNumber };
}

/** Digits a caller typed for a partial phone search, without country prefix or separators. */
export function phoneSearchDigits(input: string): string {
  const digits = input.replace(/[^\d]/g, '');
  if (input.trim().startsWith('+86') || input.trim().startsWith('0086'))
    return digits.replace(/^(00)?86/, '');
  return digits;
}
