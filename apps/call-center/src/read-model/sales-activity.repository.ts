import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ActivityLogged, PayloadOf } from '@crm/contracts';
import { SalesActivityView } from '../customer-360/customer-360';

/** The sales team's activities with a customer, as sales announces them. */
@Injectable()
export class SalesActivityRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(
    tx: EntityManager,
    a: PayloadOf<typeof ActivityLogged> & { customerId: string },
  ): Promise<void> {
    await tx.query(
      `INSERT INTO call_center.sales_activity (id, customer_id, type, subject, discussed, next_step, next_step_due,
         owner_id, owner_name, occurred_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT (id) DO NOTHING`,
      [
        a.activityId,
        a.customerId,
        a.type,
        a.subject,
        a.discussed,
        a.nextStep,
        a.nextStepDue,
        a.ownerId,
        a.ownerName,
        a.occurredAt,
      ],
    );
  }

  async recentFor(customerId: string, limit: number): Promise<SalesActivityView[]> {
    return this.dataSource.query(
      `SELECT id AS "activityId", type, subject, discussed, next_step AS "nextStep",
              to_char(next_step_due, 'YYYY-MM-DD') AS "nextStepDue", owner_id AS "ownerId", owner_name AS "ownerName",
              to_json(occurred_at) #>> '{}' AS "occurredAt"
         FROM call_center.sales_activity WHERE customer_id = $1 ORDER BY occurred_at DESC LIMIT $2`,
      [customerId, limit],
    );
  }
}
