import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CampaignChannel } from '@crm/contracts';

/** A campaign a customer was frozen into, and their call-center answer to it if any. */
export interface CustomerCampaign {
  campaignId: string;
  name: string;
  channel: CampaignChannel;
  /** Null when the customer was held out or the message is not sent yet. */
  sentAt: string | null;
  reply: { outcome: string | null; at: string } | null;
}

const RECENT_CAMPAIGNS = 20;

/** The campaigns that reached one customer, for the agent who talks to them. */
@Injectable()
export class CustomerCampaignsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async recentFor(customerId: string): Promise<CustomerCampaign[]> {
    const rows = await this.dataSource.query(
      `SELECT c.id AS "campaignId", c.name, c.channel, r.sent_at AS "sentAt",
              reply.detail AS "replyOutcome", reply.last_at AS "repliedAt"
         FROM (SELECT campaign_id, max(sent_at) AS sent_at FROM campaigns.campaign_recipient
                WHERE customer_id = $1 GROUP BY campaign_id) r
         JOIN campaigns.campaign c ON c.id = r.campaign_id
         LEFT JOIN campaigns.campaign_response reply
           ON reply.campaign_id = r.campaign_id AND reply.customer_id = $1 AND reply.kind = 'replied'
        ORDER BY coalesce(r.sent_at, c.send_at) DESC NULLS LAST, c.id
        LIMIT ${RECENT_CAMPAIGNS}`,
      [customerId],
    );
    return rows.map(
      (
        row: Omit<CustomerCampaign, 'sentAt' | 'reply'> & {
          sentAt: Date | null;
          replyOutcome: string | null;
          repliedAt: Date | null;
        },
      ) => ({
        campaignId: row.campaignId,
        name: row.name,
        channel: row.channel,
        sentAt: row.sentAt?.toISOString() ?? null,
        reply: row.repliedAt ? { outcome: row.replyOutcome, at: row.repliedAt.toISOString() } : null,
      }),
    );
  }
}
