import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Campaign, CampaignStatus } from './campaign';

const COLUMNS = `id, name, channel, objective, targeting, segment_id AS "segmentId", template, send_at AS "sendAt", schedule, status,
  holdout_percent AS "holdoutPercent", attribution_days AS "attributionDays", created_by AS "createdBy",
  created_at AS "createdAt", updated_at AS "updatedAt", sent_at AS "sentAt"`;

type CampaignRow = Omit<Campaign, 'sendAt' | 'createdAt' | 'updatedAt' | 'sentAt'> &
  Record<'sendAt' | 'createdAt' | 'updatedAt' | 'sentAt', Date | string | null>;

@Injectable()
export class CampaignRepository {
  async insert(tx: EntityManager, campaign: Campaign): Promise<void> {
    await tx.query(
      `INSERT INTO campaigns.campaign (id, name, channel, segment_id, template, send_at, status, created_by,
         created_at, updated_at, schedule, holdout_percent, attribution_days, objective, targeting)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)`,
      [
        campaign.id,
        campaign.name,
        campaign.channel,
        campaign.segmentId,
        JSON.stringify(campaign.template),
        campaign.sendAt,
        campaign.status,
        campaign.createdBy,
        campaign.createdAt,
        campaign.updatedAt,
        jsonOrNull(campaign.schedule),
        campaign.holdoutPercent,
        campaign.attributionDays,
        campaign.objective,
        jsonOrNull(campaign.targeting),
      ],
    );
  }

  async update(tx: EntityManager, campaign: Campaign): Promise<void> {
    await tx.query(
      `UPDATE campaigns.campaign SET name = $2, segment_id = $3, template = $4, send_at = $5, status = $6,
         updated_at = $7, schedule = $8, holdout_percent = $9, attribution_days = $10, objective = $11,
         targeting = $12 WHERE id = $1`,
      [
        campaign.id,
        campaign.name,
        campaign.segmentId,
        JSON.stringify(campaign.template),
        campaign.sendAt,
        campaign.status,
        campaign.updatedAt,
        jsonOrNull(campaign.schedule),
        campaign.holdoutPercent,
        campaign.attributionDays,
        campaign.objective,
        jsonOrNull(campaign.targeting),
      ],
    );
  }

  /** With `lock`, holds the row until the transaction ends, so two changes of one campaign take turns. */
  async find(tx: EntityManager, id: string, lock = false): Promise<Campaign | null> {
    const [row] = await tx.query(
      `SELECT ${COLUMNS} FROM campaigns.campaign WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [id],
    );
    return row ? toCampaign(row) : null;
  }

  async list(tx: EntityManager, limit: number, offset: number, status?: CampaignStatus): Promise<Campaign[]> {
    const rows = await tx.query(
      `SELECT ${COLUMNS} FROM campaigns.campaign WHERE ($3::text IS NULL OR status = $3)
        ORDER BY created_at DESC, id LIMIT $1 OFFSET $2`,
      [limit, offset, status ?? null],
    );
    return rows.map(toCampaign);
  }

  /** One-off scheduled campaigns whose time has come, oldest first. */
  async listDue(tx: EntityManager, now: Date, limit: number): Promise<Campaign[]> {
    const rows = await tx.query(
      `SELECT ${COLUMNS} FROM campaigns.campaign WHERE status = 'scheduled' AND send_at <= $1
          AND schedule IS NULL ORDER BY send_at LIMIT $2`,
      [now, limit],
    );
    return rows.map(toCampaign);
  }

  /** Recurring and triggered campaigns active at `now` (scheduled from a time passed, not cancelled). */
  async listActiveRepeating(tx: EntityManager, now: Date): Promise<Campaign[]> {
    const rows = await tx.query(
      `SELECT ${COLUMNS} FROM campaigns.campaign WHERE status = 'scheduled' AND send_at <= $1
          AND schedule IS NOT NULL ORDER BY send_at`,
      [now],
    );
    return rows.map(toCampaign);
  }

  /** Locks a campaign still scheduled and due for this transaction; false when another replica has it or did it. */
  async claimIfDue(tx: EntityManager, id: string, now: Date): Promise<boolean> {
    const rows = await tx.query(
      `SELECT 1 FROM campaigns.campaign WHERE id = $1 AND status = 'scheduled' AND send_at <= $2
        FOR UPDATE SKIP LOCKED`,
      [id, now],
    );
    return rows.length > 0;
  }

  async markSending(tx: EntityManager, id: string, at: Date): Promise<void> {
    await tx.query(
      `UPDATE campaigns.campaign SET status = 'sending', frozen_at = $2, updated_at = $2 WHERE id = $1`,
      [id, at],
    );
  }

  /** Sending campaigns none of whose recipients is still waiting, claimed so one replica closes each. */
  async claimFinished(tx: EntityManager, limit: number): Promise<Campaign[]> {
    const rows = await tx.query(
      `SELECT ${COLUMNS} FROM campaigns.campaign k WHERE status = 'sending' AND NOT EXISTS (
         SELECT 1 FROM campaigns.campaign_recipient r
          WHERE r.campaign_id = k.id AND r.status IN ('queued', 'sending'))
        LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [limit],
    );
    return rows.map(toCampaign);
  }

  async markSent(tx: EntityManager, id: string, at: Date): Promise<void> {
    await tx.query(
      `UPDATE campaigns.campaign SET status = 'sent', sent_at = $2, updated_at = $2 WHERE id = $1`,
      [id, at],
    );
  }
}

/** SQL NULL for a one-off campaign (or no targeting), not the JSON null, so `IS NULL` tells them apart. */
const jsonOrNull = (value: unknown) => (value === null ? null : JSON.stringify(value));

const iso = (value: Date | string | null) => (value === null ? null : new Date(value).toISOString());

function toCampaign(row: CampaignRow): Campaign {
  return {
    ...row,
    sendAt: iso(row.sendAt),
    createdAt: iso(row.createdAt) as string,
    updatedAt: iso(row.updatedAt) as string,
    sentAt: iso(row.sentAt),
  };
}
