import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** Erased customers' ids: the replica ignores any later (or replayed) event about them. */
@Injectable()
export class ErasedCustomerRepository {
  async tombstone(tx: EntityManager, customerId: string): Promise<void> {
    await tx.query(
      `INSERT INTO campaigns.erased_customer (customer_id) VALUES ($1) ON CONFLICT (customer_id) DO NOTHING`,
      [customerId],
    );
  }

  async isErased(tx: EntityManager, customerId: string): Promise<boolean> {
    const rows = await tx.query(`SELECT 1 FROM campaigns.erased_customer WHERE customer_id = $1`, [
      customerId,
    ]);
    return rows.length > 0;
  }
}
