import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ERASED_TEXT } from '@crm/messaging';

/**
 * The SQL of erasure in sales: leads and activities lose what they said about the person, and every business
 * record (leads, opportunities with their amounts and stages, activities) is unlinked from the customer id.
 */
@Injectable()
export class SalesErasureRepository {
  async scrubLeads(tx: EntityManager, leadIds: string[]): Promise<void> {
    if (leadIds.length === 0) return;
    await tx.query(
      `UPDATE sales.lead SET name = $2, phone = NULL, email = NULL, notes = NULL, customer_id = NULL, updated_at = now()
        WHERE id = ANY($1)`,
      [leadIds, ERASED_TEXT],
    );
  }

  /** Opportunities keep stage, amount and dates for the forecasts; the person's values go from their name and reason. */
  async unlinkOpportunities(tx: EntityManager, opportunityIds: string[], values: string[]): Promise<void> {
    if (opportunityIds.length === 0) return;
    await tx.query(`UPDATE sales.opportunity SET customer_id = NULL, updated_at = now() WHERE id = ANY($1)`, [
      opportunityIds,
    ]);
    for (const value of values)
      await tx.query(
        `UPDATE sales.opportunity SET name = replace(name, $2, $3), close_reason = replace(close_reason, $2, $3)
          WHERE id = ANY($1) AND (strpos(name, $2) > 0 OR strpos(close_reason, $2) > 0)`,
        [opportunityIds, value, ERASED_TEXT],
      );
  }

  /** Quotes and orders keep their lines and totals (revenue, the order history); whom they were for goes. */
  async unlinkQuotesAndOrders(tx: EntityManager, opportunityIds: string[], values: string[]): Promise<void> {
    if (opportunityIds.length === 0) return;
    await tx.query(
      `UPDATE sales.quote SET customer_id = NULL, customer_name = NULL, updated_at = now() WHERE opportunity_id = ANY($1)`,
      [opportunityIds],
    );
    await tx.query(`UPDATE sales.sales_order SET customer_id = NULL WHERE opportunity_id = ANY($1)`, [
      opportunityIds,
    ]);
    for (const value of values)
      await tx.query(
        `UPDATE sales.quote SET terms = replace(terms, $2, $3) WHERE opportunity_id = ANY($1) AND strpos(terms, $2) > 0`,
        [opportunityIds, value, ERASED_TEXT],
      );
  }

  /** Activities keep type, owner and dates (the rep's activity counts); what was said goes. */
  async scrubActivities(tx: EntityManager, activityIds: string[]): Promise<void> {
    if (activityIds.length === 0) return;
    await tx.query(
      `UPDATE sales.activity SET subject = $2, discussed = $2, next_step = NULL, customer_id = NULL
        WHERE id = ANY($1)`,
      [activityIds, ERASED_TEXT],
    );
  }
}
