import { MigrationInterface, QueryRunner } from 'typeorm';

/** Each sales user's in-app inbox; partner_id is the dealer of the record it is about, for dealers' scoping. */
export class CreateSalesNotifications1796030320000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE sales.sales_notification (
        id uuid PRIMARY KEY,
        recipient_id text NOT NULL,
        kind text NOT NULL,
        title text NOT NULL,
        body text NOT NULL,
        record_type text NOT NULL,
        record_id uuid NOT NULL,
        partner_id uuid,
        created_at timestamptz NOT NULL,
        read_at timestamptz
      )`);
    await db.query(
      `CREATE INDEX sales_notification_inbox_idx
         ON sales.sales_notification (recipient_id, (read_at IS NULL) DESC, created_at DESC)`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE sales.sales_notification`);
  }
}
