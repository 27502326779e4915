import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DueNextStep } from './due-next-step';

/**
 * A later activity on the same record (the opportunity, else the lead, else the customer) follows the next step
 * up: it was either done or replaced by a newer next step.
 */
const FOLLOWED_UP = `EXISTS (
  SELECT 1 FROM sales.activity f
   WHERE f.id <> a.id AND f.occurred_at > a.occurred_at
     AND CASE WHEN a.opportunity_id IS NOT NULL THEN f.opportunity_id = a.opportunity_id
              WHEN a.lead_id IS NOT NULL THEN f.lead_id = a.lead_id
              ELSE f.customer_id = a.customer_id END)`;

/** Claims next steps that fell due; the reminder row's primary key makes each claim happen once. */
@Injectable()
export class NextStepReminderRepository {
  /**
   * Marks up to `limit` due next steps reminded and returns them. Rows another instance is claiming are skipped
   * (SKIP LOCKED); one it claimed just before our snapshot is dropped by ON CONFLICT, so nothing fires twice.
   */
  async claimDue(tx: EntityManager, today: string, remindedAt: Date, limit: number): Promise<DueNextStep[]> {
    return tx.query(
      `WITH due AS (
         SELECT a.id FROM sales.activity a
          WHERE a.next_step_due <= $1::date AND a.next_step IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM sales.next_step_reminder r WHERE r.activity_id = a.id)
            AND NOT ${FOLLOWED_UP}
          ORDER BY a.next_step_due, a.id LIMIT $2
          FOR UPDATE OF a SKIP LOCKED),
       claimed AS (
         INSERT INTO sales.next_step_reminder (activity_id, reminded_at) SELECT id, $3 FROM due
         ON CONFLICT (activity_id) DO NOTHING RETURNING activity_id)
       SELECT a.id AS "activityId", a.subject, a.next_step AS "nextStep",
              to_char(a.next_step_due, 'YYYY-MM-DD') AS "nextStepDue", a.owner_id AS "ownerId",
              a.customer_id AS "customerId", a.lead_id AS "leadId", a.opportunity_id AS "opportunityId",
              a.partner_id AS "partnerId"
         FROM claimed c JOIN sales.activity a ON a.id = c.activity_id
        ORDER BY a.next_step_due, a.id`,
      [today, limit, remindedAt],
    );
  }
}
