import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CampaignChannel } from '@crm/contracts';
import { FrequencyCap, windowStart } from './frequency-cap';
import { RecipientKey } from './recipient';

/**
 * Counts a customer's marketing messages per channel over `campaign_recipient`, across campaigns: rows sent, or being
 * sent, with a send time in the window. A send is counted (its `sent_at` written) before it goes out, under a lock per
 * customer and channel, so two senders cannot both take the last place under the cap.
 */
@Injectable()
export class FrequencyCapRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Takes a place under the cap for this send, if one is left: true when taken. A send that fails gives it back
   * (recording the failure clears `sent_at`); a sender that dies keeps it until its lease lapses and the row is sent.
   */
  reserve(key: RecipientKey, channel: CampaignChannel, cap: FrequencyCap, now: Date): Promise<boolean> {
    return this.dataSource.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [
        `campaigns.frequency-cap.${channel}.${key.customerId}`,
      ]);
      const [row] = await tx.query(
        `SELECT count(*)::int AS count FROM campaigns.campaign_recipient r
           JOIN campaigns.campaign m ON m.id = r.campaign_id
          WHERE r.customer_id = $1 AND r.sent_at > $2 AND r.status IN ('sent', 'sending') AND m.channel = $3
            AND (r.campaign_id, r.step) <> ($4, $5)`,
        [key.customerId, windowStart(cap, now), channel, key.campaignId, key.step],
      );
      if (row.count >= cap.messages) return false;
      await tx.query(
        `UPDATE campaigns.campaign_recipient SET sent_at = $4
          WHERE campaign_id = $1 AND step = $2 AND customer_id = $3 AND status = 'sending'`,
        [key.campaignId, key.step, key.customerId, now],
      );
      return true;
    });
  }
}
