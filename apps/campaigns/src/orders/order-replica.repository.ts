import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { PayloadOf, OrderPlaced } from '@crm/contracts';
import { EventOrder, excludedEventIsNewerSql } from '@crm/messaging';

const NEWER_EVENT = excludedEventIsNewerSql('campaigns.customer_order', {
  sequence: 'source_sequence',
  occurredAt: 'updated_at',
});

export type PlacedOrder = PayloadOf<typeof OrderPlaced> & { customerId: string };

/** campaigns' copy of orders: who ordered which models, when, for how much; for segments and, later, ROI. */
@Injectable()
export class OrderReplicaRepository {
  /** Only a newer event of the order overwrites (ADR 0021), so a replay changes nothing. */
  async upsert(tx: EntityManager, order: PlacedOrder, event: EventOrder): Promise<void> {
    await tx.query(
      `INSERT INTO campaigns.customer_order
         (id, customer_id, number, models, total_amount, currency, placed_at, updated_at, source_sequence)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (id) DO UPDATE SET customer_id = EXCLUDED.customer_id, number = EXCLUDED.number,
         models = EXCLUDED.models, total_amount = EXCLUDED.total_amount, currency = EXCLUDED.currency,
         placed_at = EXCLUDED.placed_at, updated_at = EXCLUDED.updated_at, source_sequence = EXCLUDED.source_sequence
       WHERE ${NEWER_EVENT}`,
      [
        order.orderId,
        order.customerId,
        order.number,
        [...new Set(order.items.map((item) => item.modelName))],
        order.total.amount,
        order.total.currency,
        order.placedAt,
        event.occurredAt,
        event.sequence,
      ],
    );
  }

  async repointCustomer(tx: EntityManager, fromId: string, toId: string): Promise<void> {
    await tx.query(`UPDATE campaigns.customer_order SET customer_id = $2 WHERE customer_id = $1`, [
      fromId,
      toId,
    ]);
  }

  async deleteFor(tx: EntityManager, customerId: string): Promise<void> {
    await tx.query(`DELETE FROM campaigns.customer_order WHERE customer_id = $1`, [customerId]);
  }
}
