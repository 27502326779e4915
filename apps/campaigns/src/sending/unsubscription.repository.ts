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
