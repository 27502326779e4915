import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { WebhookAttemptLog, WebhookTables } from '@crm/webhooks';
import {
  DueSubscriptionDelivery,
  NewSubscriptionDelivery,
  SubscriptionDelivery,
} from './subscription-delivery';

const TABLES: WebhookTables = {
  deliveries: 'integration.subscription_delivery',
  attempts: 'integration.subscription_attempt',
};

interface DeliveryRow {
  id: string;
  event_id: string;
  event_type: string;
  occurred_at: Date;
  replayed: boolean;
  status: SubscriptionDelivery['status'];
  attempts: number;
  next_attempt_at: Date | null;
  last_http_status: number | null;
  last_error: string | null;
  created_at: Date;
  delivered_at: Date | null;
  history: SubscriptionDelivery['history'];
}

/** The subscriptions' outbox: deliveries written with the consumed event, sent in order per subscription. */
@Injectable()
export class SubscriptionDeliveryRepository {
  readonly attempts: WebhookAttemptLog;

  constructor(private readonly dataSource: DataSource) {
    this.attempts = new WebhookAttemptLog(dataSource, TABLES);
  }

  async insert(tx: EntityManager, deliveries: NewSubscriptionDelivery[], now: Date): Promise<void> {
    for (const d of deliveries)
      await tx.query(
        `INSERT INTO integration.subscription_delivery (id, subscription_id, event_id, event_type, occurred_at, replayed,
           body, status, next_attempt_at, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending', $8, $8)`,
        [d.deliveryId, d.subscriptionId, d.eventId, d.eventType, d.occurredAt, d.replayed, d.body, now],
      );
  }

  /**
   * Claims the oldest pending delivery of each active subscription, if it is due: one in flight per subscriber, so
   * its events arrive in the order they were consumed, and a paused subscriber's wait until it is resumed.
   */
  async claimDue(now: Date, leaseUntil: Date, limit: number): Promise<DueSubscriptionDelivery[]> {
    const [rows] = await this.dataSource.query(
      `WITH heads AS (
         SELECT DISTINCT ON (d.subscription_id) d.id, d.next_attempt_at
           FROM integration.subscription_delivery d
           JOIN integration.subscription s ON s.id = d.subscription_id AND s.status = 'active'
          WHERE d.status = 'pending'
          ORDER BY d.subscription_id, d.seq),
       due AS (SELECT id FROM heads WHERE next_attempt_at <= $1 ORDER BY next_attempt_at LIMIT $3)
       UPDATE integration.subscription_delivery d SET next_attempt_at = $2
         FROM due, integration.subscription s
        WHERE d.id = due.id AND s.id = d.subscription_id AND d.status = 'pending' AND d.next_attempt_at <= $1
       RETURNING d.id, d.event_id, d.subscription_id, s.url, d.body, d.attempts, s.secret`,
      [now, leaseUntil, limit],
    );
    return rows.map((r: Record<string, string | number>) => ({
      deliveryId: r.id,
      webhookId: r.event_id,
      subscriptionId: r.subscription_id,
      url: r.url,
      body: r.body,
      attempts: Number(r.attempts),
      secret: r.secret,
    }));
  }

  /** On resume: whatever waited is due now, still in its order. */
  async dueNow(tx: EntityManager, subscriptionId: string, now: Date): Promise<void> {
    await tx.query(
      `UPDATE integration.subscription_delivery SET next_attempt_at = $2
        WHERE subscription_id = $1 AND status = 'pending'`,
      [subscriptionId, now],
    );
  }

  async forSubscription(subscriptionId: string, limit: number): Promise<SubscriptionDelivery[]> {
    const rows: DeliveryRow[] = await this.dataSource.query(
      `SELECT d.id, d.event_id, d.event_type, d.occurred_at, d.replayed, d.status, d.attempts, d.next_attempt_at,
              d.last_http_status, d.last_error, d.created_at, d.delivered_at, ${this.attempts.historyColumn('d')}
         FROM integration.subscription_delivery d WHERE d.subscription_id = $1 ORDER BY d.seq DESC LIMIT $2`,
      [subscriptionId, limit],
    );
    return rows.map((r) => ({
      deliveryId: r.id,
      webhookId: r.event_id,
      eventType: r.event_type,
      occurredAt: r.occurred_at.toISOString(),
      replayed: r.replayed,
      status: r.status,
      attempts: r.attempts,
      nextAttemptAt: r.next_attempt_at?.toISOString() ?? null,
      lastHttpStatus: r.last_http_status,
      lastError: r.last_error,
      createdAt: r.created_at.toISOString(),
      deliveredAt: r.delivered_at?.toISOString() ?? null,
      history: r.history,
    }));
  }

  /** A forgotten customer: delivered or given-up bodies about them are emptied (the log keeps its metadata). */
  async eraseBodiesAbout(tx: EntityManager, customerId: string): Promise<void> {
    await tx.query(
      `UPDATE integration.subscription_delivery SET body = '{}' WHERE status <> 'pending' AND strpos(body, $1) > 0`,
      [customerId],
    );
  }
}
