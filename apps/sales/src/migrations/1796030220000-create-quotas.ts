import { MigrationInterface, QueryRunner } from 'typeorm';

/** One quota per salesperson and month: new prospects to enter and revenue (CNY) to win. */
export class CreateQuotas1796030220000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE sales.quota (
        id uuid PRIMARY KEY,
        user_id text NOT NULL REFERENCES sales.sales_user (user_id),
        month date NOT NULL CHECK (extract(day FROM month) = 1),
        prospects integer NOT NULL CHECK (prospects >= 0),
        revenue numeric(14, 2) NOT NULL CHECK (revenue >= 0),
        set_by text NOT NULL,
        set_at timestamptz NOT NULL,
        UNIQUE (user_id, month)
      )`);
    await db.query(`CREATE INDEX quota_month_idx ON sales.quota (month)`);
    await db.query(
      `CREATE INDEX opportunity_closed_idx ON sales.opportunity (closed_at) WHERE closed_at IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX sales.opportunity_closed_idx`);
    await db.query(`DROP TABLE sales.quota`);
  }
}
