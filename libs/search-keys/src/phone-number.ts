import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

export interface NormalizedPhone {
  e164: string;
  /** The national significant number, used for prefix and partial search. */
  digits: string;
}

const DEFAULT_COUNTRY = 'CN';

/**
 * Recent answers by input. A registered phone is checked, normalized and split into digits for the phone index,
 * each of which asked libphonenumber again; a parse with its full metadata was the costly part of an imported row.
 */
const recent = new Map<string, Readonly<NormalizedPhone> | null>();
const MAX_RECENT = 10_000;

/** `138 0013 8000`, `+86 13800138000` and `0086-138-0013-8000` all become `+8613800138000`. */
export function normalizePhone(input: string): Readonly<NormalizedPhone> | null {
  const known = recent.get(input);
  if (known !== undefined) return known;
  const normalized = parse(input);
  if (recent.size >= MAX_RECENT) recent.clear();
  recent.set(input, normalized);
  // A number's E.164 form normalizes to that same number; the draft and the phone index ask with it next.
  if (normalized) recent.set(normalized.e164, normalized);
  return normalized;
}

function parse(input: string): Readonly<NormalizedPhone> | null {
  const cleaned = input.trim().replace(/^00/, '+');
  const parsed = parsePhoneNumberFromString(cleaned, DEFAULT_COUNTRY);
  if (!parsed || !parsed.isValid()) return null;
  return Object.freeze({ e164: parsed.number, digits: parsed.nationalNumber });
}

/** Digits a caller typed for a partial phone search, without country prefix or separators. */
export function phoneSearchDigits(input: string): string {
  const digits = input.replace(/[^\d]/g, '');
  if (input.trim().startsWith('+86') || input.trim().startsWith('0086'))
    return digits.replace(/^(00)?86/, '');
  return digits;
}
