import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventOrder, excludedEventIsNewerSql } from '@crm/messaging';

const NEWER = excludedEventIsNewerSql('web_tracking.customer_consent', {
  sequence: 'source_sequence',
  occurredAt: 'source_occurred_at',
});

/** Per customer, whether the customer master lets the website track them, as customer events carry it. */
@Injectable()
export class CustomerConsentRepository {
  /** Undefined for a customer no event has told us of yet. */
  async trackingAllowed(tx: EntityManager, customerId: string): Promise<boolean | undefined> {
    const rows: Array<{ tracking_allowed: boolean }> = await tx.query(
      `SELECT tracking_allowed FROM web_tracking.customer_consent WHERE customer_id = $1`,
      [customerId],
    );
    return rows[0]?.tracking_allowed;
  }

  /** Only a newer event of the customer changes it (ADR 0021); answers whether it did. */
  async upsert(tx: EntityManager, customerId: string, allowed: boolean, order: EventOrder): Promise<boolean> {
    const rows: unknown[] = await tx.query(
      `INSERT INTO web_tracking.customer_consent (customer_id, tracking_allowed, source_occurred_at, source_sequence)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (customer_id) DO UPDATE SET tracking_allowed = EXCLUDED.tracking_allowed,
         source_occurred_at = EXCLUDED.source_occurred_at, source_sequence = EXCLUDED.source_sequence
       WHERE ${NEWER}
       RETURNING customer_id`,
      [customerId, allowed, order.occurredAt, order.sequence],
    );
    return rows.length > 0;
  }

  async delete(tx: EntityManager, customerId: string): Promise<void> {
    await tx.query(`DELETE FROM web_tracking.customer_consent WHERE customer_id = $1`, [customerId]);
  }
}
