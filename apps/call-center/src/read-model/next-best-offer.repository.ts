import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { NextBestOfferChanged, PayloadOf } from '@crm/contracts';
import { EventOrder, excludedEventIsNewerSql } from '@crm/messaging';

const NEWER = excludedEventIsNewerSql('call_center.next_best_offer', {
  sequence: 'source_sequence',
  occurredAt: 'source_occurred_at',
});

/** campaigns' next best offer per customer, as its events carry it (ADR 0034). */
@Injectable()
export class NextBestOfferRepository {
  /** Only a newer event of the customer's offer overwrites (ADR 0021): a duplicate or an older one changes nothing. */
  async upsert(tx: EntityManager, change: PayloadOf<typeof NextBestOfferChanged>, order: EventOrder) {
    const { offer } = change;
    await tx.query(
      `INSERT INTO call_center.next_best_offer (customer_id, product, based_on, reason, score, since,
         source_occurred_at, source_sequence)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (customer_id) DO UPDATE SET product = EXCLUDED.product, based_on = EXCLUDED.based_on,
         reason = EXCLUDED.reason, score = EXCLUDED.score, since = EXCLUDED.since,
         source_occurred_at = EXCLUDED.source_occurred_at, source_sequence = EXCLUDED.source_sequence
       WHERE ${NEWER}`,
      [
        change.customerId,
        offer?.product ?? null,
        offer?.basedOn ?? null,
        offer?.reason ?? null,
        offer?.score ?? null,
        change.changedAt,
        order.occurredAt,
        order.sequence,
      ],
    );
  }
}
