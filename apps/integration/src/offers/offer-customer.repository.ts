import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ValueTier } from '@crm/contracts';

/** What offer rules read about a customer, kept from events: the value tier (analytics) and the last service visit. */
@Injectable()
export class OfferCustomerRepository {
  /** Only a tier computed later than the one kept replaces it, so a late or redelivered event changes nothing. */
  async setTier(tx: EntityManager, customerId: string, tier: ValueTier, computedAt: string): Promise<void> {
    await tx.query(
      `INSERT INTO integration.offer_customer (customer_id, tier, tier_at) VALUES ($1, $2, $3)
       ON CONFLICT (customer_id) DO UPDATE SET tier = EXCLUDED.tier, tier_at = EXCLUDED.tier_at
        WHERE offer_customer.tier_at IS NULL OR offer_customer.tier_at <= EXCLUDED.tier_at`,
      [customerId, tier, computedAt],
    );
  }

  async recordServiceVisit(tx: EntityManager, customerId: string, at: string): Promise<void> {
    await tx.query(
      `INSERT INTO integration.offer_customer (customer_id, last_service_at) VALUES ($1, $2)
       ON CONFLICT (customer_id) DO UPDATE
         SET last_service_at = greatest(offer_customer.last_service_at, EXCLUDED.last_service_at)`,
      [customerId, at],
    );
  }

  /** The survivor keeps its own tier (analytics places it again) and the latest visit of both. */
  async merge(tx: EntityManager, mergedId: string, survivorId: string): Promise<void> {
    await tx.query(
      `INSERT INTO integration.offer_customer (customer_id, last_service_at)
       SELECT $2, last_service_at FROM integration.offer_customer WHERE customer_id = $1 AND last_service_at IS NOT NULL
       ON CONFLICT (customer_id) DO UPDATE
         SET last_service_at = greatest(offer_customer.last_service_at, EXCLUDED.last_service_at)`,
      [mergedId, survivorId],
    );
    await this.delete(tx, mergedId);
  }

  async delete(tx: EntityManager, customerId: string): Promise<void> {
    await tx.query(`DELETE FROM integration.offer_customer WHERE customer_id = $1`, [customerId]);
  }
}
