import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { isoTimestampSql } from '@crm/persistence';
import { LeadSource, LeadStatus } from '@crm/contracts';
import { SalesScope, visibleTo } from '../hierarchy/sales-scope';
import { Lead } from './lead';

export interface LeadFilter {
  status?: LeadStatus;
  source?: LeadSource;
  ownerId?: string;
  customerId?: string;
  minScore?: number;
  limit: number;
  offset: number;
}

const COLUMNS = `l.id, l.source, l.status, l.name, l.phone, l.email, l.customer_id AS "customerId",
  l.customer_candidates AS "customerCandidates",
  l.owner_id AS "ownerId", l.partner_id AS "partnerId", l.score,
  json_build_object('model', l.interest_model,
    'budget', CASE WHEN l.budget_amount IS NULL THEN NULL
                   ELSE json_build_object('amount', l.budget_amount::float8, 'currency', l.budget_currency) END,
    'timeframe', l.timeframe) AS interest,
  CASE WHEN l.lat IS NULL THEN NULL ELSE json_build_object('lat', l.lat, 'lon', l.lon) END AS location,
  l.assignment,
  l.campaign_id AS "campaignId", l.notes, l.opportunity_id AS "opportunityId", l.captured_by AS "capturedBy",
  ${isoTimestampSql('l.created_at')} AS "createdAt", ${isoTimestampSql('l.updated_at')} AS "updatedAt"`;

/** Leads, always read through the caller's scope: what is outside it does not exist for them. */
@Injectable()
export class LeadRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(tx: EntityManager, lead: Lead): Promise<void> {
    await tx.query(
      `INSERT INTO sales.lead (id, source, status, name, phone, email, customer_id, owner_id, partner_id, score,
         interest_model, budget_amount, budget_currency, timeframe, campaign_id, notes, captured_by, created_at, updated_at,
         customer_candidates, lat, lon, assignment)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $18, $19, $20, $21, $22)`,
      [
        lead.id,
        lead.source,
        lead.status,
        lead.name,
        lead.phone,
        lead.email,
        lead.customerId,
        lead.ownerId,
        lead.partnerId,
        lead.score,
        lead.interest.model,
        lead.interest.budget?.amount ?? null,
        lead.interest.budget?.currency ?? null,
        lead.interest.timeframe,
        lead.campaignId,
        lead.notes,
        lead.capturedBy,
        lead.createdAt,
        JSON.stringify(lead.customerCandidates),
        lead.location?.lat ?? null,
        lead.location?.lon ?? null,
        lead.assignment && JSON.stringify(lead.assignment),
      ],
    );
  }

  async update(tx: EntityManager, lead: Lead): Promise<void> {
    await tx.query(
      `UPDATE sales.lead SET status = $2, owner_id = $3, score = $4, opportunity_id = $5, customer_id = $6,
         notes = $7, updated_at = $8, partner_id = $9, lat = $10, lon = $11, assignment = $12,
         customer_candidates = $13 WHERE id = $1`,
      [
        lead.id,
        lead.status,
        lead.ownerId,
        lead.score,
        lead.opportunityId,
        lead.customerId,
        lead.notes,
        lead.updatedAt,
        lead.partnerId,
        lead.location?.lat ?? null,
        lead.location?.lon ?? null,
        lead.assignment && JSON.stringify(lead.assignment),
        JSON.stringify(lead.customerCandidates),
      ],
    );
  }

  /** The lead when the scope may see it; `forUpdate` locks it for a state change. */
  async find(
    scope: SalesScope,
    id: string,
    tx: EntityManager = this.dataSource.manager,
    forUpdate = false,
  ): Promise<Lead | null> {
    const params: unknown[] = [id];
    const visible = visibleTo(scope, 'l', params);
    const [row] = await tx.query(
      `SELECT ${COLUMNS} FROM sales.lead l WHERE l.id = $1 AND ${visible}${forUpdate ? ' FOR UPDATE' : ''}`,
      params,
    );
    return row ?? null;
  }

  async list(scope: SalesScope, filter: LeadFilter): Promise<Lead[]> {
    const params: unknown[] = [];
    const where = [visibleTo(scope, 'l', params)];
    const add = (column: string, value: unknown) => {
      if (value === undefined) return;
      params.push(value);
      where.push(`l.${column} = $${params.length}`);
    };
    add('status', filter.status);
    add('source', filter.source);
    add('owner_id', filter.ownerId);
    add('customer_id', filter.customerId);
    if (filter.minScore !== undefined) {
      params.push(filter.minScore);
      where.push(`l.score >= $${params.length}`);
    }
    params.push(filter.limit, filter.offset);
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM sales.lead l WHERE ${where.join(' AND ')}
        ORDER BY l.created_at DESC, l.id LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
  }

  async isAssignedToPartner(partnerId: string, id: string): Promise<boolean> {
    const rows = await this.dataSource.query(`SELECT 1 FROM sales.lead WHERE id = $1 AND partner_id = $2`, [
      id,
      partnerId,
    ]);
    return rows.length > 0;
  }
}
