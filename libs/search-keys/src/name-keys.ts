import { pinyin } from 'pinyin-pro';

const CJK = /[\u3400-\u9fff\uf900-\ufaff]/;
const MAX_INDEXED_CJK_CHARS = 40;

export function containsCjk(text: string): boolean {
  return CJK.test(text);
}

function cjkCharacters(text: string): string[] {
  return [...text].filter((char) => CJK.test(char)).slice(0, MAX_INDEXED_CJK_CHARS);
}

function bigrams(parts: string[]): string[] {
  return parts.slice(0, -1).map((part, i) => part + parts[i + 1]);
}

/** Lower-case latin tokens of a name: `Zhang San` -> [zhang, san]. */
export function latinTokens(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** The pinyin syllables of a Chinese name, surname read as a surname (单 = shan). */
export function pinyinSyllables(name: string): string[] {
  const chars = cjkCharacters(name).join('');
  if (!chars) return [];
  return pinyin(chars, { toneType: 'none', type: 'array', surname: 'head', v: true }).map((s) =>
    s.toLowerCase(),
  );
}

/** The name in latin letters: pinyin for Chinese names, the name itself otherwise. */
export function latinName(name: string): string {
  const syllables = pinyinSyllables(name);
  const latin = syllables.length > 0 ? syllables : latinTokens(name);
  return latin.join(' ');
}

/**
 * Exact-match keys kept in a GIN-indexed array. Every CJK character and character pair is a key,
 * so one- and two-character queries (most Chinese given names and surnames) hit the index, which
 * trigram indexes cannot do; pinyin and latin spellings are keys too (joined, per syllable, initials).
 * `nameLatin` is the name's `latinName`, passed by a caller that has it already (pinyin is the costly part).
 */
export function nameSearchKeys(name: string, nameLatin: string = latinName(name)): string[] {
  const keys = new Set<string>();
  const chars = cjkCharacters(name);
  chars.forEach((char) => keys.add(char));
  bigrams(chars).forEach((pair) => keys.add(pair));
  if (chars.length > 0) keys.add(chars.join(''));
  const latin = nameLatin.split(' ').filter(Boolean);
  if (chars.length > 0 && latin.length > 0) keys.add(soundAlikeKey(latin.join('')));
  if (latin.length > 0) {
    keys.add(latin.join(''));
    latin.forEach((token) => keys.add(token));
    // Syllable pairs, like the character pairs: a two-syllable surname (ouyang, sima) or given name
    // (xiaolong) typed alone is then one exact key.
    if (chars.length > 0) bigrams(latin).forEach((pair) => keys.add(pair));
    if (latin.length > 1) keys.add(latin.map((token) => token[0]).join(''));
  }
  return [...keys];
}

const SOUND_ALIKE_PREFIX = '~';

/**
 * One key for pinyin spellings that sound alike to a caller: zh/z, ch/c, sh/s, -ng/-n and l/n are
 * folded together, so a misheard `zhang shan` still finds 张三 through the index.
 */
export function soundAlikeKey(latin: string): string {
  const folded = latin
    .toLowerCase()
    .replace(/[^a-z]/g, '')
    .replace(/([zcs])h/g, '$1')
    .replace(/ng/g, 'n')
    .replace(/l/g, 'n');
  return SOUND_ALIKE_PREFIX + folded;
}

/** The keys a name query must all match: itself when short, else its character pairs. */
export function nameQueryKeys(query: string): string[] {
  const chars = cjkCharacters(query);
  if (chars.length > 0) return chars.length <= 2 ? [chars.join('')] : bigrams(chars);
  const tokens = latinTokens(query);
  return tokens.length > 0 ? [tokens.join('')] : [];
}
