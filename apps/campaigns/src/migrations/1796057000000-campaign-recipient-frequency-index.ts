import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The frequency cap counts a customer's messages sent (or being sent) within a rolling window, across campaigns:
 * an index on the customer's rows that carry a send time keeps that a lookup, not a scan of every recipient.
 */
export class CampaignRecipientFrequencyIndex1796057000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(
      `CREATE INDEX campaign_recipient_sent_by_customer_idx ON campaigns.campaign_recipient (customer_id, sent_at)
        WHERE sent_at IS NOT NULL`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX campaigns.campaign_recipient_sent_by_customer_idx`);
  }
}
