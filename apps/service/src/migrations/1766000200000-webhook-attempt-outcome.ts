import { MigrationInterface, QueryRunner } from 'typeorm';

/** A webhook attempt is written before the POST and completed after it; one never completed has an unknown outcome. */
export class ServiceWebhookAttemptOutcome1766000200000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE service.webhook_attempt
      ALTER COLUMN duration_ms DROP NOT NULL,
      ADD COLUMN outcome_known boolean NOT NULL DEFAULT true`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM service.webhook_attempt WHERE NOT outcome_known`);
    await db.query(
      `ALTER TABLE service.webhook_attempt DROP COLUMN outcome_known, ALTER COLUMN duration_ms SET NOT NULL`,
    );
  }
}
