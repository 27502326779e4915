const VIN_PATTERN = /^[A-HJ-NPR-Z0-9]{17}$/;
const TRANSLITERATION: Record<string, number> = {
  A: 1,
  B: 2,
  C: 3,
  D: 4,
  E: 5,
  F: 6,
  G: 7,
  H: 8,
  J: 1,
  K: 2,
  L: 3,
  M: 4,
  N: 5,
  P: 7,
  R: 9,
  S: 2,
  T: 3,
  U: 4,
  V: 5,
  W: 6,
  X: 7,
  Y: 8,
  Z: 9,
};
const WEIGHTS = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

function valueOf(char: string): number {
  return /\d/.test(char) ? Number(char) : TRANSLITERATION[char];
}

/** The ISO 3779 / FMVSS 115 check digit (position 9) of a 17-character VIN. */
export function vinCheckDigit(vin: string): string {
  const sum = [...vin].reduce((total, char, i) => total + valueOf(char) * WEIGHTS[i], 0);
  const remainder = sum % 11;
  return remainder === 10 ? 'X' : String(remainder);
}

/** The VIN with its check digit (position 9) computed: for test data and demo seeds. */
export function withCheckDigit(vin: string): string {
  return vin.slice(0, 8) + vinCheckDigit(vin) + vin.slice(9);
}

/** North American (1-5) and Chinese (L, GB 16735) VINs must carry a valid check digit. */
function requiresCheckDigit(vin: string): boolean {
  return /^[1-5L]/.test(vin);
}

export type VinProblem = 'format' | 'check-digit';

export function vinProblem(input: string): VinProblem | null {
  const vin = input.toUpperCase();
  if (!VIN_PATTERN.test(vin)) return 'format';
  if (requiresCheckDigit(vin) && vin[8] !== vinCheckDigit(vin)) return 'check-digit';
  return null;
}

/** What is wrong with a VIN, as customer-master and inbound sync report it (after "VIN "). */
export const VIN_MESSAGES: Record<VinProblem, string> = {
  format: 'must be 17 letters and digits without I, O or Q',
  'check-digit': 'has a wrong check digit (position 9)',
};

export function normalizeVin(input: string): string {
  return input.trim().toUpperCase();
}
