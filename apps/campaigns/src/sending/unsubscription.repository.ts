import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { UnsubscribeClaim } from './unsubscribe-token';

@Injectable()
export class UnsubscriptionRepository {
  /** Whether this campaign step was sent (or tried) to this customer: a link only ever goes to a recipient. */
  async wasRecipient(tx: EntityManager, claim: UnsubscribeClaim): Promise<boolean> {
    const rows = await tx.query(
      `SELECT 1 FROM campaigns.campaign_recipient WHERE campaign_id = $1 AND customer_id = $2 LIMIT 1`,
      [claim.campaignId, claim.customerId],
    );
    return rows.length > 0;
  }

  /**
   * Who an SMS from `phones` answers: per customer holding one of those numbers, the SMS campaign last sent to them.
   */
  async lastSmsCampaignsTo(tx: EntityManager, phones: string[]): Promise<UnsubscribeClaim[]> {
    return tx.query(
      `SELECT DISTINCT ON (r.customer_id) r.campaign_id AS "campaignId", r.customer_id AS "customerId",
              m.channel
         FROM campaigns.customer c
         JOIN campaigns.campaign_recipient r ON r.customer_id = c.id AND r.status = 'sent'
         JOIN campaigns.campaign m ON m.id = r.campaign_id AND m.channel = 'sms'
        WHERE c.phones && $1::text[]
        ORDER BY r.customer_id, r.sent_at DESC`,
      [phones],
    );
  }

  /** Resolves false when this opt-out was recorded already (a mail client may post twice). */
  async record(tx: EntityManager, claim: UnsubscribeClaim, at: Date): Promise<boolean> {
    const rows = await tx.query(
      `INSERT INTO campaigns.unsubscription (campaign_id, customer_id, channel, at) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING 1`,
      [claim.campaignId, claim.customerId, claim.channel, at],
    );
    return rows.length > 0;
  }
}
