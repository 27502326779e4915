import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NameProbe, PhoneProbe, SearchProbe, VinProbe } from '@crm/search-keys';
import { LookupHit, LookupMatch } from './lookup-hit';

export interface LookupPage {
  limit: number;
  offset: number;
}

interface HitRow {
  id: string;
  name: string;
  name_latin: string | null;
  city: string | null;
  phones: string[];
  vins: string[];
  score: number;
  matched_by: LookupMatch;
}

interface Statement {
  hits: string;
  params: unknown[];
}

/*
 * Each tier is answered by its own index (e164 btree, digits text_pattern_ops and trigram, VIN
 * unique and trigram, search_keys GIN) and capped at offset + limit rows ($1), so a common prefix
 * never drags thousands of rows into the ranking.
 */
function phoneHits(probe: PhoneProbe): Statement {
  const phones = `SELECT customer_id, 3 AS score, 'phone' AS matched_by FROM call_center.customer_phone WHERE e164 = $2
    UNION ALL (SELECT customer_id, 2, 'phone' FROM call_center.customer_phone WHERE digits LIKE $3
                ORDER BY digits USING ~<~ LIMIT $1)
    UNION ALL (SELECT customer_id, 1, 'phone' FROM call_center.customer_phone WHERE digits LIKE $4 LIMIT $1)`;
  const params = [probe.e164, `${probe.digits}%`, `%${probe.digits}%`];
  if (!probe.vinTail) return { hits: phones, params };
  // Six to eight digits may be the tail of a VIN as well as part of a phone number: try both.
  const tails = `UNION ALL (SELECT owner_customer_id, 2, 'vin' FROM call_center.vehicle WHERE vin LIKE $5 LIMIT $1)`;
  return { hits: `${phones}\n    ${tails}`, params: [...params, `%${probe.vinTail}`] };
}

function vinHits(probe: VinProbe): Statement {
  const hits = probe.exact
    ? `SELECT owner_customer_id AS customer_id, 3 AS score, 'vin' AS matched_by FROM call_center.vehicle
        WHERE vin = $2 LIMIT $1`
    : `SELECT owner_customer_id AS customer_id, 1 AS score, 'vin' AS matched_by FROM call_center.vehicle
        WHERE vin LIKE $2 LIMIT $1`;
  return { hits, params: [probe.exact ? probe.vin : `%${probe.vin}%`] };
}

function nameHits(probe: NameProbe): Statement {
  const hits = `SELECT id AS customer_id,
           CASE WHEN name = $3 OR replace(name_latin, ' ', '') = $4 THEN 3
                WHEN starts_with(name, $3) OR starts_with(replace(name_latin, ' ', ''), $4) THEN 2
                ELSE 1 END AS score, 'name' AS matched_by
      FROM call_center.customer WHERE search_keys @> $2::text[] LIMIT $1`;
  return { hits, params: [probe.keys, probe.text, probe.latin.replace(/ /g, '')] };
}

const HITS: { [K in SearchProbe['kind']]: (probe: Extract<SearchProbe, { kind: K }>) => Statement } = {
  phone: phoneHits,
  vin: vinHits,
  name: nameHits,
};

function rankedSql(hits: string, pageParam: number): string {
  return `WITH hits AS (${hits}),
    best AS (SELECT DISTINCT ON (customer_id) customer_id, score, matched_by FROM hits
              WHERE customer_id IS NOT NULL ORDER BY customer_id, score DESC, matched_by)
    SELECT c.id, c.name, c.name_latin, c.city, b.score, b.matched_by,
           ARRAY(SELECT p.e164 FROM call_center.customer_phone p WHERE p.customer_id = c.id
                  ORDER BY p.position) AS phones,
           ARRAY(SELECT v.vin FROM call_center.vehicle v WHERE v.owner_customer_id = c.id ORDER BY v.vin) AS vins
      FROM best b JOIN call_center.customer c ON c.id = b.customer_id
     ORDER BY b.score DESC, c.name, c.id
     LIMIT $${pageParam} OFFSET $${pageParam + 1}`;
}

/** Owns the SQL of agent lookup over the call center's own customer copy. */
@Injectable()
export class LookupRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(probe: SearchProbe, page: LookupPage): Promise<LookupHit[]> {
    if (probe.kind === 'name' && probe.keys.length === 0) return [];
    const statement = (HITS[probe.kind] as (p: SearchProbe) => Statement)(probe);
    const params = [page.offset + page.limit, ...statement.params, page.limit, page.offset];
    const rows: HitRow[] = await this.dataSource.query(rankedSql(statement.hits, params.length - 1), params);
    return rows.map(toHit);
  }
}

function toHit(row: HitRow): LookupHit {
  return {
    customerId: row.id,
    name: row.name,
    nameLatin: row.name_latin,
    phones: row.phones,
    vins: row.vins,
    city: row.city,
    matchedBy: row.matched_by,
    score: row.score,
  };
}
