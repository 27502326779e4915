import { MigrationInterface, QueryRunner } from 'typeorm';

/** Consent to website tracking is one more channel of the consent table (ADR 0055). */
export class WebConsentChannel1796240000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE customer_master.consent DROP CONSTRAINT consent_channel_check`);
    await db.query(
      `ALTER TABLE customer_master.consent
         ADD CONSTRAINT consent_channel_check CHECK (channel IN ('phone', 'sms', 'email', 'web'))`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM customer_master.consent WHERE channel = 'web'`);
    await db.query(`ALTER TABLE customer_master.consent DROP CONSTRAINT consent_channel_check`);
    await db.query(
      `ALTER TABLE customer_master.consent
         ADD CONSTRAINT consent_channel_check CHECK (channel IN ('phone', 'sms', 'email'))`,
    );
  }
}
