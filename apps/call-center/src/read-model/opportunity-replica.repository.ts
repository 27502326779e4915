import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { OpportunitySummary } from '@crm/contracts';
import { EventOrder, excludedEventIsNewerSql } from '@crm/messaging';
import { OpportunityView } from '../customer-360/customer-360';

const NEWER = excludedEventIsNewerSql('call_center.opportunity', {
  sequence: 'source_sequence',
  occurredAt: 'source_occurred_at',
});

/** How an opportunity left the pipeline; none while it is open. */
export type OpportunityOutcome = 'won' | 'lost' | null;

export interface OpportunityChange {
  summary: OpportunitySummary & { customerId: string };
  outcome: OpportunityOutcome;
  changedAt: string;
}

/** The customers' sales opportunities, as sales' opportunity events carry them. */
@Injectable()
export class OpportunityReplicaRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Only a newer event of the opportunity overwrites (ADR 0021); the customer is kept as first seen, since a merge
   * re-points the row to the survivor.
   */
  async upsert(tx: EntityManager, { summary, outcome, changedAt }: OpportunityChange, order: EventOrder) {
    await tx.query(
      `INSERT INTO call_center.opportunity (opportunity_id, customer_id, name, stage, probability, amount, currency,
         expected_close_date, owner_id, outcome, changed_at, source_occurred_at, source_sequence)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (opportunity_id) DO UPDATE SET name = EXCLUDED.name, stage = EXCLUDED.stage,
         probability = EXCLUDED.probability, amount = EXCLUDED.amount, currency = EXCLUDED.currency,
         expected_close_date = EXCLUDED.expected_close_date, owner_id = EXCLUDED.owner_id,
         outcome = EXCLUDED.outcome, changed_at = EXCLUDED.changed_at,
         source_occurred_at = EXCLUDED.source_occurred_at, source_sequence = EXCLUDED.source_sequence
       WHERE ${NEWER}`,
      [
        summary.opportunityId,
        summary.customerId,
        summary.name,
        summary.stage,
        summary.probability,
        summary.amount?.amount ?? null,
        summary.amount?.currency ?? null,
        summary.expectedCloseDate,
        summary.ownerId,
        outcome,
        changedAt,
        order.occurredAt,
        order.sequence,
      ],
    );
  }

  /** Neither won nor lost, the soonest expected to close first. */
  async openFor(customerId: string): Promise<OpportunityView[]> {
    const rows = await this.dataSource.query(
      `SELECT opportunity_id AS "opportunityId", name, stage, probability, amount::float8 AS amount, currency,
              to_char(expected_close_date, 'YYYY-MM-DD') AS "expectedCloseDate", owner_id AS "ownerId",
              changed_at AS "changedAt"
         FROM call_center.opportunity WHERE customer_id = $1 AND outcome IS NULL
        ORDER BY expected_close_date NULLS LAST, changed_at DESC`,
      [customerId],
    );
    return rows.map((row: OpportunityView & { changedAt: Date }) => ({
      ...row,
      changedAt: row.changedAt.toISOString(),
    }));
  }
}
