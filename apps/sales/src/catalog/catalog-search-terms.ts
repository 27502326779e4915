import { latinTokens } from '@crm/search-keys';

const CJK_RUN = /[\u3400-\u9fff\uf900-\ufaff]+/g;

/**
 * PostgreSQL's parsers do not split Chinese into words, so Chinese text is indexed as its characters
 * and character pairs (like libs/search-keys does for names) under the `simple` configuration, and
 * the rest (latin words, model codes) under `english`, which stems `seats` to `seat`.
 */
export interface SearchTerms {
  /** Space-separated CJK characters and pairs, for `to_tsvector('simple', ...)`. */
  cjk: string;
  /** The text without its Chinese, for `to_tsvector('english', ...)`. */
  latin: string;
}

function runs(text: string): string[] {
  return text.match(CJK_RUN) ?? [];
}

function pairs(run: string): string[] {
  const chars = [...run];
  return chars.slice(0, -1).map((char, i) => char + chars[i + 1]);
}

function latinPart(text: string): string {
  return latinTokens(text.replace(CJK_RUN, ' ')).join(' ');
}

/** What a document is indexed as: every character and every pair, so one- and two-character queries hit. */
export function documentTerms(...texts: (string | null | undefined)[]): SearchTerms {
  const present = texts.filter((text): text is string => !!text);
  const cjk = present.flatMap(runs).flatMap((run) => [...run, ...pairs(run)]);
  return { cjk: cjk.join(' '), latin: present.map(latinPart).join(' ') };
}

/** What a query must match: a lone character itself, a longer run all of its pairs; latin words stemmed by SQL. */
export function queryTerms(query: string): SearchTerms {
  const cjk = runs(query).flatMap((run) => ([...run].length === 1 ? [run] : pairs(run)));
  return { cjk: cjk.join(' '), latin: latinPart(query) };
}

export function isEmpty(terms: SearchTerms): boolean {
  return terms.cjk === '' && terms.latin === '';
}
