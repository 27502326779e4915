import { MigrationInterface, QueryRunner } from 'typeorm';

/** Sales users' own settings; a user without a row works in Asia/Shanghai (see preferences/). */
export class CreateUserPreferences1796052000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE sales.user_preference (
      user_id text PRIMARY KEY,
      time_zone text NOT NULL,
      updated_at timestamptz NOT NULL
    )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE sales.user_preference`);
  }
}
