import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ContactChannel } from '@crm/contracts';
import { EventOrder, excludedEventIsNewerSql } from '@crm/messaging';
import { CustomerContact } from './customer-contact';

const NEWER = excludedEventIsNewerSql('service.customer_contact', {
  sequence: 'source_sequence',
  occurredAt: 'source_occurred_at',
});

interface ContactRow {
  customer_id: string;
  name: string | null;
  phones: string[];
  emails: string[];
  consented_channels: ContactChannel[];
}

/** Each customer's phones, emails and consented channels, from customer events: whom notifications go to. */
@Injectable()
export class CustomerContactRepository {
  /** Only a newer event (ADR 0021) overwrites: a replay or a late event never brings back older state. */
  async save(tx: EntityManager, c: CustomerContact, order: EventOrder): Promise<void> {
    await tx.query(
      `INSERT INTO service.customer_contact (customer_id, name, phones, emails, consented_channels,
         source_occurred_at, source_sequence)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (customer_id) DO UPDATE SET name = EXCLUDED.name, phones = EXCLUDED.phones,
         emails = EXCLUDED.emails,
         consented_channels = EXCLUDED.consented_channels, updated_at = now(),
         source_occurred_at = EXCLUDED.source_occurred_at, source_sequence = EXCLUDED.source_sequence
       WHERE ${NEWER}`,
      [c.customerId, c.name, c.phones, c.emails, c.consentedChannels, order.occurredAt, order.sequence],
    );
  }

  /** Whether the customer master has told us of this customer (and not erased them since). */
  async exists(tx: EntityManager, customerId: string): Promise<boolean> {
    const rows = await tx.query(`SELECT 1 FROM service.customer_contact WHERE customer_id = $1`, [
      customerId,
    ]);
    return rows.length > 0;
  }

  async remove(tx: EntityManager, customerId: string): Promise<void> {
    await tx.query(`DELETE FROM service.customer_contact WHERE customer_id = $1`, [customerId]);
  }

  async find(tx: EntityManager, customerId: string): Promise<CustomerContact | null> {
    const rows: ContactRow[] = await tx.query(
      `SELECT customer_id, name, phones, emails, consented_channels FROM service.customer_contact
        WHERE customer_id = $1`,
      [customerId],
    );
    const row = rows[0];
    if (!row) return null;
    return {
      customerId: row.customer_id,
      name: row.name,
      phones: row.phones,
      emails: row.emails,
      consentedChannels: row.consented_channels,
    };
  }
}
