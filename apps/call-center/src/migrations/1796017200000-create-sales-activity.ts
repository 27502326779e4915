import { MigrationInterface, QueryRunner } from 'typeorm';

/** Sales activities from activity.logged, for the customer's timeline in the 360 view. */
export class CreateSalesActivity1796017200000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE call_center.sales_activity (
        id uuid PRIMARY KEY,
        customer_id uuid NOT NULL,
        type text NOT NULL,
        subject text NOT NULL,
        discussed text NOT NULL,
        next_step text,
        next_step_due date,
        owner_id text NOT NULL,
        owner_name text,
        occurred_at timestamptz NOT NULL
      )`);
    await db.query(
      `CREATE INDEX sales_activity_customer_idx ON call_center.sales_activity (customer_id, occurred_at DESC)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE call_center.sales_activity`);
  }
}
