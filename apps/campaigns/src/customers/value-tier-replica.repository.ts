import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CustomerValueTierChanged, PayloadOf } from '@crm/contracts';

/** Each customer's tier in analytics' customer pyramid (ADR 0027): the latest computation wins. */
@Injectable()
export class ValueTierReplicaRepository {
  async upsert(tx: EntityManager, change: PayloadOf<typeof CustomerValueTierChanged>): Promise<void> {
    await tx.query(
      `INSERT INTO campaigns.customer_value_tier AS t (customer_id, tier, computed_at) VALUES ($1, $2, $3)
       ON CONFLICT (customer_id) DO UPDATE SET tier = EXCLUDED.tier, computed_at = EXCLUDED.computed_at
       WHERE t.computed_at < EXCLUDED.computed_at`,
      [change.customerId, change.tier, change.computedAt],
    );
  }

  async delete(tx: EntityManager, customerId: string): Promise<void> {
    await tx.query(`DELETE FROM campaigns.customer_value_tier WHERE customer_id = $1`, [customerId]);
  }
}
