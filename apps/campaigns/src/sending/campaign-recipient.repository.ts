import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { CampaignChannel, RecipientSkipReason } from '@crm/contracts';
import { RecordedAttempt, StartedAttempt } from '@crm/messaging';
import { SegmentSql } from '../segments/segment-sql';
import { CampaignProgress, progressFrom } from './campaign-progress';
import {
  DueRecipient,
  RecipientKey,
  RecipientOutcome,
  RecipientStatus,
  RecipientStatuses,
} from './recipient';

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
/** `campaign_recipient r` joined to rows `a` unnested from the key columns of keyColumns. */
const KEY_JOIN = `r.campaign_id = a.campaign_id AND r.step = a.step AND r.customer_id = a.customer_id`;

const keyColumns = (keys: RecipientKey[]) => [
  keys.map((key) => key.campaignId),
  keys.map((key) => key.step),
  keys.map((key) => key.customerId),
];

function statusAfter(outcome: RecordedAttempt<RecipientOutcome>): RecipientStatus {
  if (outcome.skipped) return RecipientStatuses.skipped;
  if (outcome.delivered) return RecipientStatuses.sent;
  return outcome.nextAttemptAt ? RecipientStatuses.queued : RecipientStatuses.failed;
}

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
              m.channel, m.template, c.name, c.city, c.preferred_language AS language,
              ${addressOnChannelOf('m')} AS address,
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

  /**
   * Counts each attempt before it is made and renews its lease, so a sender that keeps dying gives up in time; one
   * statement for the attempts a batch begins together.
   */
  async beginAttempts(attempts: { key: RecipientKey; attempt: StartedAttempt }[]): Promise<void> {
    await this.dataSource.query(
      `UPDATE campaigns.campaign_recipient r SET attempts = a.attempt, next_attempt_at = a.lease_until
         FROM unnest($1::uuid[], $2::smallint[], $3::uuid[], $4::int[], $5::timestamptz[])
              AS a(campaign_id, step, customer_id, attempt, lease_until)
        WHERE ${KEY_JOIN} AND r.status = 'sending'`,
      [
        ...keyColumns(attempts.map((a) => a.key)),
        attempts.map((a) => a.attempt.attempt),
        attempts.map((a) => a.attempt.leaseUntil),
      ],
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

  /** Each attempt's outcome, one statement for the outcomes that arrive together. */
  async recordAll(
    outcomes: { key: RecipientKey; outcome: RecordedAttempt<RecipientOutcome> }[],
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE campaigns.campaign_recipient r SET status = a.status, skip_reason = a.skip_reason,
         next_attempt_at = a.next_attempt_at, last_error = a.last_error,
         sent_at = CASE WHEN a.status = 'sent' THEN a.at END
         FROM unnest($1::uuid[], $2::smallint[], $3::uuid[], $4::text[], $5::text[], $6::timestamptz[], $7::text[],
                     $8::timestamptz[]) AS a(campaign_id, step, customer_id, status, skip_reason, next_attempt_at,
                     last_error, at)
        WHERE ${KEY_JOIN} AND r.status = 'sending'`,
      [
        ...keyColumns(outcomes.map((o) => o.key)),
        outcomes.map((o) => statusAfter(o.outcome)),
        outcomes.map((o) => o.outcome.skipped),
        outcomes.map((o) => o.outcome.nextAttemptAt),
        outcomes.map((o) => o.outcome.error),
        outcomes.map((o) => o.outcome.at),
      ],
    );
  }

  /**
   * Refreshes the planner's statistics of the table: a sent campaign has just moved thousands of rows from queued to
   * sent, and its results query joins on them next (autovacuum's analyze may come minutes later).
   */
  async refreshStatistics(): Promise<void> {
    await this.dataSource.query(`ANALYZE campaigns.campaign_recipient`);
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
