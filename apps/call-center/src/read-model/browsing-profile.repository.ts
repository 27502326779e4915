import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BrowsingProfileChanged, PayloadOf } from '@crm/contracts';
import { EventOrder, excludedEventIsNewerSql } from '@crm/messaging';

const NEWER = excludedEventIsNewerSql('call_center.browsing_profile', {
  sequence: 'source_sequence',
  occurredAt: 'source_occurred_at',
});

/** web-tracking's browsing profile per customer, as its events carry it (ADR 0044). */
@Injectable()
export class BrowsingProfileRepository {
  /** Only a newer event of the customer's profile overwrites (ADR 0021). */
  async upsert(tx: EntityManager, change: PayloadOf<typeof BrowsingProfileChanged>, order: EventOrder) {
    const { profile } = change;
    await tx.query(
      `INSERT INTO call_center.browsing_profile (customer_id, models, interests, visits, last_visit_at,
         source_occurred_at, source_sequence, dwell_seconds, model_dwell)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (customer_id) DO UPDATE SET models = EXCLUDED.models, interests = EXCLUDED.interests,
         dwell_seconds = EXCLUDED.dwell_seconds, model_dwell = EXCLUDED.model_dwell, visits = EXCLUDED.visits, last_visit_at = EXCLUDED.last_visit_at,
         source_occurred_at = EXCLUDED.source_occurred_at, source_sequence = EXCLUDED.source_sequence
       WHERE ${NEWER}`,
      [
        change.customerId,
        profile?.models ?? null,
        profile?.interests ?? null,
        profile?.visits ?? null,
        profile?.lastVisitAt ?? null,
        order.occurredAt,
        order.sequence,
        profile?.dwellSeconds ?? null,
        profile?.modelDwell ? JSON.stringify(profile.modelDwell) : null,
      ],
    );
  }
}
