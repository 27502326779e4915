import { EntityManager } from 'typeorm';
import { assertSqlIdentifier } from '../sql-identifier';

/**
 * Erased customers' tombstones in `<schema>.erased_customer`: a replica ignores any later (or replayed)
 * event about a customer once it holds their tombstone.
 *
 * An erasure and an event about the same customer arrive on different topics and may commit side by side: the
 * event's check would miss the uncommitted tombstone and the erasure's deletes the uncommitted row. A lock per
 * customer orders them: `isErased` holds it shared to its commit, `tombstone` takes it exclusively, so the erasure
 * must write the tombstone before it deletes anything.
 */
export class ErasedCustomers {
  private readonly table: string;

  constructor(schema: string) {
    this.table = `${assertSqlIdentifier(schema)}.erased_customer`;
  }

  /** First in an erasure: waits for every transaction that found the customer not erased, so later deletes see their rows. */
  async tombstone(tx: EntityManager, customerId: string): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(${this.lockKey})`, [customerId]);
    await tx.query(
      `INSERT INTO ${this.table} (customer_id) VALUES ($1) ON CONFLICT (customer_id) DO NOTHING`,
      [customerId],
    );
  }

  /** False for no customer at all: a record not linked to anyone has no one to have erased. */
  async isErased(tx: EntityManager, customerId: string | null | undefined): Promise<boolean> {
    if (!customerId) return false;
    await tx.query(`SELECT pg_advisory_xact_lock_shared(${this.lockKey})`, [customerId]);
    const rows = await tx.query(`SELECT 1 FROM ${this.table} WHERE customer_id = $1`, [customerId]);
    return rows.length > 0;
  }

  private get lockKey(): string {
    return `hashtextextended('${this.table}:' || $1, 0)`;
  }
}
