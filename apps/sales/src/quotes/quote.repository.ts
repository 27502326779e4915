import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { isoTimestampSql } from '@crm/persistence';
import { SalesScope, visibleTo } from '../hierarchy/sales-scope';
import { Quote } from './quote';

/** A quote is seen by whoever sees its opportunity (ADR 0011): every read joins it. */
const FROM = `sales.quote q JOIN sales.opportunity o ON o.id = q.opportunity_id`;
const COLUMNS = `q.id, q.number, q.version, q.opportunity_id AS "opportunityId", q.customer_id AS "customerId",
  q.customer_name AS "customerName", q.status, to_char(q.valid_until, 'YYYY-MM-DD') AS "validUntil", q.terms,
  q.lines, json_build_object('amount', q.total::float8, 'currency', q.currency) AS total,
  q.created_by AS "createdBy", ${isoTimestampSql('q.created_at')} AS "createdAt",
  ${isoTimestampSql('q.updated_at')} AS "updatedAt"`;

export interface QuoteFilter {
  opportunityId?: string;
  limit: number;
  offset: number;
}

@Injectable()
export class QuoteRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(tx: EntityManager, q: Quote): Promise<void> {
    await tx.query(
      `INSERT INTO sales.quote (id, number, version, opportunity_id, customer_id, customer_name, status, valid_until,
         terms, lines, total, currency, created_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14)`,
      [
        q.id,
        q.number,
        q.version,
        q.opportunityId,
        q.customerId,
        q.customerName,
        q.status,
        q.validUntil,
        q.terms,
        JSON.stringify(q.lines),
        q.total.amount,
        q.total.currency,
        q.createdBy,
        q.createdAt,
      ],
    );
  }

  async updateStatus(tx: EntityManager, q: Quote): Promise<void> {
    await tx.query(`UPDATE sales.quote SET status = $2, updated_at = $3 WHERE id = $1`, [
      q.id,
      q.status,
      q.updatedAt,
    ]);
  }

  /** The latest quote of an opportunity, whose number a new version keeps. */
  async latestOf(
    tx: EntityManager,
    opportunityId: string,
  ): Promise<Pick<Quote, 'number' | 'version'> | null> {
    const [row] = await tx.query(
      `SELECT number, version FROM sales.quote WHERE opportunity_id = $1 ORDER BY version DESC LIMIT 1`,
      [opportunityId],
    );
    return row ?? null;
  }

  async nextNumber(tx: EntityManager, year: number): Promise<string> {
    const [{ n }] = await tx.query(`SELECT nextval('sales.quote_number_seq')::int AS n`);
    return `Q${year}-${String(n).padStart(6, '0')}`;
  }

  async find(
    scope: SalesScope,
    id: string,
    tx: EntityManager = this.dataSource.manager,
    forUpdate = false,
  ): Promise<Quote | null> {
    const params: unknown[] = [id];
    const visible = visibleTo(scope, 'o', params);
    const [row] = await tx.query(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE q.id = $1 AND ${visible}${forUpdate ? ' FOR UPDATE OF q' : ''}`,
      params,
    );
    return row ?? null;
  }

  list(scope: SalesScope, filter: QuoteFilter): Promise<Quote[]> {
    const params: unknown[] = [];
    const where = [visibleTo(scope, 'o', params)];
    if (filter.opportunityId) {
      params.push(filter.opportunityId);
      where.push(`q.opportunity_id = $${params.length}`);
    }
    params.push(filter.limit, filter.offset);
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM ${FROM} WHERE ${where.join(' AND ')}
        ORDER BY q.created_at DESC, q.id LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
  }

  async isAssignedToPartner(partnerId: string, id: string): Promise<boolean> {
    const rows = await this.dataSource.query(`SELECT 1 FROM ${FROM} WHERE q.id = $1 AND o.partner_id = $2`, [
      id,
      partnerId,
    ]);
    return rows.length > 0;
  }

  /** The customer's name from the contact replica, for the quote's heading. */
  async customerName(tx: EntityManager, customerId: string): Promise<string | null> {
    const [row] = await tx.query(`SELECT name FROM sales.customer_contact WHERE customer_id = $1`, [
      customerId,
    ]);
    return row?.name ?? null;
  }
}
