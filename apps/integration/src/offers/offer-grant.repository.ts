import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { OfferState } from '@crm/contracts';
import { Offer, OfferStatus } from './offer';
import { OfferRule } from './offer-rule';

interface GrantRow {
  state: OfferState;
  status: OfferStatus;
  applied_at: Date | null;
  reference: string | null;
  ended_at: Date | null;
}

/** The offers granted; the partial unique index keeps one active (granted or applied) per rule and customer. */
@Injectable()
export class OfferGrantRepository {
  constructor(private readonly db: DataSource) {}

  /**
   * Customers the rule matches at `now` and holding no active offer of it: in the tier, and with no service visit
   * since `monthsSinceService` months (none known counts as none); one customer's when `customerId` is given.
   */
  async candidates(
    tx: EntityManager,
    rule: OfferRule,
    now: Date,
    limit: number,
    customerId?: string,
  ): Promise<string[]> {
    const rows: { customer_id: string }[] = await tx.query(
      `SELECT c.customer_id FROM integration.offer_customer c
        WHERE c.tier = $1
          AND ($2 = 0 OR c.last_service_at IS NULL OR c.last_service_at <= $3::timestamptz - make_interval(months => $2))
          AND ($5::uuid IS NULL OR c.customer_id = $5)
          AND NOT EXISTS (SELECT 1 FROM integration.offer_grant g WHERE g.rule_id = $4
                             AND g.customer_id = c.customer_id AND g.status IN ('granted', 'applied'))
        ORDER BY c.customer_id LIMIT $6`,
      [rule.tier, rule.monthsSinceService, now, rule.ruleId, customerId ?? null, limit],
    );
    return rows.map((row) => row.customer_id);
  }

  /** True when granted; false when the customer holds an active offer of this rule already. */
  async grantOnce(tx: EntityManager, offer: OfferState): Promise<boolean> {
    const inserted: unknown[] = await tx.query(
      `INSERT INTO integration.offer_grant (offer_id, rule_id, customer_id, state, status, valid_until)
       VALUES ($1, $2, $3, $4, 'granted', $5)
       ON CONFLICT (rule_id, customer_id) WHERE status IN ('granted', 'applied') DO NOTHING RETURNING offer_id`,
      [offer.offerId, offer.ruleId, offer.customerId, JSON.stringify(offer), offer.validUntil],
    );
    return inserted.length > 0;
  }

  async lock(tx: EntityManager, offerId: string): Promise<Offer | null> {
    const [row]: GrantRow[] = await tx.query(
      `SELECT state, status, applied_at, reference, ended_at FROM integration.offer_grant WHERE offer_id = $1
          FOR UPDATE`,
      [offerId],
    );
    return row ? toOffer(row) : null;
  }

  async find(offerId: string): Promise<Offer | null> {
    const [row]: GrantRow[] = await this.db.query(
      `SELECT state, status, applied_at, reference, ended_at FROM integration.offer_grant WHERE offer_id = $1`,
      [offerId],
    );
    return row ? toOffer(row) : null;
  }

  async markApplied(tx: EntityManager, offerId: string, at: Date, reference: string | null): Promise<void> {
    await tx.query(
      `UPDATE integration.offer_grant SET status = 'applied', applied_at = $2, reference = $3 WHERE offer_id = $1`,
      [offerId, at, reference],
    );
  }

  /** Ends active offers past their validity (at most `limit`, skipping rows another replica holds). */
  async endDue(tx: EntityManager, now: Date, limit: number): Promise<Offer[]> {
    return this.end(
      tx,
      `SELECT offer_id FROM integration.offer_grant WHERE status IN ('granted', 'applied') AND valid_until <= $1
        ORDER BY valid_until LIMIT ${Number(limit)} FOR UPDATE SKIP LOCKED`,
      now,
    );
  }

  /** Ends a merged-away customer's active offers. */
  async endForCustomer(tx: EntityManager, customerId: string, now: Date): Promise<Offer[]> {
    return this.end(
      tx,
      `SELECT offer_id FROM integration.offer_grant WHERE status IN ('granted', 'applied') AND customer_id = $2
          FOR UPDATE`,
      now,
      customerId,
    );
  }

  /**
   * Withdraws a rule's offers granted and not yet applied. An acknowledgement holding an offer's row lock finishes
   * first; this update then re-reads the row, finds it applied and leaves it (ADR 0054).
   */
  async withdrawForRule(tx: EntityManager, ruleId: string, now: Date): Promise<Offer[]> {
    const [rows]: [GrantRow[]] = await tx.query(
      `UPDATE integration.offer_grant SET status = 'withdrawn', ended_at = $2
        WHERE rule_id = $1 AND status = 'granted'
        RETURNING state, status, applied_at, reference, ended_at`,
      [ruleId, now],
    );
    return rows.map(toOffer);
  }

  async forCustomer(customerId: string): Promise<Offer[]> {
    const rows: GrantRow[] = await this.db.query(
      `SELECT state, status, applied_at, reference, ended_at FROM integration.offer_grant WHERE customer_id = $1
        ORDER BY state->>'grantedAt' DESC`,
      [customerId],
    );
    return rows.map(toOffer);
  }

  async deleteForCustomer(tx: EntityManager, customerId: string): Promise<void> {
    await tx.query(`DELETE FROM integration.offer_grant WHERE customer_id = $1`, [customerId]);
  }

  private async end(tx: EntityManager, select: string, now: Date, customerId?: string): Promise<Offer[]> {
    const [rows]: [GrantRow[]] = await tx.query(
      `UPDATE integration.offer_grant SET status = 'expired', ended_at = $1
        WHERE offer_id IN (${select})
        RETURNING state, status, applied_at, reference, ended_at`,
      customerId ? [now, customerId] : [now],
    );
    return rows.map(toOffer);
  }
}

function toOffer(row: GrantRow): Offer {
  return {
    ...row.state,
    status: row.status,
    appliedAt: row.applied_at?.toISOString() ?? null,
    reference: row.reference,
    endedAt: row.ended_at?.toISOString() ?? null,
  };
}
