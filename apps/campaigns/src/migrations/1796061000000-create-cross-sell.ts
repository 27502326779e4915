import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cross-sell (ADR 0034): the association rules of the last recompute (replaced as a whole), each customer's next
 * best offer (kept while its product stays the same), and when the recompute last ran.
 */
export class CreateCrossSell1796061000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE campaigns.cross_sell_rule (
        antecedent text NOT NULL,
        consequent text NOT NULL,
        both_customers integer NOT NULL,
        antecedent_customers integer NOT NULL,
        consequent_customers integer NOT NULL,
        baskets integer NOT NULL,
        support double precision NOT NULL,
        confidence double precision NOT NULL,
        lift double precision NOT NULL,
        score double precision NOT NULL,
        PRIMARY KEY (antecedent, consequent)
      )`);
    await db.query(
      `CREATE INDEX cross_sell_rule_lift_idx ON campaigns.cross_sell_rule (lift DESC, confidence DESC, antecedent, consequent)`,
    );
    await db.query(`
      CREATE TABLE campaigns.next_best_offer (
        customer_id uuid PRIMARY KEY,
        product text NOT NULL,
        based_on text NOT NULL,
        reason text NOT NULL,
        score double precision NOT NULL,
        confidence double precision NOT NULL,
        lift double precision NOT NULL,
        since timestamptz NOT NULL
      )`);
    await db.query(`
      CREATE TABLE campaigns.cross_sell_run (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        computed_at timestamptz NOT NULL,
        baskets integer NOT NULL,
        rules integer NOT NULL
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of ['cross_sell_run', 'next_best_offer', 'cross_sell_rule'])
      await db.query(`DROP TABLE campaigns.${table}`);
  }
}
