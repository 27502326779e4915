import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CustomerSearchHit, SearchMatch } from './customer-search-hit';
import { NameProbe, PhoneProbe, SearchProbe, VinProbe } from '@crm/search-keys';

export interface SearchPage {
  limit: number;
  offset: number;
}

/** One search statement; `trigramThreshold` is set for its transaction only, before it runs. */
export interface SearchSql {
  sql: string;
  params: unknown[];
  trigramThreshold: number | null;
}

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
     ORDER BY b.score DESC, b.sort_key, c.id
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
  return { sql: ranked(hits, `'phone'`, 5), params, trigramThreshold: null };
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
  return { sql: ranked(hits, `'vin'`, 3), params, trigramThreshold: null };
}

const NAME_TIER = `CASE WHEN c.name = $2 OR replace(c.name_latin, ' ', '') = $3 THEN 3
                        WHEN starts_with(c.name, $2) OR starts_with(replace(c.name_latin, ' ', ''), $3) THEN 2
                        ELSE 1 END`;

function nameSql(probe: NameProbe, page: SearchPage): SearchSql {
  const keyed = `keyed AS (
      SELECT c.id AS customer_id, ${NAME_TIER} + coalesce(similarity(c.name_latin, $4), 0) AS score, c.name AS sort_key
        FROM customer_master.customer c
       WHERE c.search_keys @> $1::text[] AND c.status = 'active'
       ORDER BY score DESC, sort_key LIMIT $5)`;
  // Sound-alike pinyin (zh/z, -ng/-n, l/n ...) is one more indexed key, ranked below every key match.
  const soundAlike = `sound_alike AS (
      SELECT c.id AS customer_id, 0.5 + 0.5 * coalesce(similarity(c.name_latin, $4), 0) AS score, c.name AS sort_key
        FROM customer_master.customer c
       WHERE $8::text IS NOT NULL AND c.search_keys @> ARRAY[$8::text]
         AND NOT c.search_keys @> $1::text[] AND c.status = 'active'
       ORDER BY score DESC, sort_key LIMIT $5)`;
  // Trigram similarity only when no key matched at all: it is the one tier that cannot stay cheap.
  const fuzzy = `fuzzy AS (
      SELECT c.id AS customer_id, 0.5 * similarity(c.name_latin, $4) AS score, c.name AS sort_key
        FROM customer_master.customer c
       WHERE NOT EXISTS (SELECT 1 FROM keyed) AND NOT EXISTS (SELECT 1 FROM sound_alike)
         AND c.name_latin % $4 AND c.status = 'active'
       ORDER BY score DESC, sort_key LIMIT $5)`;
  const hits = probe.fuzzy
    ? `${keyed}, ${soundAlike}, ${fuzzy},
       hits AS (SELECT * FROM keyed UNION ALL SELECT * FROM sound_alike UNION ALL SELECT * FROM fuzzy)`
    : `${keyed}, ${soundAlike}, hits AS (SELECT * FROM keyed UNION ALL SELECT * FROM sound_alike)`;
  const joined = probe.latin.replace(/ /g, '');
  const params = [
    probe.keys,
    probe.text,
    joined,
    probe.latin,
    page.offset + page.limit,
    page.limit,
    page.offset,
    probe.soundAlike,
  ];
  const sql = ranked(hits, `CASE WHEN b.score >= 1 THEN 'name' ELSE 'fuzzy-name' END`, 6);
  return { sql, params, trigramThreshold: probe.fuzzy ? FUZZY_NAME_THRESHOLD : null };
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
    const { sql, params, trigramThreshold } = searchSql(probe, page);
    if (trigramThreshold === null) return (await this.dataSource.query(sql, params)).map(toHit);
    return this.dataSource.transaction(async (tx) => {
      await tx.query(`SELECT set_config('pg_trgm.similarity_threshold', $1, true)`, [
        String(trigramThreshold),
      ]);
      return (await tx.query(sql, params)).map(toHit);
    });
  }
}
