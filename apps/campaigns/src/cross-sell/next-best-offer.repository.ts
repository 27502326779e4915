import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { NextBestOffer } from '@crm/contracts';
import { BASKET } from './cross-sell-rule.repository';

/** The offers the recompute in progress would make (dropped at commit). */
const NEXT_OFFER = 'cross_sell_next_offer';

/** A customer's offer before and after a recompute, where the product differs; `offer` null: none any more. */
export interface OfferChange {
  customerId: string;
  offer: Omit<NextBestOffer, 'reason'> | null;
}

export interface StoredOffer extends NextBestOffer {
  customerId: string;
  since: string;
}

/** Each customer's next best offer: kept as published while its product stays the same (ADR 0034). */
@Injectable()
export class NextBestOfferRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Per customer, the best product they do not own among the consequents of the rules whose antecedent they own:
   * highest confidence x lift, then the product more customers own, then by name for a stable choice.
   */
  async stage(tx: EntityManager): Promise<void> {
    await tx.query(
      `CREATE TEMP TABLE ${NEXT_OFFER} ON COMMIT DROP AS
       SELECT DISTINCT ON (b.customer_id) b.customer_id, r.consequent AS product, r.antecedent AS based_on,
              r.score, r.confidence, r.lift
         FROM ${BASKET} b JOIN campaigns.cross_sell_rule r ON r.antecedent = b.item
        WHERE NOT EXISTS (SELECT 1 FROM ${BASKET} o WHERE o.customer_id = b.customer_id AND o.item = r.consequent)
        ORDER BY b.customer_id, r.score DESC, r.consequent_customers DESC, r.consequent, r.antecedent`,
    );
  }

  /** The customers whose offered product is new, another one, or gone; unchanged offers are not among them. */
  async changes(tx: EntityManager): Promise<OfferChange[]> {
    const rows: Array<{ customerId: string; offer: OfferChange['offer'] }> = await tx.query(
      `SELECT customer_id AS "customerId",
              CASE WHEN n.product IS NULL THEN NULL ELSE json_build_object('product', n.product,
                'basedOn', n.based_on, 'score', n.score, 'confidence', n.confidence, 'lift', n.lift) END AS offer
         FROM ${NEXT_OFFER} n FULL JOIN campaigns.next_best_offer o USING (customer_id)
        WHERE n.product IS DISTINCT FROM o.product
        ORDER BY customer_id`,
    );
    return rows;
  }

  async save(tx: EntityManager, offers: Array<NextBestOffer & { customerId: string }>, since: Date) {
    const column = <K extends keyof (typeof offers)[number]>(key: K) => offers.map((offer) => offer[key]);
    await tx.query(
      `INSERT INTO campaigns.next_best_offer (customer_id, product, based_on, reason, score, confidence, lift, since)
       SELECT *, $8::timestamptz FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::float8[],
         $6::float8[], $7::float8[])
       ON CONFLICT (customer_id) DO UPDATE SET product = EXCLUDED.product, based_on = EXCLUDED.based_on,
         reason = EXCLUDED.reason, score = EXCLUDED.score, confidence = EXCLUDED.confidence, lift = EXCLUDED.lift,
         since = EXCLUDED.since`,
      [
        column('customerId'),
        column('product'),
        column('basedOn'),
        column('reason'),
        column('score'),
        column('confidence'),
        column('lift'),
        since,
      ],
    );
  }

  async deleteFor(tx: EntityManager, customerIds: string[]): Promise<void> {
    await tx.query(`DELETE FROM campaigns.next_best_offer WHERE customer_id = ANY($1::uuid[])`, [
      customerIds,
    ]);
  }

  async find(customerId: string): Promise<StoredOffer | null> {
    const [row] = await this.dataSource.query(
      `SELECT customer_id AS "customerId", product, based_on AS "basedOn", reason, score, confidence, lift, since
         FROM campaigns.next_best_offer WHERE customer_id = $1`,
      [customerId],
    );
    return row ? { ...row, since: (row.since as Date).toISOString() } : null;
  }
}
