import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

export type LinkedBy = 'login' | 'campaign';

/** Visitors who gave consent on the site, and the customer each is known to be. */
@Injectable()
export class VisitorRepository {
  /** Records a consenting visitor's activity; answers the customer they are linked to, if any. */
  async touch(tx: EntityManager, visitorId: string, at: Date): Promise<{ customerId: string | null }> {
    const rows: Array<{ customer_id: string | null }> = await tx.query(
      `INSERT INTO web_tracking.visitor (visitor_id, first_seen_at, last_seen_at) VALUES ($1, $2, $2)
       ON CONFLICT (visitor_id) DO UPDATE SET last_seen_at = GREATEST(web_tracking.visitor.last_seen_at, $2)
       RETURNING customer_id`,
      [visitorId, at],
    );
    return { customerId: rows[0].customer_id };
  }

  /** Links a known visitor (one who consented) to a customer; false when no such visitor. */
  async link(tx: EntityManager, visitorId: string, customerId: string, by: LinkedBy): Promise<boolean> {
    const [rows]: [unknown[]] = await tx.query(
      `UPDATE web_tracking.visitor SET customer_id = $2, linked_by = $3 WHERE visitor_id = $1 RETURNING visitor_id`,
      [visitorId, customerId, by],
    );
    return rows.length > 0;
  }

  async delete(tx: EntityManager, visitorId: string): Promise<string | null> {
    const [rows]: [Array<{ customer_id: string | null }>] = await tx.query(
      `DELETE FROM web_tracking.visitor WHERE visitor_id = $1 RETURNING customer_id`,
      [visitorId],
    );
    return rows[0]?.customer_id ?? null;
  }

  async moveCustomer(tx: EntityManager, fromCustomerId: string, toCustomerId: string): Promise<void> {
    await tx.query(`UPDATE web_tracking.visitor SET customer_id = $2 WHERE customer_id = $1`, [
      fromCustomerId,
      toCustomerId,
    ]);
  }

  async deleteCustomer(tx: EntityManager, customerId: string): Promise<void> {
    await tx.query(`DELETE FROM web_tracking.visitor WHERE customer_id = $1`, [customerId]);
  }

  /** Anonymous visitors unseen since `before`, in batches; answers how many went. */
  async deleteAnonymousBefore(tx: EntityManager, before: Date, batch: number): Promise<number> {
    const [rows]: [unknown[]] = await tx.query(
      `DELETE FROM web_tracking.visitor WHERE visitor_id IN (
         SELECT visitor_id FROM web_tracking.visitor
          WHERE customer_id IS NULL AND last_seen_at < $1 LIMIT $2)
       RETURNING visitor_id`,
      [before, batch],
    );
    return rows.length;
  }
}
