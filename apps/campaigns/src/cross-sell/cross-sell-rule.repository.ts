import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AssociationRule, PairCounts } from './association-rule';

/** The baskets of the recompute in progress: one row per customer and product they own (dropped at commit). */
export const BASKET = 'cross_sell_basket';

const RULE_COLUMNS = `antecedent, consequent, both_customers AS "bothCustomers",
  antecedent_customers AS "antecedentCustomers", consequent_customers AS "consequentCustomers", baskets, support,
  confidence, lift, score`;

/** The association rules over campaigns' replicas, counted set-based in SQL (ADR 0034). */
@Injectable()
export class CrossSellRuleRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * A basket is everything a customer has ordered (the models of their orders) and the models of the vehicles
   * they own; erased people are left out. Resolves the number of baskets.
   */
  async stageBaskets(tx: EntityManager): Promise<number> {
    await tx.query(
      `CREATE TEMP TABLE ${BASKET} (customer_id uuid, item text, PRIMARY KEY (customer_id, item)) ON COMMIT DROP`,
    );
    await tx.query(
      `INSERT INTO ${BASKET} SELECT DISTINCT customer_id, item FROM (
         SELECT customer_id, unnest(models) AS item FROM campaigns.customer_order
         UNION ALL
         SELECT owner_customer_id, model FROM campaigns.vehicle WHERE owner_customer_id IS NOT NULL
       ) owned
       WHERE NOT EXISTS (SELECT 1 FROM campaigns.erased_customer e WHERE e.customer_id = owned.customer_id)`,
    );
    await tx.query(`ANALYZE ${BASKET}`);
    const [{ baskets }] = await tx.query(`SELECT count(DISTINCT customer_id)::int AS baskets FROM ${BASKET}`);
    return baskets;
  }

  /**
   * Every ordered pair of products owned together by at least `minSupport` of the customers. A pair is never
   * more frequent than either of its products, so products under the support are dropped before the self-join.
   */
  pairCounts(tx: EntityManager, minSupport: number): Promise<PairCounts[]> {
    return tx.query(
      `WITH total AS (SELECT count(DISTINCT customer_id) AS baskets FROM ${BASKET}),
       frequent AS (
         SELECT item, count(*) AS owners FROM ${BASKET} GROUP BY item
         HAVING count(*) >= $1::numeric * (SELECT baskets FROM total))
       SELECT a.item AS antecedent, c.item AS consequent, count(*)::int AS "bothCustomers",
              fa.owners::int AS "antecedentCustomers", fc.owners::int AS "consequentCustomers",
              (SELECT baskets FROM total)::int AS baskets
         FROM ${BASKET} a JOIN frequent fa ON fa.item = a.item
         JOIN ${BASKET} c ON c.customer_id = a.customer_id AND c.item <> a.item
         JOIN frequent fc ON fc.item = c.item
        GROUP BY a.item, c.item, fa.owners, fc.owners
       HAVING count(*) >= $1::numeric * (SELECT baskets FROM total)`,
      [String(minSupport)],
    );
  }

  /** The old rules go and the new ones come in the caller's transaction: readers see one set or the other. */
  async replace(tx: EntityManager, rules: AssociationRule[]): Promise<void> {
    await tx.query(`DELETE FROM campaigns.cross_sell_rule`);
    const column = <K extends keyof AssociationRule>(key: K) => rules.map((rule) => rule[key]);
    await tx.query(
      `INSERT INTO campaigns.cross_sell_rule (antecedent, consequent, both_customers, antecedent_customers,
         consequent_customers, baskets, support, confidence, lift, score)
       SELECT * FROM unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::int[], $6::int[], $7::float8[],
         $8::float8[], $9::float8[], $10::float8[])`,
      [
        column('antecedent'),
        column('consequent'),
        column('bothCustomers'),
        column('antecedentCustomers'),
        column('consequentCustomers'),
        column('baskets'),
        column('support'),
        column('confidence'),
        column('lift'),
        column('score'),
      ],
    );
  }

  /** Strongest first: by lift, then confidence. */
  async page(limit: number, offset: number): Promise<{ items: AssociationRule[]; total: number }> {
    const [items, [{ total }]] = await Promise.all([
      this.dataSource.query(
        `SELECT ${RULE_COLUMNS} FROM campaigns.cross_sell_rule
          ORDER BY lift DESC, confidence DESC, antecedent, consequent LIMIT $1 OFFSET $2`,
        [limit, offset],
      ),
      this.dataSource.query(`SELECT count(*)::int AS total FROM campaigns.cross_sell_rule`),
    ]);
    return { items, total };
  }

  async recordRun(tx: EntityManager, at: Date, baskets: number, rules: number): Promise<void> {
    await tx.query(
      `INSERT INTO campaigns.cross_sell_run (computed_at, baskets, rules) VALUES ($1, $2, $3)
       ON CONFLICT (singleton) DO UPDATE SET computed_at = EXCLUDED.computed_at, baskets = EXCLUDED.baskets,
         rules = EXCLUDED.rules`,
      [at, baskets, rules],
    );
  }

  /** When the rules were last computed; null before the first recompute. */
  async lastRunAt(tx: EntityManager = this.dataSource.manager): Promise<Date | null> {
    const [row] = await tx.query(`SELECT computed_at FROM campaigns.cross_sell_run`);
    return row?.computed_at ?? null;
  }
}
