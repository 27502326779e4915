import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CampaignChannel, RecipientSkipReason } from '@crm/contracts';
import { RecordedAttempt, StartedAttempt } from '@crm/messaging';
import { SegmentSql } from '../segments/segment-sql';
import { CampaignProgress, progressFrom } from './campaign-progress';
import { DueRecipient, RecipientKey, RecipientOutcome } from './recipient';

/** The SQL for a customer's address on each channel (over `campaigns.customer c`). */
const ADDRESS_ON: Record<CampaignChannel, string> = { email: 'c.emails[1]', sms: 'c.phones[1]' };

const addressOnChannelOf = (campaign: string) =>
  `CASE ${campaign}.channel ${Object.entries(ADDRESS_ON)
    .map(([channel, address]) => `WHEN '${channel}' THEN ${address}`)
    .join(' ')} END`;

const consentedOn = (channel: string) =>
  `EXISTS (SELECT 1 FROM campaigns.customer_consent g
            WHERE g.customer_id = c.id AND g.channel = ${channel} AND g.granted)`;

/**
 * Whether a customer falls in a campaign's holdout: the first 32 bits of md5(campaign id, customer id) as a fraction
 * of 2^32 below the share. Deterministic (a second freeze picks the same people) and independent of any attribute.
 */
const inHoldout = (campaign: string, percent: string) =>
  `(('x' || left(md5(${campaign}::uuid::text || c.id::text), 8))::bit(32)::bigint / 4294967296.0 < ${percent}::int / 100.0)`;

const KEY_MATCH = `campaign_id = $1 AND step = $2 AND customer_id = $3`;

/** Owns `campaign_recipient`: the frozen membership of each campaign step and where each send stands. */
@Injectable()
export class CampaignRecipientRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Freezes the segment's members now into one row each: queued, or skipped with a reason when they gave no consent
   * on the channel or have no address on it, or held out (the control group) when the campaign keeps one.
   * Idempotent: a second freeze adds nobody twice.
   */
  async freeze(
    tx: EntityManager,
    step: Omit<RecipientKey, 'customerId'> & { channel: CampaignChannel; holdoutPercent: number },
    members: SegmentSql,
    now: Date,
  ): Promise<number> {
    const at = members.params.length;
    const [row] = await tx.query(
      `WITH frozen AS (
       INSERT INTO campaigns.campaign_recipient (campaign_id, step, customer_id, status, skip_reason, next_attempt_at)
       SELECT $${at + 1}, $${at + 2}, c.id,
              CASE WHEN s.reason IS NOT NULL THEN 'skipped'
                   WHEN ${inHoldout(`$${at + 1}`, `$${at + 5}`)} THEN 'holdout' ELSE 'queued' END,
              s.reason, $${at + 4}
         FROM campaigns.customer c
        CROSS JOIN LATERAL (SELECT CASE
              WHEN NOT ${consentedOn(`$${at + 3}`)} THEN 'no_consent'
              WHEN ${ADDRESS_ON[step.channel]} IS NULL THEN 'no_address' END AS reason) s
        WHERE ${members.where}
       ON CONFLICT DO NOTHING RETURNING 1)
       SELECT count(*)::int AS count FROM frozen`,
      [...members.params, step.campaignId, step.step, step.channel, now, step.holdoutPercent],
    );
    return row.count;
  }

  /**
   * Claims due recipients (queued, or sending with a lapsed lease) by marking them sending until `leaseUntil`, in one
   * statement with SKIP LOCKED: two senders never hold the same row. Each comes with what the send needs, read now.
   */
  async claimDue(now: Date, leaseUntil: Date, limit: number): Promise<DueRecipient[]> {
    return this.dataSource.query(
      `WITH claimed AS (
         UPDATE campaigns.campaign_recipient r SET status = 'sending', next_attempt_at = $2
          WHERE (r.campaign_id, r.step, r.customer_id) IN (
            SELECT campaign_id, step, customer_id FROM campaigns.campaign_recipient
             WHERE status IN ('queued', 'sending') AND next_attempt_at <= $1
             ORDER BY next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED)
         RETURNING r.campaign_id, r.step, r.customer_id, r.attempts)
       SELECT k.campaign_id AS "campaignId", k.step, k.customer_id AS "customerId", k.attempts,
              m.channel, m.template, c.name, c.city, ${addressOnChannelOf('m')} AS address,
              (SELECT v.model FROM campaigns.vehicle v WHERE v.owner_customer_id = k.customer_id
                ORDER BY v.purchase_date DESC NULLS LAST LIMIT 1) AS model,
              c.id IS NOT NULL AND ${consentedOn('m.channel')} AS consented,
              EXISTS (SELECT 1 FROM campaigns.erased_customer e WHERE e.customer_id = k.customer_id) AS erased
         FROM claimed k
         JOIN campaigns.campaign m ON m.id = k.campaign_id
         LEFT JOIN campaigns.customer c ON c.id = k.customer_id`,
      [now, leaseUntil, limit],
    );
  }

  /** Counts the attempt before it is made and renews the lease, so a sender that keeps dying gives up in time. */
  async beginAttempt(key: RecipientKey, attempt: StartedAttempt): Promise<void> {
    await this.dataSource.query(
      `UPDATE campaigns.campaign_recipient SET attempts = $4, next_attempt_at = $5
        WHERE ${KEY_MATCH} AND status = 'sending'`,
      [key.campaignId, key.step, key.customerId, attempt.attempt, attempt.leaseUntil],
    );
  }

  /** Queues it again for `until` (the end of quiet hours), the attempt begun for it not counted. */
  async defer(key: RecipientKey, until: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE campaigns.campaign_recipient SET status = 'queued', next_attempt_at = $4, attempts = attempts - 1
        WHERE ${KEY_MATCH} AND status = 'sending'`,
      [key.campaignId, key.step, key.customerId, until],
    );
  }

  async record(key: RecipientKey, outcome: RecordedAttempt<RecipientOutcome>): Promise<void> {
    const status = outcome.skipped
      ? 'skipped'
      : outcome.delivered
        ? 'sent'
        : outcome.nextAttemptAt
          ? 'queued'
          : 'failed';
    await this.dataSource.query(
      `UPDATE campaigns.campaign_recipient SET status = $4, skip_reason = $5, next_attempt_at = $6, last_error = $7,
         sent_at = CASE WHEN $4 = 'sent' THEN $8::timestamptz END
        WHERE ${KEY_MATCH} AND status = 'sending'`,
      [
        key.campaignId,
        key.step,
        key.customerId,
        status,
        outcome.skipped,
        outcome.nextAttemptAt,
        outcome.error,
        outcome.at,
      ],
    );
  }

  async progress(tx: EntityManager, campaignId: string): Promise<CampaignProgress> {
    const rows: { status: string; reason: RecipientSkipReason | null; count: number }[] = await tx.query(
      `SELECT status, skip_reason AS reason, count(*)::int AS count FROM campaigns.campaign_recipient
        WHERE campaign_id = $1 GROUP BY status, skip_reason`,
      [campaignId],
    );
    return progressFrom(rows);
  }
}
