import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Cancellations from a DMS (ADR 0054): when a record was cancelled (it stays mapped, so its DMS id is not reused),
 * and the order an invoice or payment belongs to (their cancellation is published on the order's stream).
 */
export class AddExternalRefCancellation1796230000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE integration.external_ref ADD COLUMN cancelled_at timestamptz`);
    await db.query(`ALTER TABLE integration.external_ref ADD COLUMN parent_crm_id uuid`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE integration.external_ref DROP COLUMN cancelled_at, DROP COLUMN parent_crm_id`,
    );
  }
}
