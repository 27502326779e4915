import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { latinName } from '@crm/search-keys';

export interface DuplicateProbe {
  name: string;
  phones: string[];
  emails: string[];
  birthday: string | null;
}

export interface DuplicateCandidate {
  customerId: string;
  name: string;
  reasons: ('phone' | 'email' | 'name-and-birthday')[];
}

/** A close name: trigram similarity of the latin (pinyin) spelling at or above this. */
const NAME_SIMILARITY = 0.5;

/**
 * Finds records that are probably the same person: the same normalized phone, the same email,
 * or a close name with the same birthday. Each branch is answered by its own index.
 */
@Injectable()
export class DuplicateFinder {
  async find(
    tx: EntityManager,
    probe: DuplicateProbe,
    excludeId: string | null = null,
  ): Promise<DuplicateCandidate[]> {
    const rows: { id: string; name: string; reason: DuplicateCandidate['reasons'][number] }[] =
      await tx.query(
        `WITH matches AS (
         SELECT p.customer_id AS id, 'phone' AS reason FROM customer_master.customer_phone p WHERE p.e164 = ANY($1)
         UNION SELECT c.id, 'email' FROM customer_master.customer c WHERE c.emails && $2::text[]
         UNION SELECT c.id, 'name-and-birthday' FROM customer_master.customer c
          WHERE $3::date IS NOT NULL AND c.birthday = $3::date
            AND (c.name = $4 OR similarity(c.name_latin, $5) >= ${NAME_SIMILARITY})
       )
       SELECT c.id, c.name, m.reason FROM matches m JOIN customer_master.customer c ON c.id = m.id
        WHERE c.status = 'active' AND ($6::uuid IS NULL OR c.id <> $6::uuid)
        ORDER BY c.created_at, c.id LIMIT 50`,
        [probe.phones, probe.emails, probe.birthday, probe.name, latinName(probe.name), excludeId],
      );
    const byId = new Map<string, DuplicateCandidate>();
    for (const row of rows) {
      const candidate = byId.get(row.id) ?? { customerId: row.id, name: row.name, reasons: [] };
      candidate.reasons.push(row.reason);
      byId.set(row.id, candidate);
    }
    return [...byId.values()].slice(0, 10);
  }
}
