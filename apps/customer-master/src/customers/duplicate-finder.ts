import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { latinName } from '@crm/search-keys';

export interface DuplicateProbe {
  name: string;
  /** The name's latin spelling when the caller has it already (a drafted customer's); worked out otherwise. */
  nameLatin?: string | null;
  phones: string[];
  emails: string[];
  birthday: string | null;
}

export type DuplicateReason = 'phone' | 'email' | 'name-and-birthday';

export interface DuplicateCandidate {
  customerId: string;
  name: string;
  reasons: DuplicateReason[];
}

/** What one probe of a batch matched: stored customers, and earlier probes of the same batch (by index). */
export interface ProbeMatches {
  candidates: DuplicateCandidate[];
  earlierProbes: number[];
}

/** A close name: trigram similarity of the latin (pinyin) spelling at or above this. */
const NAME_SIMILARITY = 0.5;
const MAX_CANDIDATES = 10;

/**
 * The rule for names, as one SQL condition between a probe and a candidate (both with name, name_latin and
 * birthday), so stored customers and the rows of a batch are compared by the very same rule.
 */
function closeNameSameBirthday(probe: string, candidate: string): string {
  return `${probe}.birthday IS NOT NULL AND ${candidate}.birthday = ${probe}.birthday
    AND (${candidate}.name = ${probe}.name OR similarity(${candidate}.name_latin, ${probe}.name_latin) >= ${NAME_SIMILARITY})`;
}

/**
 * Finds records that are probably the same person: the same normalized phone, the same email, or a close
 * name with the same birthday. One query answers a whole batch of probes (ADR 0049): each probe against
 * the stored customers (each branch by its own index) and against the probes before it in the batch.
 */
@Injectable()
export class DuplicateFinder {
  async find(
    tx: EntityManager,
    probe: DuplicateProbe,
    excludeId: string | null = null,
  ): Promise<DuplicateCandidate[]> {
    const [matches] = await this.findForEach(tx, [probe], excludeId);
    return matches.candidates;
  }

  async findForEach(
    tx: EntityManager,
    probes: DuplicateProbe[],
    excludeId: string | null = null,
  ): Promise<ProbeMatches[]> {
    if (probes.length === 0) return [];
    // The statement's estimated cost is far above jit_above_cost, but it runs in milliseconds: compiling it took
    // seconds on a loaded machine.
    await tx.query('SET LOCAL jit = off');
    const rows: {
      n: number;
      id: string | null;
      earlier: number | null;
      name: string;
      reason: DuplicateReason;
    }[] = await tx.query(
      `WITH probe AS (
           SELECT (p.n - 1)::int AS n, p.name, p.name_latin, p.birthday
             FROM unnest($1::text[], $2::text[], $3::date[]) WITH ORDINALITY AS p(name, name_latin, birthday, n)
         ),
         phone AS (SELECT * FROM unnest($4::int[], $5::text[]) AS x(n, value)),
         email AS (SELECT * FROM unnest($6::int[], $7::text[]) AS x(n, value)),
         stored AS (
           SELECT x.n, cp.customer_id AS id, 'phone' AS reason
             FROM phone x CROSS JOIN LATERAL (SELECT customer_id FROM customer_master.customer_phone
                   WHERE e164 = x.value OFFSET 0) cp
           -- One scan of the emails' GIN index for the whole batch (each scan also reads its pending list).
           UNION SELECT x.n, c.id, 'email'
             FROM (SELECT c.id, c.emails FROM customer_master.customer c
                    WHERE c.emails && ARRAY(SELECT value FROM email)) c
             JOIN email x ON x.value = ANY(c.emails)
           UNION SELECT p.n, c.id, 'name-and-birthday'
             FROM probe p JOIN customer_master.customer c ON ${closeNameSameBirthday('p', 'c')}
         ),
         in_batch AS (
           SELECT b.n, a.n AS earlier, 'phone' AS reason FROM phone a JOIN phone b ON a.value = b.value AND a.n < b.n
           UNION SELECT b.n, a.n, 'email' FROM email a JOIN email b ON a.value = b.value AND a.n < b.n
           UNION SELECT b.n, a.n, 'name-and-birthday' FROM probe a JOIN probe b ON a.n < b.n
             AND ${closeNameSameBirthday('b', 'a')}
         )
         SELECT s.n, c.id, NULL::int AS earlier, c.name, s.reason, c.created_at
           -- Lookups by key (LIMIT / OFFSET 0 keep them lookups: plain joins merged or hashed whole tables).
           FROM stored s CROSS JOIN LATERAL (SELECT c.id, c.name, c.created_at FROM customer_master.customer c
                 WHERE c.id = s.id AND c.status = 'active' AND ($8::uuid IS NULL OR c.id <> $8::uuid) LIMIT 1) c
         UNION ALL
         SELECT i.n, NULL, i.earlier, NULL, i.reason, NULL FROM in_batch i
         ORDER BY 1, 6, 2, 3`,
      [...probeColumns(probes), excludeId],
    );
    return groupByProbe(probes.length, rows);
  }
}

/** The probes as parallel arrays for `unnest`: names, latin names, birthdays, then (probe, value) pairs of phones and emails. */
function probeColumns(probes: DuplicateProbe[]): unknown[] {
  const phones = probes.flatMap((probe, n) => probe.phones.map((value) => [n, value] as const));
  const emails = probes.flatMap((probe, n) => probe.emails.map((value) => [n, value] as const));
  return [
    probes.map((probe) => probe.name),
    probes.map((probe) => probe.nameLatin ?? latinName(probe.name)),
    probes.map((probe) => probe.birthday),
    phones.map(([n]) => n),
    phones.map(([, value]) => value),
    emails.map(([n]) => n),
    emails.map(([, value]) => value),
  ];
}

function groupByProbe(
  count: number,
  rows: { n: number; id: string | null; earlier: number | null; name: string; reason: DuplicateReason }[],
): ProbeMatches[] {
  const byProbe = Array.from({ length: count }, () => ({
    candidates: new Map<string, DuplicateCandidate>(),
    earlier: new Set<number>(),
  }));
  for (const row of rows) {
    const probe = byProbe[row.n];
    if (row.earlier !== null) {
      probe.earlier.add(row.earlier);
      continue;
    }
    const id = row.id as string;
    const candidate = probe.candidates.get(id) ?? { customerId: id, name: row.name, reasons: [] };
    candidate.reasons.push(row.reason);
    probe.candidates.set(id, candidate);
  }
  return byProbe.map(({ candidates, earlier }) => ({
    candidates: [...candidates.values()].slice(0, MAX_CANDIDATES),
    earlierProbes: [...earlier].sort((a, b) => a - b),
  }));
}
