import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CustomerValueTierChanged, PayloadOf } from '@crm/contracts';
import { EventOrder, excludedEventIsNewerSql } from '@crm/messaging';
import { ValueTierView } from '../customer-360/customer-360';

const NEWER = excludedEventIsNewerSql('call_center.customer_value_tier', {
  sequence: 'source_sequence',
  occurredAt: 'source_occurred_at',
});

/** analytics' value tier per customer, as its tier-changed events carry it (ADR 0027). */
@Injectable()
export class ValueTierRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Only a newer event of the customer's tier overwrites (ADR 0021). */
  async upsert(
    tx: EntityManager,
    change: PayloadOf<typeof CustomerValueTierChanged>,
    order: EventOrder,
  ): Promise<void> {
    await tx.query(
      `INSERT INTO call_center.customer_value_tier (customer_id, tier, value, currency, computed_at,
         source_occurred_at, source_sequence)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (customer_id) DO UPDATE SET tier = EXCLUDED.tier, value = EXCLUDED.value,
         currency = EXCLUDED.currency, computed_at = EXCLUDED.computed_at,
         source_occurred_at = EXCLUDED.source_occurred_at, source_sequence = EXCLUDED.source_sequence
       WHERE ${NEWER}`,
      [
        change.customerId,
        change.tier,
        change.value,
        change.currency,
        change.computedAt,
        order.occurredAt,
        order.sequence,
      ],
    );
  }

  /** Null until analytics placed the customer in the pyramid. */
  async of(customerId: string): Promise<ValueTierView | null> {
    const [row] = await this.dataSource.query(
      `SELECT tier, value::float8 AS value, currency, computed_at AS "computedAt"
         FROM call_center.customer_value_tier WHERE customer_id = $1`,
      [customerId],
    );
    return row ? { ...row, computedAt: (row.computedAt as Date).toISOString() } : null;
  }
}
