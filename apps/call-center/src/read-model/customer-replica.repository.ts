import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { consentsOf, CustomerState, GeoPoint } from '@crm/contracts';
import { EventOrder, excludedEventIsNewerSql } from '@crm/messaging';
import { latinName, nameSearchKeys, normalizePhone } from '@crm/search-keys';

const NEWER = excludedEventIsNewerSql('call_center.customer', {
  sequence: 'source_sequence',
  occurredAt: 'updated_at',
});

/** The call center's copy of customer records, written only by the customer event consumer. */
@Injectable()
export class CustomerReplicaRepository {
  /** Only a newer event (ADR 0021) overwrites: a replay or a late event never brings back older state. Resolves false when the event was older. */
  async upsert(tx: EntityManager, state: CustomerState, order: EventOrder): Promise<boolean> {
    const applied: unknown[] = await tx.query(
      `INSERT INTO call_center.customer (id, kind, name, name_latin, search_keys, emails, address, city,
         birthday, gender, tags, consents, updated_at, source_sequence)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14)
       ON CONFLICT (id) DO UPDATE SET kind = EXCLUDED.kind, name = EXCLUDED.name,
         name_latin = EXCLUDED.name_latin, search_keys = EXCLUDED.search_keys, emails = EXCLUDED.emails,
         address = EXCLUDED.address, city = EXCLUDED.city, birthday = EXCLUDED.birthday,
         gender = EXCLUDED.gender, tags = EXCLUDED.tags, consents = EXCLUDED.consents,
         updated_at = EXCLUDED.updated_at, source_sequence = EXCLUDED.source_sequence
       WHERE ${NEWER}
       RETURNING id`,
      [
        state.customerId,
        state.kind,
        state.name,
        state.namePinyin ?? latinName(state.name),
        nameSearchKeys(state.name),
        state.emails,
        state.address ? JSON.stringify(state.address) : null,
        state.address?.city ?? null,
        state.birthday,
        state.gender,
        state.tags,
        JSON.stringify(consentsOf(state)),
        order.occurredAt,
        order.sequence,
      ],
    );
    if (applied.length === 0) return false;
    await this.replacePhones(tx, state.customerId, state.phones);
    return true;
  }

  async delete(tx: EntityManager, customerId: string): Promise<void> {
    await tx.query(`DELETE FROM call_center.customer WHERE id = $1`, [customerId]);
  }

  private async replacePhones(tx: EntityManager, customerId: string, phones: string[]): Promise<void> {
    await tx.query(`DELETE FROM call_center.customer_phone WHERE customer_id = $1`, [customerId]);
    const normalized = phones.map((phone) => normalizePhone(phone)).filter((phone) => phone !== null);
    for (const [position, phone] of normalized.entries()) {
      await tx.query(
        `INSERT INTO call_center.customer_phone (customer_id, e164, digits, position) VALUES ($1, $2, $3, $4)
         ON CONFLICT DO NOTHING`,
        [customerId, phone.e164, phone.digits, position],
      );
    }
  }

  /** Where the customer lives, when known: the default place for a complaint's repair. */
  async location(
    tx: EntityManager,
    customerId: string,
  ): Promise<{ found: boolean; location: GeoPoint | null }> {
    const [row] = await tx.query(
      `SELECT address -> 'location' AS location FROM call_center.customer WHERE id = $1`,
      [customerId],
    );
    return { found: !!row, location: row?.location ?? null };
  }
}
