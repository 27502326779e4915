import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

const PERSONAL_TABLES = ['vehicle', 'ticket', 'repair', 'interaction', 'sales_activity'] as const;
const OWNER_COLUMN: Record<(typeof PERSONAL_TABLES)[number], string> = {
  vehicle: 'owner_customer_id',
  ticket: 'customer_id',
  repair: 'customer_id',
  interaction: 'customer_id',
  sales_activity: 'customer_id',
};

/** What hangs off a customer across the schema: moved on a merge, removed on an erasure. */
@Injectable()
export class CustomerHistoryRepository {
  async repoint(tx: EntityManager, fromId: string, toId: string): Promise<void> {
    for (const table of PERSONAL_TABLES) {
      const column = OWNER_COLUMN[table];
      await tx.query(`UPDATE call_center.${table} SET ${column} = $2 WHERE ${column} = $1`, [fromId, toId]);
    }
  }

  /** Vehicles (their VINs), tickets, repairs, interactions and sales activities describe the person, so they go. */
  async erase(tx: EntityManager, customerId: string): Promise<void> {
    for (const table of PERSONAL_TABLES) {
      const column = OWNER_COLUMN[table];
      await tx.query(`DELETE FROM call_center.${table} WHERE ${column} = $1`, [customerId]);
    }
  }
}
