import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OfferState } from '@crm/contracts';
import { EventOrder, excludedEventIsNewerSql } from '@crm/messaging';

const NEWER = excludedEventIsNewerSql('call_center.customer_offer', {
  sequence: 'source_sequence',
  occurredAt: 'source_occurred_at',
});

export type CustomerOfferStatus = 'granted' | 'applied' | 'expired' | 'withdrawn';

/** The offers granted to customers, as integration's offer events carry them (ADR 0043). */
@Injectable()
export class CustomerOfferRepository {
  /**
   * Only a newer event of the offer overwrites it; the customer is kept as first seen, since a merge re-points the
   * row to the survivor before the merged-away customer's offer ends.
   */
  async upsert(
    tx: EntityManager,
    offer: OfferState,
    status: CustomerOfferStatus,
    appliedAt: string | null,
    order: EventOrder,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO call_center.customer_offer (offer_id, customer_id, title, kind, value, currency, applies_to, reason,
         status, granted_at, valid_until, applied_at, source_occurred_at, source_sequence)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       ON CONFLICT (offer_id) DO UPDATE SET status = EXCLUDED.status,
         applied_at = coalesce(EXCLUDED.applied_at, customer_offer.applied_at),
         source_occurred_at = EXCLUDED.source_occurred_at, source_sequence = EXCLUDED.source_sequence
       WHERE ${NEWER}`,
      [
        offer.offerId,
        offer.customerId,
        offer.title,
        offer.kind,
        offer.value,
        offer.currency,
        offer.appliesTo,
        offer.reason,
        status,
        offer.grantedAt,
        offer.validUntil,
        appliedAt,
        order.occurredAt,
        order.sequence,
      ],
    );
  }
}
