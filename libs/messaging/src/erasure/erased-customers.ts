import { EntityManager } from 'typeorm';
import { assertSqlIdentifier } from '../sql-identifier';

/**
 * Erased customers' tombstones in `<schema>.erased_customer`: a replica ignores any later (or replayed)
 * event about a customer once it holds their tombstone.
 */
export class ErasedCustomers {
  private readonly table: string;

  constructor(schema: string) {
    this.table = `${assertSqlIdentifier(schema)}.erased_customer`;
  }

  async tombstone(tx: EntityManager, customerId: string): Promise<void> {
    await tx.query(
      `INSERT INTO ${this.table} (customer_id) VALUES ($1) ON CONFLICT (customer_id) DO NOTHING`,
      [customerId],
    );
  }

  /** False for no customer at all: a record not linked to anyone has no one to have erased. */
  async isErased(tx: EntityManager, customerId: string | null | undefined): Promise<boolean> {
    if (!customerId) return false;
    const rows = await tx.query(`SELECT 1 FROM ${this.table} WHERE customer_id = $1`, [customerId]);
    return rows.length > 0;
  }
}
