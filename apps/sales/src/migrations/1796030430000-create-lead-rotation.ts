import { MigrationInterface, QueryRunner } from 'typeorm';

/** Round-robin turns per team: the row is locked while a lead is handed out, so captures queue fairly. */
export class CreateLeadRotation1796030430000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE sales.lead_rotation (
        manager_id text PRIMARY KEY REFERENCES sales.sales_user (user_id),
        last_user_id text,
        turns bigint NOT NULL DEFAULT 0
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE sales.lead_rotation`);
  }
}
