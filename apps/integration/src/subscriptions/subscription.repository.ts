import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Subscription, SubscriptionFilters, SubscriptionScope } from './subscription';

export interface NewSubscription {
  subscriptionId: string;
  ownerId: string;
  partnerId: string | null;
  url: string;
  eventTypes: string[];
  filters: SubscriptionFilters;
  secret: string;
  createdBy: string;
  createdAt: Date;
}

/** A subscription that wants an event: where its delivery goes. */
export interface Subscriber extends SubscriptionScope {
  subscriptionId: string;
}

/** After an attempt: whether the subscriber is healthy again, or how long it has failed. */
export interface SubscriberHealth {
  consecutiveFailures: number;
  failingSince: Date | null;
  status: Subscription['status'];
}

interface SubscriptionRow {
  id: string;
  owner_id: string;
  partner_id: string | null;
  url: string;
  event_types: string[];
  filters: SubscriptionFilters;
  status: Subscription['status'];
  consecutive_failures: number;
  failing_since: Date | null;
  paused_at: Date | null;
  pause_reason: string | null;
  created_by: string;
  created_at: Date;
}

const COLUMNS = `id, owner_id, partner_id, url, event_types, filters, status, consecutive_failures, failing_since,
  paused_at, pause_reason, created_by, created_at`;

@Injectable()
export class SubscriptionRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(s: NewSubscription): Promise<Subscription> {
    const [row] = await this.dataSource.query(
      `INSERT INTO integration.subscription (id, owner_id, partner_id, url, event_types, filters, secret, status,
         created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, 'active', $8, $9) RETURNING ${COLUMNS}`,
      [
        s.subscriptionId,
        s.ownerId,
        s.partnerId,
        s.url,
        s.eventTypes,
        JSON.stringify(s.filters),
        s.secret,
        s.createdBy,
        s.createdAt,
      ],
    );
    return toSubscription(row);
  }

  async findById(id: string): Promise<Subscription | null> {
    const rows: SubscriptionRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM integration.subscription WHERE id = $1`,
      [id],
    );
    return rows[0] ? toSubscription(rows[0]) : null;
  }

  async isPartners(id: string, partnerId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `SELECT 1 FROM integration.subscription WHERE id = $1 AND partner_id = $2`,
      [id, partnerId],
    );
    return rows.length > 0;
  }

  /** Every subscription, or a partner's own. */
  /** A partner's subscriptions, a system client's own (by owner), or all (both null). */
  async list(partnerId: string | null, ownerId: string | null = null): Promise<Subscription[]> {
    const rows: SubscriptionRow[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM integration.subscription
        WHERE ($1::uuid IS NULL OR partner_id = $1) AND ($2::text IS NULL OR owner_id = $2)
        ORDER BY created_at, id`,
      [partnerId, ownerId],
    );
    return rows.map(toSubscription);
  }

  async setSecret(id: string, secret: string): Promise<void> {
    await this.dataSource.query(`UPDATE integration.subscription SET secret = $2 WHERE id = $1`, [
      id,
      secret,
    ]);
  }

  /** Subscriptions (active or paused: a paused one keeps its events for later) asking for a type, locked against a pause. */
  async subscribersOf(tx: EntityManager, type: string): Promise<Subscriber[]> {
    const rows: Pick<SubscriptionRow, 'id' | 'partner_id' | 'event_types' | 'filters'>[] = await tx.query(
      `SELECT id, partner_id, event_types, filters FROM integration.subscription WHERE event_types @> ARRAY[$1]`,
      [type],
    );
    return rows.map((r) => ({
      subscriptionId: r.id,
      partnerId: r.partner_id,
      eventTypes: r.event_types,
      filters: r.filters,
    }));
  }

  /** A delivered attempt makes the subscriber healthy; a failed one counts, from the first failure of the run. */
  async recordAttempt(
    tx: EntityManager,
    id: string,
    delivered: boolean,
    at: Date,
  ): Promise<SubscriberHealth> {
    const [rows] = await tx.query(
      `UPDATE integration.subscription SET
         consecutive_failures = CASE WHEN $2 THEN 0 ELSE consecutive_failures + 1 END,
         failing_since = CASE WHEN $2 THEN NULL ELSE coalesce(failing_since, $3) END
       WHERE id = $1 RETURNING consecutive_failures, failing_since, status`,
      [id, delivered, at],
    );
    const row = rows[0] as Pick<SubscriptionRow, 'consecutive_failures' | 'failing_since' | 'status'>;
    return {
      consecutiveFailures: row.consecutive_failures,
      failingSince: row.failing_since,
      status: row.status,
    };
  }

  async pause(tx: EntityManager, id: string, at: Date, reason: string | null): Promise<Subscription> {
    const [rows] = await tx.query(
      `UPDATE integration.subscription SET status = 'paused', paused_at = $2, pause_reason = $3 WHERE id = $1
       RETURNING ${COLUMNS}`,
      [id, at, reason],
    );
    return toSubscription(rows[0]);
  }

  async resume(tx: EntityManager, id: string): Promise<void> {
    await tx.query(
      `UPDATE integration.subscription SET status = 'active', paused_at = NULL, pause_reason = NULL,
         consecutive_failures = 0, failing_since = NULL WHERE id = $1`,
      [id],
    );
  }

  async delete(id: string): Promise<void> {
    await this.dataSource.query(`DELETE FROM integration.subscription WHERE id = $1`, [id]);
  }
}

function toSubscription(r: SubscriptionRow): Subscription {
  return {
    subscriptionId: r.id,
    ownerId: r.owner_id,
    partnerId: r.partner_id,
    url: r.url,
    eventTypes: r.event_types,
    filters: r.filters,
    status: r.status,
    consecutiveFailures: r.consecutive_failures,
    failingSince: r.failing_since?.toISOString() ?? null,
    pausedAt: r.paused_at?.toISOString() ?? null,
    pauseReason: r.pause_reason,
    createdBy: r.created_by,
    createdAt: r.created_at.toISOString(),
  };
}
