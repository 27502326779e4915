import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { GeoPoint } from '@crm/contracts';
import { EventOrder, excludedEventIsNewerSql, incomingEventIsNewerSql } from '@crm/messaging';

const HELD = { sequence: 'source_sequence', occurredAt: 'source_occurred_at' };
const NEWER_THAN_HELD = incomingEventIsNewerSql(
  { sequence: '$2::bigint', occurredAt: '$3::timestamptz' },
  HELD,
);
const NEWER_THAN_EXCLUDED = excludedEventIsNewerSql('service.customer_location', HELD);

/** Where each customer lives, from customer events: the point a ticket is routed from when no other is given. */
@Injectable()
export class CustomerLocationRepository {
  /** Only a newer event (ADR 0021) overwrites: a replay or a late event never brings back older state. */
  async save(
    tx: EntityManager,
    customerId: string,
    location: GeoPoint | null,
    order: EventOrder,
  ): Promise<void> {
    if (!location) {
      await tx.query(`DELETE FROM service.customer_location WHERE customer_id = $1 AND ${NEWER_THAN_HELD}`, [
        customerId,
        order.sequence,
        order.occurredAt,
      ]);
      return;
    }
    await tx.query(
      `INSERT INTO service.customer_location (customer_id, lat, lon, source_occurred_at, source_sequence)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (customer_id) DO UPDATE SET lat = EXCLUDED.lat, lon = EXCLUDED.lon, updated_at = now(),
         source_occurred_at = EXCLUDED.source_occurred_at, source_sequence = EXCLUDED.source_sequence
       WHERE ${NEWER_THAN_EXCLUDED}`,
      [customerId, location.lat, location.lon, order.occurredAt, order.sequence],
    );
  }

  async remove(tx: EntityManager, customerId: string): Promise<void> {
    await tx.query(`DELETE FROM service.customer_location WHERE customer_id = $1`, [customerId]);
  }

  async find(tx: EntityManager, customerId: string): Promise<GeoPoint | null> {
    const rows: GeoPoint[] = await tx.query(
      `SELECT lat, lon FROM service.customer_location WHERE customer_id = $1`,
      [customerId],
    );
    return rows[0] ?? null;
  }
}
