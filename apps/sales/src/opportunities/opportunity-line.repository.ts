import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { isoTimestampSql } from '@crm/persistence';
import { ConflictError } from '@crm/core';
import { OpportunityLine } from './opportunity-line';

const COLUMNS = `l.id, l.opportunity_id AS "opportunityId", l.trim_id AS "trimId", t.name AS "trimName",
  t.model_id AS "modelId", m.name AS "modelName", l.quantity,
  json_build_object('amount', l.unit_price::float8, 'currency', l.currency) AS "unitPrice",
  l.discount::float8 AS discount, ${isoTimestampSql('l.created_at')} AS "createdAt"`;

/** The line items of opportunities, with their trim and model names. Callers check visibility first. */
@Injectable()
export class OpportunityLineRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(tx: EntityManager, line: OpportunityLine): Promise<void> {
    await tx.query(
      `INSERT INTO sales.opportunity_line (id, opportunity_id, trim_id, quantity, unit_price, currency, discount, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        line.id,
        line.opportunityId,
        line.trimId,
        line.quantity,
        line.unitPrice.amount,
        line.unitPrice.currency,
        line.discount,
        line.createdAt,
      ],
    );
  }

  /** Whether the line was there to remove. */
  async remove(tx: EntityManager, opportunityId: string, lineId: string): Promise<boolean> {
    const [{ removed }] = await tx.query(
      `WITH gone AS (DELETE FROM sales.opportunity_line WHERE id = $1 AND opportunity_id = $2 RETURNING id)
       SELECT count(*)::int AS removed FROM gone`,
      [lineId, opportunityId],
    );
    return removed > 0;
  }

  linesOf(opportunityId: string, tx: EntityManager = this.dataSource.manager): Promise<OpportunityLine[]> {
    return tx.query(
      `SELECT ${COLUMNS} FROM sales.opportunity_line l
         JOIN sales.catalog_trim t ON t.id = l.trim_id JOIN sales.catalog_model m ON m.id = t.model_id
        WHERE l.opportunity_id = $1 ORDER BY l.created_at, l.id`,
      [opportunityId],
    );
  }

  async hasLines(tx: EntityManager, opportunityId: string): Promise<boolean> {
    const rows = await tx.query(`SELECT 1 FROM sales.opportunity_line WHERE opportunity_id = $1 LIMIT 1`, [
      opportunityId,
    ]);
    return rows.length > 0;
  }
}

/** While an opportunity has line items its amount is their sum: setting it by hand is a 409. */
export async function assertAmountIsManual(
  lines: OpportunityLineRepository,
  tx: EntityManager,
  opportunityId: string,
): Promise<void> {
  if (await lines.hasLines(tx, opportunityId))
    throw new ConflictError('the amount is the sum of the line items: change the lines instead', {
      field: 'amount',
    });
}
