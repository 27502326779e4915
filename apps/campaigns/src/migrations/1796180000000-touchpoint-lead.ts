import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A test drive logged on a lead that has no customer yet (sales names only the lead) waits with the lead's id and
 * no customer; the customer the lead's conversion names fills it, as it fills the lead itself (ADR 0046).
 */
export class TouchpointLead1796180000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE campaigns.customer_touchpoint ADD COLUMN lead_id uuid`);
    await db.query(
      `CREATE INDEX customer_touchpoint_waiting_lead_idx ON campaigns.customer_touchpoint (lead_id)
        WHERE customer_id IS NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX campaigns.customer_touchpoint_waiting_lead_idx`);
    await db.query(`ALTER TABLE campaigns.customer_touchpoint DROP COLUMN lead_id`);
  }
}
