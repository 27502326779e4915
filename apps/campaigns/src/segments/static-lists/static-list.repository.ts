import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export interface KeyMatches {
  byId: Map<string, string[]>;
  byPhone: Map<string, string[]>;
  byEmail: Map<string, string[]>;
}

/** The members of static segments, and the replica look-ups an import matches its rows with. */
@Injectable()
export class StaticListRepository {
  /** Replica customers with any of these ids, phones (E.164) or emails (lower case), by each key. */
  async match(tx: EntityManager, ids: string[], phones: string[], emails: string[]): Promise<KeyMatches> {
    const rows: Array<{ id: string; phones: string[]; emails: string[] }> = await tx.query(
      `SELECT id, phones, emails FROM campaigns.customer
        WHERE id = ANY($1::uuid[]) OR phones && $2::text[] OR emails && $3::text[]`,
      [ids, phones, emails],
    );
    const matches: KeyMatches = { byId: new Map(), byPhone: new Map(), byEmail: new Map() };
    const add = (map: Map<string, string[]>, key: string, id: string) =>
      map.set(key, [...(map.get(key) ?? []), id]);
    const wanted = { phones: new Set(phones), emails: new Set(emails) };
    for (const row of rows) {
      add(matches.byId, row.id, row.id);
      for (const phone of row.phones.filter((p) => wanted.phones.has(p))) add(matches.byPhone, phone, row.id);
      for (const email of row.emails.filter((e) => wanted.emails.has(e))) add(matches.byEmail, email, row.id);
    }
    return matches;
  }

  /** Only customers still in the replica: one erased while the file was read is not added back. */
  async addMembers(tx: EntityManager, segmentId: string, customerIds: string[]): Promise<void> {
    await tx.query(
      `INSERT INTO campaigns.segment_member (segment_id, customer_id)
       SELECT $1, id FROM campaigns.customer WHERE id = ANY($2::uuid[]) ON CONFLICT DO NOTHING`,
      [segmentId, customerIds],
    );
  }

  async repointCustomer(tx: EntityManager, fromId: string, toId: string): Promise<void> {
    await tx.query(
      `INSERT INTO campaigns.segment_member (segment_id, customer_id)
       SELECT segment_id, $2 FROM campaigns.segment_member WHERE customer_id = $1 ON CONFLICT DO NOTHING`,
      [fromId, toId],
    );
    await this.removeCustomer(tx, fromId);
  }

  async removeCustomer(tx: EntityManager, customerId: string): Promise<void> {
    await tx.query(`DELETE FROM campaigns.segment_member WHERE customer_id = $1`, [customerId]);
  }
}
