import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { GeoPoint } from '@crm/contracts';

/** Where each customer lives, from customer events: the point a ticket is routed from when no other is given. */
@Injectable()
export class CustomerLocationRepository {
  /** Only a newer event (by the envelope's occurredAt) overwrites: a replay or a late event never brings back older state. */
  async save(
    tx: EntityManager,
    customerId: string,
    location: GeoPoint | null,
    occurredAt: string,
  ): Promise<void> {
    if (!location) {
      await tx.query(
        `DELETE FROM service.customer_location WHERE customer_id = $1
            AND (source_occurred_at IS NULL OR source_occurred_at <= $2)`,
        [customerId, occurredAt],
      );
      return;
    }
    await tx.query(
      `INSERT INTO service.customer_location (customer_id, lat, lon, source_occurred_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (customer_id) DO UPDATE SET lat = EXCLUDED.lat, lon = EXCLUDED.lon, updated_at = now(),
         source_occurred_at = EXCLUDED.source_occurred_at
       WHERE service.customer_location.source_occurred_at IS NULL
          OR service.customer_location.source_occurred_at <= EXCLUDED.source_occurred_at`,
      [customerId, location.lat, location.lon, occurredAt],
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
