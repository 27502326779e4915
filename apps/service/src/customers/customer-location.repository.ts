import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { GeoPoint } from '@crm/contracts';

/** Where each customer lives, from customer events: the point a ticket is routed from when no other is given. */
@Injectable()
export class CustomerLocationRepository {
  async save(tx: EntityManager, customerId: string, location: GeoPoint | null): Promise<void> {
    if (!location) return this.remove(tx, customerId);
    await tx.query(
      `INSERT INTO service.customer_location (customer_id, lat, lon) VALUES ($1, $2, $3)
       ON CONFLICT (customer_id) DO UPDATE SET lat = EXCLUDED.lat, lon = EXCLUDED.lon, updated_at = now()`,
      [customerId, location.lat, location.lon],
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
