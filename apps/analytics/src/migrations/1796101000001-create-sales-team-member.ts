import { MigrationInterface, QueryRunner } from 'typeorm';

/** The sales tree as sales publishes it (ADR 0046): who reports to whom, so team rows roll reps up to managers. */
export class CreateSalesTeamMember1796101000001 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE analytics.sales_team_member (
        user_id text PRIMARY KEY,
        name text NOT NULL,
        manager_id text,
        set_at timestamptz NOT NULL,
        event_id uuid NOT NULL
      )`);
    await db.query(`CREATE INDEX sales_team_member_manager_idx ON analytics.sales_team_member (manager_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE analytics.sales_team_member`);
  }
}
