import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Account teams: the reps who sell to one customer account together, with their roles and revenue splits.
 * The visibility condition looks records up by customer, so opportunities and activities get that index too.
 */
export class CreateAccountTeams1796030300000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE sales.account_team_member (
        customer_id uuid NOT NULL,
        user_id text NOT NULL REFERENCES sales.sales_user (user_id),
        role text NOT NULL,
        split_percent integer NOT NULL CHECK (split_percent BETWEEN 0 AND 100),
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (customer_id, user_id)
      )`);
    await db.query(
      `CREATE INDEX account_team_member_user_idx ON sales.account_team_member (user_id, customer_id)`,
    );
    await db.query(`CREATE INDEX opportunity_customer_idx ON sales.opportunity (customer_id)`);
    await db.query(`CREATE INDEX activity_customer_idx ON sales.activity (customer_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX sales.activity_customer_idx`);
    await db.query(`DROP INDEX sales.opportunity_customer_idx`);
    await db.query(`DROP TABLE sales.account_team_member`);
  }
}
