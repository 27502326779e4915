import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { isoTimestampSql } from '@crm/persistence';
import { SalesScope, visibleTo } from '../hierarchy/sales-scope';
import { Opportunity, StageChange } from './opportunity';

export interface OpportunityFilter {
  stage?: string;
  pipelineId?: string;
  ownerId?: string;
  customerId?: string;
  open?: boolean;
  limit: number;
  offset: number;
}

const COLUMNS = `o.id, o.name, o.pipeline_id AS "pipelineId", o.stage, o.probability,
  CASE WHEN o.amount IS NULL THEN NULL ELSE json_build_object('amount', o.amount::float8, 'currency', o.currency) END AS amount,
  to_char(o.expected_close_date, 'YYYY-MM-DD') AS "expectedCloseDate", o.customer_id AS "customerId",
  o.lead_id AS "leadId", o.owner_id AS "ownerId", o.partner_id AS "partnerId", o.region, o.close_reason AS "closeReason",
  ${isoTimestampSql('o.closed_at')} AS "closedAt", ${isoTimestampSql('o.created_at')} AS "createdAt",
  ${isoTimestampSql('o.updated_at')} AS "updatedAt"`;

/** Opportunities and their stage history, always read through the caller's scope. */
@Injectable()
export class OpportunityRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(tx: EntityManager, o: Opportunity): Promise<void> {
    await tx.query(
      `INSERT INTO sales.opportunity (id, name, pipeline_id, stage, probability, amount, currency, expected_close_date,
         customer_id, lead_id, owner_id, partner_id, created_at, updated_at, region)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13, $14)`,
      [
        o.id,
        o.name,
        o.pipelineId,
        o.stage,
        o.probability,
        o.amount?.amount ?? null,
        o.amount?.currency ?? 'CNY',
        o.expectedCloseDate,
        o.customerId,
        o.leadId,
        o.ownerId,
        o.partnerId,
        o.createdAt,
        o.region,
      ],
    );
  }

  async update(tx: EntityManager, o: Opportunity): Promise<void> {
    await tx.query(
      `UPDATE sales.opportunity SET name = $2, stage = $3, probability = $4, amount = $5, currency = $6,
         expected_close_date = $7, owner_id = $8, close_reason = $9, closed_at = $10, updated_at = $11,
         region = $12
       WHERE id = $1`,
      [
        o.id,
        o.name,
        o.stage,
        o.probability,
        o.amount?.amount ?? null,
        o.amount?.currency ?? 'CNY',
        o.expectedCloseDate,
        o.ownerId,
        o.closeReason,
        o.closedAt,
        o.updatedAt,
        o.region,
      ],
    );
  }

  async addStageChange(tx: EntityManager, opportunityId: string, change: StageChange): Promise<void> {
    await tx.query(
      `INSERT INTO sales.opportunity_stage_history (opportunity_id, from_stage, to_stage, probability, changed_by, changed_at)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        opportunityId,
        change.fromStage,
        change.toStage,
        change.probability,
        change.changedBy,
        change.changedAt,
      ],
    );
  }

  history(opportunityId: string): Promise<StageChange[]> {
    return this.dataSource.query(
      `SELECT from_stage AS "fromStage", to_stage AS "toStage", probability, changed_by AS "changedBy",
              ${isoTimestampSql('changed_at')} AS "changedAt"
         FROM sales.opportunity_stage_history WHERE opportunity_id = $1 ORDER BY id`,
      [opportunityId],
    );
  }

  async find(
    scope: SalesScope,
    id: string,
    tx: EntityManager = this.dataSource.manager,
    forUpdate = false,
  ): Promise<Opportunity | null> {
    const params: unknown[] = [id];
    const visible = visibleTo(scope, 'o', params);
    const [row] = await tx.query(
      `SELECT ${COLUMNS} FROM sales.opportunity o WHERE o.id = $1 AND ${visible}${forUpdate ? ' FOR UPDATE' : ''}`,
      params,
    );
    return row ?? null;
  }

  async list(scope: SalesScope, filter: OpportunityFilter): Promise<Opportunity[]> {
    const params: unknown[] = [];
    const where = [visibleTo(scope, 'o', params)];
    const add = (column: string, value: unknown) => {
      if (value === undefined) return;
      params.push(value);
      where.push(`o.${column} = $${params.length}`);
    };
    add('stage', filter.stage);
    add('pipeline_id', filter.pipelineId);
    add('owner_id', filter.ownerId);
    add('customer_id', filter.customerId);
    if (filter.open !== undefined)
      where.push(filter.open ? 'o.closed_at IS NULL' : 'o.closed_at IS NOT NULL');
    params.push(filter.limit, filter.offset);
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM sales.opportunity o WHERE ${where.join(' AND ')}
        ORDER BY o.expected_close_date NULLS LAST, o.created_at DESC, o.id
        LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
  }

  async isAssignedToPartner(partnerId: string, id: string): Promise<boolean> {
    const rows = await this.dataSource.query(
      `SELECT 1 FROM sales.opportunity WHERE id = $1 AND partner_id = $2`,
      [id, partnerId],
    );
    return rows.length > 0;
  }
}
