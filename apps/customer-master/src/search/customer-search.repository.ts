import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CustomerSearchHit, SearchMatch } from './customer-search-hit';
import { containsCjk, NameProbe, PhoneProbe, SearchProbe, VinProbe } from '@crm/search-keys';

export interface SearchPage {
  limit: number;
  offset: number;
}

/** One search statement and the settings it runs under (for its transaction only, set before it runs). */
export interface SearchSql {
  sql: string;
  params: unknown[];
  settings: Record<string, string>;
}

/** The one statement applying `settings` to the current transaction only. */
export function settingsStatement(settings: Record<string, string>): { sql: string; params: string[] } {
  const names = Object.keys(settings);
  const calls = names.map((name, i) => `set_config('${name}', $${i + 1}, true)`);
  return { sql: `SELECT ${calls.join(', ')}`, params: names.map((name) => settings[name]) };
}

/*
 * A name search answers one agent in milliseconds, and its lower tiers usually never run (their
 * gate is false): starting parallel workers for them costs more (tens of ms) than any scan they share.
 */
const NAME_SEARCH_SETTINGS = { max_parallel_workers_per_gather: '0' };

/**
 * A fuzzy latin name must be this similar to the query: one changed syllable of a short name
 * (`zhang shan` for `zhang san`) scores about 0.67. The GIN index prunes candidates with it; at the
 * default 0.3, or even 0.5, thousands of names sharing a common syllable are fetched and rechecked.
 */
export const FUZZY_NAME_THRESHOLD = 0.6;

interface HitRow {
  id: string;
  name: string;
  name_latin: string | null;
  city: string | null;
  phones: string[];
  matched_by: SearchMatch;
  score: number;
}

/*
 * Each statement gathers (customer_id, score) hits per tier, every tier answered by its own
 * index and capped at offset + limit rows, then ranks them. The score's integer part is the tier
 * (3 exact, 2 prefix, 1 contains, 0 fuzzy), its fraction the similarity of the latin spelling.
 */
function ranked(hits: string, matchedBy: string, limitParam: number): string {
  return `WITH ${hits},
    best AS (SELECT DISTINCT ON (customer_id) customer_id, score, sort_key FROM hits
              ORDER BY customer_id, score DESC, sort_key)
    SELECT c.id, c.name, c.name_latin, c.city, ${matchedBy} AS matched_by, b.score::float8 AS score,
           ARRAY(SELECT p.e164 FROM customer_master.customer_phone p WHERE p.customer_id = c.id
                  ORDER BY p.position, p.e164) AS phones
      FROM best b JOIN customer_master.customer c ON c.id = b.customer_id
     ORDER BY b.score DESC, b.sort_key COLLATE "C", c.id
     LIMIT $${limitParam} OFFSET $${limitParam + 1}`;
}

// Prefix hits come in index order (text_pattern_ops sorts by ~<~), so the LIMIT stops the scan early.
function phoneSql(probe: PhoneProbe, page: SearchPage): SearchSql {
  const hits = `exact AS (
      SELECT p.customer_id, 3 AS score, p.digits AS sort_key
        FROM customer_master.customer_phone p JOIN customer_master.customer c ON c.id = p.customer_id
       WHERE p.e164 = $1 AND c.status = 'active'),
    prefix AS (
      SELECT p.customer_id, 2 AS score, p.digits AS sort_key
        FROM customer_master.customer_phone p JOIN customer_master.customer c ON c.id = p.customer_id
       WHERE p.digits LIKE $2 AND c.status = 'active'
       ORDER BY p.digits USING ~<~ LIMIT $4),
    contains AS (
      SELECT p.customer_id, 1 AS score, p.digits AS sort_key
        FROM customer_master.customer_phone p JOIN customer_master.customer c ON c.id = p.customer_id
       WHERE NOT EXISTS (SELECT 1 FROM exact) AND NOT EXISTS (SELECT 1 FROM prefix)
         AND p.digits LIKE $3 AND c.status = 'active'
       ORDER BY p.digits USING ~<~ LIMIT $4),
    hits AS (SELECT * FROM exact UNION ALL SELECT * FROM prefix UNION ALL SELECT * FROM contains)`;
  const params = [
    probe.e164,
    `${probe.digits}%`,
    `%${probe.digits}%`,
    page.offset + page.limit,
    page.limit,
    page.offset,
  ];
  return { sql: ranked(hits, `'phone'`, 5), params, settings: {} };
}

function vinSql(probe: VinProbe, page: SearchPage): SearchSql {
  const condition = probe.exact ? 'v.vin = $1' : 'v.vin LIKE $1';
  const hits = `hits AS (
      SELECT v.owner_customer_id AS customer_id, ${probe.exact ? 3 : 1} AS score, v.vin AS sort_key
        FROM customer_master.vehicle v JOIN customer_master.customer c ON c.id = v.owner_customer_id
       WHERE ${condition} AND c.status = 'active'
       ORDER BY v.vin LIMIT $2)`;
  const params = [
    probe.exact ? probe.vin : `%${probe.vin}%`,
    page.offset + page.limit,
    page.limit,
    page.offset,
  ];
  return { sql: ranked(hits, `'vin'`, 3), params, settings: {} };
}

/** `text` as a LIKE pattern matching what starts with it. */
function startsWithPattern(text: string): string {
  return `${text.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}

/** How far the prefix range is walked, per hit wanted, before the prefix tier asks the key index instead. */
const PREFIX_WALK_PER_HIT = 10;

/*
 * The prefix tier: names starting with the query that also carry its keys (`li na` must not match `li nan`, though
 * `linan` starts with `lina`), in name order. The planner cannot choose the plan itself: it multiplies the key's and
 * the prefix's selectivities, the same fact twice (154 of 18,005 expected for 张). So the prefix index is walked in
 * order for a bounded stretch, which fills a page of a common surname (张: 18,005 people) from its first rows; when a
 * key is rare in its range (`wan` among 98,698 people spelled `wang…`) the walk stops short, and the key index
 * answers instead.
 */
function prefixTier(spelled: string): string {
  return `prefix_walked AS (
      SELECT customer_id, sort_key FROM (
        SELECT c.id AS customer_id, ${spelled} AS sort_key, c.search_keys @> $1::text[] AS keyed
          FROM customer_master.customer c
         WHERE ${spelled} LIKE $3 AND c.status = 'active'
         ORDER BY ${spelled} USING ~<~, c.id LIMIT $5 * ${PREFIX_WALK_PER_HIT}) walk
       WHERE keyed LIMIT $5),
    prefix AS (
      SELECT customer_id, CASE WHEN sort_key = $2 THEN 3 ELSE 2 END AS score, sort_key FROM (
        SELECT * FROM prefix_walked
        UNION
        (SELECT c.id, ${spelled} FROM customer_master.customer c
          WHERE (SELECT count(*) FROM prefix_walked) < $5
            AND c.search_keys @> $1::text[] AND ${spelled} LIKE $3 AND c.status = 'active'
          ORDER BY ${spelled} USING ~<~, c.id LIMIT $5)) matched)`;
}

/*
 * A name query's exact (3) and prefix (2) matches are read from a b-tree in name order: a lone
 * common surname (王, tens of thousands of people) stops after one page instead of scoring every
 * namesake. Chinese queries compare the name, latin ones the joined latin spelling. The remaining
 * key matches (1 + similarity), sound-alikes (0.5..1) and, for a latin query that matched no key,
 * trigram similarity (0..0.5) are each computed only while the tiers above have not filled the page.
 */
function nameSql(probe: NameProbe, page: SearchPage): SearchSql {
  const spelled = containsCjk(probe.text) ? 'c.name' : `replace(c.name_latin, ' ', '')`;
  const prefix = prefixTier(spelled);
  // Similarity is at most 1: scaled below it, a key match never ties with a prefix match.
  const keyed = `keyed AS (
      SELECT c.id AS customer_id, 1 + 0.99 * coalesce(similarity(c.name_latin, $4), 0) AS score, c.name AS sort_key
        FROM customer_master.customer c
       WHERE (SELECT count(*) FROM prefix) < $5
         AND c.search_keys @> $1::text[] AND NOT coalesce(${spelled} LIKE $3, false) AND c.status = 'active'
       ORDER BY score DESC, sort_key LIMIT $5)`;
  // Sound-alike pinyin (zh/z, -ng/-n, l/n ...) is one more indexed key, ranked below every key match.
  const soundAlike = `sound_alike AS (
      SELECT c.id AS customer_id, 0.5 + 0.49 * coalesce(similarity(c.name_latin, $4), 0) AS score, c.name AS sort_key
        FROM customer_master.customer c
       WHERE (SELECT count(*) FROM prefix) + (SELECT count(*) FROM keyed) < $5
         AND $8::text IS NOT NULL AND c.search_keys @> ARRAY[$8::text]
         AND NOT c.search_keys @> $1::text[] AND c.status = 'active'
       ORDER BY score DESC, sort_key LIMIT $5)`;
  // Trigram similarity only when no key matched at all: it is the one tier that cannot stay cheap.
  const fuzzy = `fuzzy AS (
      SELECT c.id AS customer_id, 0.49 * similarity(c.name_latin, $4) AS score, c.name AS sort_key
        FROM customer_master.customer c
       WHERE NOT EXISTS (SELECT 1 FROM prefix) AND NOT EXISTS (SELECT 1 FROM keyed)
         AND NOT EXISTS (SELECT 1 FROM sound_alike)
         AND c.name_latin % $4 AND c.status = 'active'
       ORDER BY score DESC, sort_key LIMIT $5)`;
  const tiers = probe.fuzzy ? [prefix, keyed, soundAlike, fuzzy] : [prefix, keyed, soundAlike];
  const names = probe.fuzzy
    ? ['prefix', 'keyed', 'sound_alike', 'fuzzy']
    : ['prefix', 'keyed', 'sound_alike'];
  const hits = `${tiers.join(', ')},
       hits AS (${names.map((name) => `SELECT * FROM ${name}`).join(' UNION ALL ')})`;
  const exact = containsCjk(probe.text) ? probe.text : probe.latin.replace(/ /g, '');
  const params = [
    probe.keys,
    exact,
    startsWithPattern(exact),
    probe.latin,
    page.offset + page.limit,
    page.limit,
    page.offset,
    probe.soundAlike,
  ];
  const sql = ranked(hits, `CASE WHEN b.score >= 1 THEN 'name' ELSE 'fuzzy-name' END`, 6);
  const settings: Record<string, string> = { ...NAME_SEARCH_SETTINGS };
  if (probe.fuzzy) settings['pg_trgm.similarity_threshold'] = String(FUZZY_NAME_THRESHOLD);
  return { sql, params, settings };
}

/** The statement answering a probe; exported so plans and raw latency can be measured on the same SQL. */
export function searchSql(probe: SearchProbe, page: SearchPage): SearchSql {
  if (probe.kind === 'phone') return phoneSql(probe, page);
  if (probe.kind === 'vin') return vinSql(probe, page);
  return nameSql(probe, page);
}

function toHit(row: HitRow): CustomerSearchHit {
  return {
    customerId: row.id,
    name: row.name,
    nameLatin: row.name_latin,
    phones: row.phones,
    city: row.city,
    matchedBy: row.matched_by,
    score: Math.round(row.score * 1000) / 1000,
  };
}

/** Owns the SQL of call-center customer search. */
@Injectable()
export class CustomerSearchRepository {
  constructor(private readonly dataSource: DataSource) {}

  async search(probe: SearchProbe, page: SearchPage): Promise<CustomerSearchHit[]> {
    if (probe.kind === 'name' && probe.keys.length === 0) return [];
    const { sql, params, settings } = searchSql(probe, page);
    if (Object.keys(settings).length === 0) return (await this.dataSource.query(sql, params)).map(toHit);
    return this.dataSource.transaction(async (tx) => {
      const set = settingsStatement(settings);
      await tx.query(set.sql, set.params);
      return (await tx.query(sql, params)).map(toHit);
    });
  }
}
