import { normalizePhone, phoneSearchDigits } from './phone-number';
import { containsCjk, latinTokens, latinName, nameQueryKeys, soundAlikeKey } from './name-keys';

export interface PhoneProbe {
  kind: 'phone';
  /** Set when the query is a whole, valid number. */
  e164: string | null;
  digits: string;
  /** Set when the digits could also be how a VIN ends (Chinese VINs end in six digits). */
  vinTail: string | null;
}

export interface VinProbe {
  kind: 'vin';
  vin: string;
  exact: boolean;
}

export interface NameProbe {
  kind: 'name';
  text: string;
  /** Keys a match must all carry (`search_keys @> keys`). */
  keys: string[];
  /** The query spelled like `name_latin`, for similarity ranking. */
  latin: string;
  /** For latin queries: the sound-alike pinyin key (see soundAlikeKey). */
  soundAlike: string | null;
  /** Latin queries fall back to trigram similarity when no key matches at all. */
  fuzzy: boolean;
}

export type SearchProbe = PhoneProbe | VinProbe | NameProbe;

const PHONE_LIKE = /^[\d\s+\-()]+$/;
const MIN_PHONE_DIGITS = 3;
const VIN = /^[A-HJ-NPR-Z0-9]{17}$/;
const PARTIAL_VIN = /^[A-HJ-NPR-Z0-9]{6,16}$/;
const VIN_TAIL = /^\d{6,8}$/;

/** Decides what a call-center agent typed: a phone number, a VIN or a name. */
export function classifySearchQuery(query: string): SearchProbe {
  const text = query.trim();
  const digits = phoneSearchDigits(text);
  if (PHONE_LIKE.test(text) && digits.length >= MIN_PHONE_DIGITS) {
    const vinTail = VIN_TAIL.test(text) ? text : null;
    return { kind: 'phone', e164: normalizePhone(text)?.e164 ?? null, digits, vinTail };
  }
  const upper = text.toUpperCase();
  if (VIN.test(upper)) return { kind: 'vin', vin: upper, exact: true };
  if (PARTIAL_VIN.test(upper) && /\d/.test(upper) && /[A-Z]/.test(upper))
    return { kind: 'vin', vin: upper, exact: false };
  const cjk = containsCjk(text);
  const latin = cjk ? latinName(text) : latinTokens(text).join(' ');
  const fuzzy = !cjk && latin.length > 0;
  const soundAlike = fuzzy ? soundAlikeKey(latin) : null;
  return { kind: 'name', text, keys: nameQueryKeys(text), latin, soundAlike, fuzzy };
}
