import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

const PERSONAL_TABLES = [
  'vehicle',
  'ticket',
  'repair',
  'interaction',
  'sales_activity',
  'customer_offer',
  'opportunity',
] as const;
const OWNER_COLUMN: Record<(typeof PERSONAL_TABLES)[number], string> = {
  vehicle: 'owner_customer_id',
  ticket: 'customer_id',
  repair: 'customer_id',
  interaction: 'customer_id',
  sales_activity: 'customer_id',
  customer_offer: 'customer_id',
  opportunity: 'customer_id',
};

/** One row per customer computed by another service: the survivor's comes with that service's next event. */
const PER_CUSTOMER_TABLES = ['next_best_offer', 'browsing_profile', 'customer_value_tier'] as const;

/** What hangs off a customer across the schema: moved (or, when one per customer, dropped) on a merge, removed on an erasure. */
@Injectable()
export class CustomerHistoryRepository {
  async repoint(tx: EntityManager, fromId: string, toId: string): Promise<void> {
    for (const table of PERSONAL_TABLES) {
      const column = OWNER_COLUMN[table];
      await tx.query(`UPDATE call_center.${table} SET ${column} = $2 WHERE ${column} = $1`, [fromId, toId]);
    }
    await this.deletePerCustomer(tx, fromId);
  }

  /**
   * Vehicles (their VINs), tickets, repairs, interactions, sales activities, opportunities, offers, the next best
   * offer, the browsing profile and the value tier describe the person, so they go.
   */
  async erase(tx: EntityManager, customerId: string): Promise<void> {
    for (const table of PERSONAL_TABLES) {
      const column = OWNER_COLUMN[table];
      await tx.query(`DELETE FROM call_center.${table} WHERE ${column} = $1`, [customerId]);
    }
    await this.deletePerCustomer(tx, customerId);
  }

  private async deletePerCustomer(tx: EntityManager, customerId: string): Promise<void> {
    for (const table of PER_CUSTOMER_TABLES)
      await tx.query(`DELETE FROM call_center.${table} WHERE customer_id = $1`, [customerId]);
  }
}
