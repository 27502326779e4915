import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Campaign } from '../campaigns/campaign';
import { CampaignResponse } from './campaign-response';

/** Owns `campaign_response`: one row per campaign, customer and kind of response. */
@Injectable()
export class CampaignResponseRepository {
  /**
   * The first response of its kind inserts; a repeat only counts up and moves `last_at`. A late response of an erased
   * person still counts, without its detail.
   */
  async record(tx: EntityManager, response: CampaignResponse): Promise<void> {
    await tx.query(
      `INSERT INTO campaigns.campaign_response (campaign_id, customer_id, kind, first_at, last_at, detail)
       SELECT $1, $2, $3, $4, $4,
              CASE WHEN EXISTS (SELECT 1 FROM campaigns.erased_customer e WHERE e.customer_id = $2) THEN NULL ELSE $5 END
       ON CONFLICT (campaign_id, customer_id, kind) DO UPDATE
         SET times = campaign_response.times + 1, last_at = greatest(campaign_response.last_at, EXCLUDED.last_at)`,
      [response.campaignId, response.customerId, response.kind, response.at, response.detail],
    );
  }

  /** An erased person's responses keep counting for the campaigns' results, their detail (reply text, link) goes. */
  async scrubDetails(tx: EntityManager, customerId: string): Promise<void> {
    await tx.query(`UPDATE campaigns.campaign_response SET detail = NULL WHERE customer_id = $1`, [
      customerId,
    ]);
  }

  /** Whether the campaign was sent to this customer: only a real recipient's open or click counts. */
  async wasSentTo(tx: EntityManager, campaignId: string, customerId: string): Promise<boolean> {
    const rows = await tx.query(
      `SELECT 1 FROM campaigns.campaign_recipient WHERE campaign_id = $1 AND customer_id = $2 AND status = 'sent'
        LIMIT 1`,
      [campaignId, customerId],
    );
    return rows.length > 0;
  }

  /** Whether the customer was frozen into the campaign at all (sent or held out). */
  async wasFrozenFor(tx: EntityManager, campaignId: string, customerId: string): Promise<boolean> {
    const rows = await tx.query(
      `SELECT 1 FROM campaigns.campaign_recipient WHERE campaign_id = $1 AND customer_id = $2 LIMIT 1`,
      [campaignId, customerId],
    );
    return rows.length > 0;
  }

  async findCampaign(tx: EntityManager, campaignId: string): Promise<Pick<Campaign, 'template'> | null> {
    const [row] = await tx.query(`SELECT template FROM campaigns.campaign WHERE id = $1`, [campaignId]);
    return row ?? null;
  }
}
