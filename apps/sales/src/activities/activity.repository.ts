import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { isoTimestampSql } from '@crm/persistence';
import { ActivityType } from '@crm/contracts';
import { SalesScope, visibleTo } from '../hierarchy/sales-scope';
import { Activity } from './activity';

export interface ActivityFilter {
  type?: ActivityType;
  ownerId?: string;
  customerId?: string;
  leadId?: string;
  opportunityId?: string;
  /** Only activities with a next step due on or before this date. */
  dueBy?: string;
  limit: number;
  offset: number;
}

const COLUMNS = `a.id, a.type, a.subject, a.discussed, a.next_step AS "nextStep",
  to_char(a.next_step_due, 'YYYY-MM-DD') AS "nextStepDue", ${isoTimestampSql('a.occurred_at')} AS "occurredAt",
  a.customer_id AS "customerId", a.lead_id AS "leadId", a.opportunity_id AS "opportunityId",
  a.owner_id AS "ownerId", a.partner_id AS "partnerId", ${isoTimestampSql('a.created_at')} AS "createdAt"`;

/** Activities, always read through the caller's scope. */
@Injectable()
export class ActivityRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(tx: EntityManager, a: Activity): Promise<void> {
    await tx.query(
      `INSERT INTO sales.activity (id, type, subject, discussed, next_step, next_step_due, occurred_at, customer_id,
         lead_id, opportunity_id, owner_id, partner_id, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
      [
        a.id,
        a.type,
        a.subject,
        a.discussed,
        a.nextStep,
        a.nextStepDue,
        a.occurredAt,
        a.customerId,
        a.leadId,
        a.opportunityId,
        a.ownerId,
        a.partnerId,
        a.createdAt,
      ],
    );
  }

  async find(scope: SalesScope, id: string): Promise<Activity | null> {
    const params: unknown[] = [id];
    const visible = visibleTo(scope, 'a', params);
    const [row] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM sales.activity a WHERE a.id = $1 AND ${visible}`,
      params,
    );
    return row ?? null;
  }

  async list(scope: SalesScope, filter: ActivityFilter): Promise<Activity[]> {
    const params: unknown[] = [];
    const where = [visibleTo(scope, 'a', params)];
    const add = (condition: (p: string) => string, value: unknown) => {
      if (value === undefined) return;
      params.push(value);
      where.push(condition(`$${params.length}`));
    };
    add((p) => `a.type = ${p}`, filter.type);
    add((p) => `a.owner_id = ${p}`, filter.ownerId);
    add((p) => `a.customer_id = ${p}`, filter.customerId);
    add((p) => `a.lead_id = ${p}`, filter.leadId);
    add((p) => `a.opportunity_id = ${p}`, filter.opportunityId);
    add((p) => `a.next_step_due <= ${p}::date`, filter.dueBy);
    params.push(filter.limit, filter.offset);
    const order = filter.dueBy ? 'a.next_step_due, a.id' : 'a.occurred_at DESC, a.id';
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM sales.activity a WHERE ${where.join(' AND ')}
        ORDER BY ${order} LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
  }

  async isAssignedToPartner(partnerId: string, id: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      `SELECT 1 FROM sales.activity WHERE id = $1 AND partner_id = $2`,
      [id, partnerId],
    );
    return rows.length > 0;
  }
}
