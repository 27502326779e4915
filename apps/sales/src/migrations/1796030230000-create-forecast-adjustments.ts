import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A manager's adjustments of a salesperson's (level rep) or a team's (level team, the subtree of
 * user_id) forecast for a month. Rows are never updated: the newest (highest seq) is the adjusted number, the rest
 * its history; `computed` keeps the number the manager saw when adjusting.
 */
export class CreateForecastAdjustments1796030230000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE sales.forecast_adjustment (
        id uuid PRIMARY KEY,
        seq bigserial NOT NULL,
        level text NOT NULL CHECK (level IN ('rep', 'team')),
        user_id text NOT NULL REFERENCES sales.sales_user (user_id),
        month date NOT NULL CHECK (extract(day FROM month) = 1),
        amount numeric(14, 2) NOT NULL CHECK (amount >= 0),
        computed numeric(14, 2) NOT NULL,
        note text NOT NULL,
        adjusted_by text NOT NULL,
        adjusted_at timestamptz NOT NULL
      )`);
    await db.query(
      `CREATE INDEX forecast_adjustment_idx ON sales.forecast_adjustment (month, level, user_id, seq DESC)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE sales.forecast_adjustment`);
  }
}
