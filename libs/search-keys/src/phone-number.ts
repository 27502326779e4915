import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

export interface NormalizedPhone {
  e164: string;
  /** The national significant number, used for prefix and partial search. */
  digits: string;
}

const DEFAULT_COUNTRY = 'CN';

/**
 * Recent answers by input, in two generations (the older dropped when the newer fills up). A registered phone is
 * checked, normalized and split into digits for the phone index, each of which asked libphonenumber again; a parse
 * with its full metadata was the costly part of an imported row.
 */
const GENERATION_SIZE = 10_000;
/** Longer inputs are not phone numbers anyone registers; they are answered without being kept. */
const MAX_KEPT_INPUT = 64;
let recent = new Map<string, Readonly<NormalizedPhone> | null>();
let older = new Map<string, Readonly<NormalizedPhone> | null>();

/** `138 0013 8000`, `+86 13800138000` and `0086-138-0013-8000` all become `+8613800138000`. */
export function normalizePhone(input: string): Readonly<NormalizedPhone> | null {
  const known = recent.has(input) ? recent.get(input) : older.get(input);
  if (known !== undefined) return known;
  const normalized = parse(input);
  remember(input, normalized);
  // A number's E.164 form normalizes to that same number; the draft and the phone index ask with it next.
  if (normalized) remember(normalized.e164, normalized);
  return normalized;
}

function remember(input: string, normalized: Readonly<NormalizedPhone> | null): void {
  if (input.length > MAX_KEPT_INPUT) return;
  if (recent.size >= GENERATION_SIZE) [older, recent] = [recent, new Map()];
  recent.set(input, normalized);
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
