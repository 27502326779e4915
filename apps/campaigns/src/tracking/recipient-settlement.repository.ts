import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CampaignChannel, ConversionKind, RecipientGroup } from '@crm/contracts';
import { measuredRecipients } from './measured-recipients-sql';

export interface RecipientKeys {
  campaignId: string;
  channel: CampaignChannel;
  steps: number[];
  customerIds: string[];
}

/** What one recipient did in their attribution window, final once it closed. */
export interface SettledRecipient {
  customerId: string;
  step: number;
  group: RecipientGroup;
  delivered: boolean;
  opened: boolean;
  clicked: boolean;
  responded: boolean;
  converted: boolean;
  conversionKind: ConversionKind | null;
  conversionAmount: number | null;
  windowClosedAt: Date;
}

/** The window's end per recipient row `r` of campaign `k`, as measured-recipients-sql.ts has it. */
const WINDOW_END = `COALESCE(r.sent_at, k.frozen_at) + make_interval(days => k.attribution_days)`;
/** No recipient's window ends before the freeze's: campaigns still inside it are passed over by their index. */
const EARLIEST_WINDOW_END = `k.frozen_at + make_interval(days => k.attribution_days)`;

/** Owns `campaign_recipient.settled_at`: which recipients' windows closed and were published. */
@Injectable()
export class RecipientSettlementRepository {
  /**
   * Marks settled, now, up to `limit` recipients whose window closed and who were not settled yet, skipping rows
   * another settler holds; returns them by campaign. Only final rows (sent, failed, held out) have a window.
   */
  async claimClosed(tx: EntityManager, now: Date, limit: number): Promise<RecipientKeys[]> {
    return tx.query(
      `WITH due AS (
         SELECT r.campaign_id, k.channel, r.step, r.customer_id
           FROM campaigns.campaign_recipient r JOIN campaigns.campaign k ON k.id = r.campaign_id
          WHERE r.settled_at IS NULL AND r.status IN ('sent', 'failed', 'holdout') AND ${WINDOW_END} <= $1
            AND ${EARLIEST_WINDOW_END} <= $1
          LIMIT $2 FOR UPDATE OF r SKIP LOCKED),
       settled AS (
         UPDATE campaigns.campaign_recipient r SET settled_at = $1 FROM due
          WHERE r.campaign_id = due.campaign_id AND r.step = due.step AND r.customer_id = due.customer_id
         RETURNING r.campaign_id, due.channel, r.step, r.customer_id)
       SELECT campaign_id AS "campaignId", channel, array_agg(step::int) AS steps,
              array_agg(customer_id) AS "customerIds"
         FROM settled GROUP BY campaign_id, channel`,
      [now, limit],
    );
  }

  /** The claimed recipients of one campaign, measured as the campaign's results measure them. */
  async measure(tx: EntityManager, keys: RecipientKeys): Promise<SettledRecipient[]> {
    const rows: Array<SettledRecipient & { conversionAmount: string | null }> = await tx.query(
      `${measuredRecipients('(r.step, r.customer_id) IN (SELECT * FROM unnest($2::smallint[], $3::uuid[]))')}
       SELECT customer_id AS "customerId", step::int, grp AS "group", delivered, opened, clicked,
              (opened OR clicked OR replied OR converted) AS responded, converted,
              conversion_kind AS "conversionKind", order_amount AS "conversionAmount", until AS "windowClosedAt"
         FROM x`,
      [keys.campaignId, keys.steps, keys.customerIds],
    );
    return rows.map((row) => ({
      ...row,
      conversionAmount: row.conversionAmount === null ? null : Number(row.conversionAmount),
    }));
  }
}
