import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { DEFAULT_TIME_ZONE } from '../preferences/user-preferences';
import { DueNextStep } from './due-next-step';

/**
 * The owner's calendar day at `now` (their preferred zone, else the default). No zone is more than a day ahead of
 * UTC, so `next_step_due <= UTC day + 1` narrows the rows by index before the exact check per owner.
 */
const DUE_FOR_OWNER = `a.next_step_due <= (($1::timestamptz AT TIME ZONE 'UTC')::date + 1)
  AND a.next_step_due <= ($1::timestamptz AT TIME ZONE COALESCE(
        (SELECT p.time_zone FROM sales.user_preference p WHERE p.user_id = a.owner_id), '${DEFAULT_TIME_ZONE}'))::date`;

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
   * Marks up to `limit` next steps reminded whose due day has begun in their owner's time zone, and returns them.
   * Rows another instance is claiming are skipped (SKIP LOCKED); one it claimed just before our snapshot is
   * dropped by ON CONFLICT, so nothing fires twice.
   */
  async claimDue(tx: EntityManager, now: Date, limit: number): Promise<DueNextStep[]> {
    return tx.query(
      `WITH due AS (
         SELECT a.id FROM sales.activity a
          WHERE ${DUE_FOR_OWNER} AND a.next_step IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM sales.next_step_reminder r WHERE r.activity_id = a.id)
            AND NOT ${FOLLOWED_UP}
          ORDER BY a.next_step_due, a.id LIMIT $2
          FOR UPDATE OF a SKIP LOCKED),
       claimed AS (
         INSERT INTO sales.next_step_reminder (activity_id, reminded_at) SELECT id, $1 FROM due
         ON CONFLICT (activity_id) DO NOTHING RETURNING activity_id)
       SELECT a.id AS "activityId", a.subject, a.next_step AS "nextStep",
              to_char(a.next_step_due, 'YYYY-MM-DD') AS "nextStepDue", a.owner_id AS "ownerId",
              a.customer_id AS "customerId", a.lead_id AS "leadId", a.opportunity_id AS "opportunityId",
              a.partner_id AS "partnerId"
         FROM claimed c JOIN sales.activity a ON a.id = c.activity_id
        ORDER BY a.next_step_due, a.id`,
      [now, limit],
    );
  }
}
