import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When a recipient's attribution window closed and campaign.recipient-settled was published for them (ADR 0053):
 * set once, in the transaction that adds the event to the outbox. The index holds only the rows still to settle.
 */
export class CampaignRecipientSettled1796220000000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE campaigns.campaign_recipient ADD COLUMN settled_at timestamptz`);
    await db.query(
      `CREATE INDEX campaign_recipient_unsettled_idx ON campaigns.campaign_recipient (campaign_id)
        WHERE settled_at IS NULL AND status IN ('sent', 'failed', 'holdout')`,
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX campaigns.campaign_recipient_unsettled_idx`);
    await db.query(`ALTER TABLE campaigns.campaign_recipient DROP COLUMN settled_at`);
  }
}
