import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** A dated contact of a customer that counts as a conversion besides an order (ADR 0046). */
export type TouchpointKind = 'service_visit' | 'lead' | 'test_drive';

/** campaigns' copy of service visits, leads and test drives: who, when; keyed by the source's id. */
@Injectable()
export class TouchpointRepository {
  /** A repeated event adds nothing; a repair replaces the backfilled last visit it is (ADR 0046). */
  async record(
    tx: EntityManager,
    kind: TouchpointKind,
    sourceId: string,
    customerId: string,
    occurredAt: string,
  ): Promise<void> {
    if (kind === 'service_visit')
      await tx.query(
        `DELETE FROM campaigns.customer_touchpoint
          WHERE kind = 'service_visit' AND source_id = $1 AND customer_id = $1 AND occurred_at = $2`,
        [customerId, occurredAt],
      );
    await tx.query(
      `INSERT INTO campaigns.customer_touchpoint (kind, source_id, customer_id, occurred_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (kind, source_id) DO NOTHING`,
      [kind, sourceId, customerId, occurredAt],
    );
  }

  /** A lead is dated by its capture, with or without a customer yet: a later conversion may name one. */
  async captureLead(tx: EntityManager, leadId: string, customerId: string | null, capturedAt: string) {
    await this.lockLead(tx, leadId);
    await tx.query(
      `INSERT INTO campaigns.customer_touchpoint (kind, source_id, customer_id, occurred_at)
       VALUES ('lead', $1, $2, $3)
       ON CONFLICT (kind, source_id) DO UPDATE SET occurred_at = EXCLUDED.occurred_at,
         customer_id = COALESCE(EXCLUDED.customer_id, campaigns.customer_touchpoint.customer_id)`,
      [leadId, customerId, capturedAt],
    );
    if (customerId) await this.fillWaitingTestDrives(tx, leadId, customerId);
  }

  /**
   * The customer a converted lead names fills a lead captured without one (its capture time stays), and the test
   * drives logged on that lead while it had none.
   */
  async linkLead(tx: EntityManager, leadId: string, customerId: string, convertedAt: string) {
    await this.lockLead(tx, leadId);
    await tx.query(
      `INSERT INTO campaigns.customer_touchpoint (kind, source_id, customer_id, occurred_at)
       VALUES ('lead', $1, $2, $3)
       ON CONFLICT (kind, source_id) DO UPDATE
         SET customer_id = COALESCE(campaigns.customer_touchpoint.customer_id, EXCLUDED.customer_id)`,
      [leadId, customerId, convertedAt],
    );
    await this.fillWaitingTestDrives(tx, leadId, customerId);
  }

  /** A test drive sales logged on a lead only: its customer is the lead's, once the lead has one. */
  async recordLeadTestDrive(tx: EntityManager, activityId: string, leadId: string, occurredAt: string) {
    await this.lockLead(tx, leadId);
    await tx.query(
      `INSERT INTO campaigns.customer_touchpoint (kind, source_id, customer_id, lead_id, occurred_at)
       VALUES ('test_drive', $1,
               (SELECT customer_id FROM campaigns.customer_touchpoint WHERE kind = 'lead' AND source_id = $2), $2, $3)
       ON CONFLICT (kind, source_id) DO NOTHING`,
      [activityId, leadId, occurredAt],
    );
  }

  /**
   * Leads and activities arrive on different topics, so a test drive on a lead and the lead's conversion may commit
   * side by side: each would miss the other's row and leave the drive without a customer. One lock per lead orders
   * them; the later one's statements see the earlier one's row.
   */
  private async lockLead(tx: EntityManager, leadId: string): Promise<void> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended('campaigns.lead:' || $1, 0))`, [leadId]);
  }

  private async fillWaitingTestDrives(tx: EntityManager, leadId: string, customerId: string) {
    await tx.query(
      `UPDATE campaigns.customer_touchpoint SET customer_id = $2 WHERE lead_id = $1 AND customer_id IS NULL`,
      [leadId, customerId],
    );
  }

  async repointCustomer(tx: EntityManager, fromId: string, toId: string): Promise<void> {
    await tx.query(`UPDATE campaigns.customer_touchpoint SET customer_id = $2 WHERE customer_id = $1`, [
      fromId,
      toId,
    ]);
  }

  async deleteFor(tx: EntityManager, customerId: string): Promise<void> {
    await tx.query(`DELETE FROM campaigns.customer_touchpoint WHERE customer_id = $1`, [customerId]);
  }
}
