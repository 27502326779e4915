import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The channels a customer consents to, kept on the customer row beside `customer_consent` (ADR 0060), filled from
 * the granted consents campaigns already holds.
 */
export class CustomerConsentedChannels1796270020002 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `ALTER TABLE campaigns.customer ADD COLUMN consented_channels text[] NOT NULL DEFAULT '{}'`,
    );
    await db.query(`
      UPDATE campaigns.customer c SET consented_channels = granted.channels
        FROM (SELECT customer_id, array_agg(channel ORDER BY channel) AS channels
                FROM campaigns.customer_consent WHERE granted GROUP BY customer_id) granted
       WHERE granted.customer_id = c.id`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE campaigns.customer DROP COLUMN consented_channels`);
  }
}
