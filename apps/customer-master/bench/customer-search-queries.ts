import { SampleCustomer } from './customer-search-data';

/** What an agent types, by kind; every kind is asked equally often. */
export type QueryMix = Record<string, string[]>;

/** How a caller's pinyin is misheard: the first fold that changes the name (zh/z, ch/c, sh/s, -ng/-n, l/n). */
const MISHEARD: [RegExp, string][] = [
  [/zh/, 'z'],
  [/ch/, 'c'],
  [/sh/, 's'],
  [/ng\b/, 'n'],
  [/l/, 'n'],
  [/n/, 'l'],
];

export function misheard(latin: string): string {
  for (const [pattern, replacement] of MISHEARD) {
    const heard = latin.replace(pattern, replacement);
    if (heard !== latin) return heard;
  }
  return `${latin}g`;
}

/** A typing slip: the last two letters of the longest syllable swapped (`wang wei` -> `wagn wei`). */
export function misspelt(latin: string): string {
  const tokens = latin.split(' ');
  const longest = tokens.reduce((best, token, i) => (token.length > tokens[best].length ? i : best), 0);
  const token = tokens[longest];
  const swapped = token.slice(0, -2) + token.slice(-1) + token.slice(-2, -1);
  return tokens.map((t, i) => (i === longest ? swapped : t)).join(' ');
}

/** Names and numbers no customer has: rare characters, consonant-only pinyin, a prefix no carrier uses. */
function misses(count: number): string[] {
  const rare = [...'龘靐齉爩麤灪鱻厵'];
  return Array.from({ length: count }, (_, i) => {
    if (i % 3 === 0) return rare[i % rare.length] + rare[(i * 3 + 1) % rare.length];
    if (i % 3 === 1) return `qx${'zvkp'[i % 4]} ${'bcdfg'[i % 5]}rt`;
    return `1990${String(i).padStart(3, '0')}`;
  });
}

/**
 * Twelve kinds of lookup from the sample: exact names and numbers, misspelt and sound-alike pinyin,
 * partial names, a surname alone, VINs and their tails, partial phones, and queries that match nobody.
 */
export function queryMix(sample: SampleCustomer[]): QueryMix {
  const chinese = sample.filter((customer) => customer.chinese);
  const longNames = chinese.filter((customer) => customer.name.length >= 3);
  return {
    'whole phone': sample.map((customer) => customer.phone),
    'phone prefix (7 digits)': sample.map((customer) => customer.phone.slice(0, 7)),
    'phone tail (8 digits)': sample.map((customer) => customer.phone.slice(-8)),
    'Chinese full name': chinese.map((customer) => customer.name),
    'pinyin full name': chinese.map((customer) => customer.nameLatin),
    'misspelt pinyin': chinese.map((customer) => misspelt(customer.nameLatin)),
    'sound-alike pinyin': chinese.map((customer) => misheard(customer.nameLatin)),
    'partial name (prefix)': longNames.map((customer) => customer.name.slice(0, -1)),
    'surname only': chinese.map((customer) => customer.name[0]),
    VIN: sample.map((customer) => customer.vin),
    'VIN tail (8)': sample.map((customer) => customer.vin.slice(-8)),
    'no match': misses(sample.length),
  };
}
