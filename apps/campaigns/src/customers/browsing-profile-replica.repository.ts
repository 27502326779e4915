import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BrowsingProfileChanged, PayloadOf } from '@crm/contracts';
import { EventOrder, excludedEventIsNewerSql } from '@crm/messaging';

const NEWER = excludedEventIsNewerSql('campaigns.browsing_profile', {
  sequence: 'source_sequence',
  occurredAt: 'source_occurred_at',
});

/** Each customer's website browsing profile (ADR 0044): only a newer event of the customer overwrites. */
@Injectable()
export class BrowsingProfileReplicaRepository {
  async upsert(tx: EntityManager, change: PayloadOf<typeof BrowsingProfileChanged>, order: EventOrder) {
    const { profile } = change;
    await tx.query(
      `INSERT INTO campaigns.browsing_profile (customer_id, models, interests, visits, last_visit_at,
         source_occurred_at, source_sequence)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (customer_id) DO UPDATE SET models = EXCLUDED.models, interests = EXCLUDED.interests,
         visits = EXCLUDED.visits, last_visit_at = EXCLUDED.last_visit_at,
         source_occurred_at = EXCLUDED.source_occurred_at, source_sequence = EXCLUDED.source_sequence
       WHERE ${NEWER}`,
      [
        change.customerId,
        profile?.models ?? [],
        profile?.interests ?? [],
        profile?.visits ?? 0,
        profile?.lastVisitAt ?? null,
        order.occurredAt,
        order.sequence,
      ],
    );
  }

  async delete(tx: EntityManager, customerId: string): Promise<void> {
    await tx.query(`DELETE FROM campaigns.browsing_profile WHERE customer_id = $1`, [customerId]);
  }
}
