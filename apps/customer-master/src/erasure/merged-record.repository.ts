import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** Finds the retired duplicates of a person, which still hold personal data of their own. */
@Injectable()
export class MergedRecordRepository {
  /** Records merged into this one, directly or through a chain of merges. */
  async mergedInto(tx: EntityManager, customerId: string): Promise<string[]> {
    const rows: { id: string }[] = await tx.query(
      `WITH RECURSIVE retired AS (
         SELECT id FROM customer_master.customer WHERE merged_into = $1
         UNION SELECT c.id FROM customer_master.customer c JOIN retired r ON c.merged_into = r.id
       )
       SELECT id FROM retired`,
      [customerId],
    );
    return rows.map((row) => row.id);
  }
}
