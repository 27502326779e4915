import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventOrder, excludedEventIsNewerSql } from '@crm/messaging';
import { CustomerContact, CustomerMatch, MATCH_FIELDS } from './customer-contact';

export interface ContactToMatch {
  phone: string | null;
  email: string | null;
  name: string;
}

/** A name without case, spaces or punctuation (the expression index of migration 1796030410000). */
const nameKeySql = (value: string) => `lower(regexp_replace(${value}, '[[:space:][:punct:]]', '', 'g'))`;

const NEWER_EVENT = excludedEventIsNewerSql('sales.customer_contact', {
  sequence: 'source_sequence',
  occurredAt: 'source_occurred_at',
});

/** The replica of customer contacts from customer-master's events; leads are matched against it. */
@Injectable()
export class CustomerContactRepository {
  /** Only a newer event (ADR 0021) overwrites: a replay or a late event never brings back older contacts. */
  async save(tx: EntityManager, c: CustomerContact, order: EventOrder): Promise<void> {
    await tx.query(
      `INSERT INTO sales.customer_contact (customer_id, name, phones, emails, source_occurred_at, source_sequence)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (customer_id) DO UPDATE SET name = EXCLUDED.name, phones = EXCLUDED.phones,
         emails = EXCLUDED.emails, updated_at = now(), source_occurred_at = EXCLUDED.source_occurred_at,
         source_sequence = EXCLUDED.source_sequence
       WHERE ${NEWER_EVENT}`,
      [c.customerId, c.name, c.phones, c.emails, order.occurredAt, order.sequence],
    );
  }

  async remove(tx: EntityManager, customerId: string): Promise<void> {
    await tx.query(`DELETE FROM sales.customer_contact WHERE customer_id = $1`, [customerId]);
  }

  /** Customers sharing the phone, the email or the name key (see `nameKeySql`), each with what it shares. */
  async findMatches(tx: EntityManager, contact: ContactToMatch, limit = 10): Promise<CustomerMatch[]> {
    const rows: { customer_id: string; phone: boolean; email: boolean; name: boolean }[] = await tx.query(
      `SELECT customer_id, phone, email, name FROM (
         SELECT customer_id, updated_at,
                ($1::text IS NOT NULL AND phones @> ARRAY[$1::text]) AS phone,
                ($2::text IS NOT NULL AND emails @> ARRAY[$2::text]) AS email,
                (${nameKeySql('name')} = ${nameKeySql('$3::text')}) AS name
           FROM sales.customer_contact
          WHERE ($1::text IS NOT NULL AND phones @> ARRAY[$1::text])
             OR ($2::text IS NOT NULL AND emails @> ARRAY[$2::text])
             OR ${nameKeySql('name')} = ${nameKeySql('$3::text')}) m
        ORDER BY phone DESC, email DESC, name DESC, updated_at DESC LIMIT $4`,
      [contact.phone, contact.email, contact.name, limit],
    );
    return rows.map((row) => ({
      customerId: row.customer_id,
      matchedOn: MATCH_FIELDS.filter((field) => row[field]),
    }));
  }

  async find(tx: EntityManager, customerId: string): Promise<CustomerContact | null> {
    const [row] = await tx.query(
      `SELECT customer_id AS "customerId", name, phones, emails FROM sales.customer_contact WHERE customer_id = $1`,
      [customerId],
    );
    return row ?? null;
  }

  /** An erased customer is no longer offered as any lead's match. */
  async dropFromCandidates(tx: EntityManager, customerId: string): Promise<void> {
    await tx.query(
      `UPDATE sales.lead SET customer_candidates = (
         SELECT coalesce(jsonb_agg(c), '[]') FROM jsonb_array_elements(customer_candidates) c
          WHERE c->>'customerId' <> $1)
        WHERE customer_candidates @> jsonb_build_array(jsonb_build_object('customerId', $1::text))`,
      [customerId],
    );
  }

  /** Leads, opportunities and activities of a merged customer follow the survivor. */
  async repoint(tx: EntityManager, fromId: string, toId: string): Promise<void> {
    for (const table of ['lead', 'opportunity', 'activity'])
      await tx.query(`UPDATE sales.${table} SET customer_id = $2 WHERE customer_id = $1`, [fromId, toId]);
    await tx.query(
      `UPDATE sales.lead SET customer_candidates = (
         SELECT jsonb_agg(CASE WHEN c->>'customerId' = $1 THEN jsonb_set(c, '{customerId}', to_jsonb($2::text)) ELSE c END)
           FROM jsonb_array_elements(customer_candidates) c)
        WHERE customer_candidates @> jsonb_build_array(jsonb_build_object('customerId', $1::text))`,
      [fromId, toId],
    );
  }
}
