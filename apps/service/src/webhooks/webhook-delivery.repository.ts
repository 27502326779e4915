import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DueDelivery, WebhookAttempt, WebhookAttemptRecord, WebhookDelivery } from './webhook-delivery';
import { StartedAttempt } from '@crm/messaging';

export interface NewDelivery {
  deliveryId: string;
  ticketId: string;
  stationId: string;
  url: string;
  body: string;
  createdAt: Date;
}

export interface AttemptOutcome extends WebhookAttempt {
  delivered: boolean;
  /** Null when no retry is left (or none is needed). */
  nextAttemptAt: Date | null;
}

interface DeliveryRow {
  id: string;
  ticket_id: string;
  station_id: string;
  url: string;
  status: WebhookDelivery['status'];
  attempts: number;
  next_attempt_at: Date | null;
  last_http_status: number | null;
  last_error: string | null;
  created_at: Date;
  delivered_at: Date | null;
  history: WebhookAttemptRecord[];
}

/** The webhook outbox: deliveries written with the routing, claimed and retried by the dispatcher. */
@Injectable()
export class WebhookDeliveryRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(tx: EntityManager, d: NewDelivery): Promise<void> {
    await tx.query(
      `INSERT INTO service.webhook_delivery (id, ticket_id, station_id, url, body, status, next_attempt_at, created_at)
       VALUES ($1, $2, $3, $4, $5, 'pending', $6, $6)`,
      [d.deliveryId, d.ticketId, d.stationId, d.url, d.body, d.createdAt],
    );
  }

  /** Claims due deliveries by pushing their next attempt past a lease, so another replica skips them. */
  async claimDue(now: Date, leaseUntil: Date, limit: number): Promise<DueDelivery[]> {
    const [rows] = await this.dataSource.query(
      `UPDATE service.webhook_delivery d SET next_attempt_at = $2 FROM service.station s
        WHERE s.id = d.station_id AND d.id IN (
          SELECT id FROM service.webhook_delivery WHERE status = 'pending' AND next_attempt_at <= $1
           ORDER BY next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED)
        RETURNING d.id, d.station_id, d.url, d.body, d.attempts, s.webhook_secret`,
      [now, leaseUntil, limit],
    );
    return rows.map((r: Record<string, string | number>) => ({
      deliveryId: r.id,
      stationId: r.station_id,
      url: r.url,
      body: r.body,
      attempts: Number(r.attempts),
      secret: r.webhook_secret,
    }));
  }

  /** Written before the POST: a crash mid-send leaves this attempt with an unknown outcome, retried after the lease. */
  async beginAttempt(deliveryId: string, started: StartedAttempt): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO service.webhook_attempt (delivery_id, attempt, at, outcome_known) VALUES ($1, $2, $3, false)`,
        [deliveryId, started.attempt, started.at],
      );
      await tx.query(
        `UPDATE service.webhook_delivery SET attempts = $2, next_attempt_at = $3 WHERE id = $1`,
        [deliveryId, started.attempt, started.leaseUntil],
      );
    });
  }

  async recordAttempt(deliveryId: string, o: AttemptOutcome): Promise<void> {
    const status = o.delivered ? 'delivered' : o.nextAttemptAt ? 'pending' : 'failed';
    await this.dataSource.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO service.webhook_attempt (delivery_id, attempt, at, http_status, error, duration_ms, outcome_known)
         VALUES ($1, $2, $3, $4, $5, $6, true)
         ON CONFLICT (delivery_id, attempt) DO UPDATE SET http_status = EXCLUDED.http_status,
           error = EXCLUDED.error, duration_ms = EXCLUDED.duration_ms, outcome_known = true`,
        [deliveryId, o.attempt, o.at, o.httpStatus, o.error, o.durationMs],
      );
      await tx.query(
        `UPDATE service.webhook_delivery SET status = $2, attempts = $3, next_attempt_at = $4, last_http_status = $5,
           last_error = $6, delivered_at = CASE WHEN $2 = 'delivered' THEN $7::timestamptz END WHERE id = $1`,
        [deliveryId, status, o.attempt, o.nextAttemptAt, o.httpStatus, o.error, o.at],
      );
    });
  }

  async forTicket(ticketId: string): Promise<WebhookDelivery[]> {
    const rows: DeliveryRow[] = await this.dataSource.query(
      `SELECT d.id, d.ticket_id, d.station_id, d.url, d.status, d.attempts, d.next_attempt_at, d.last_http_status,
              d.last_error, d.created_at, d.delivered_at,
              coalesce((SELECT jsonb_agg(jsonb_build_object('attempt', a.attempt, 'at', a.at, 'httpStatus', a.http_status,
                  'error', a.error, 'durationMs', a.duration_ms, 'outcome',
                  CASE WHEN NOT a.outcome_known THEN 'unknown' WHEN a.error IS NULL THEN 'delivered' ELSE 'failed' END)
                  ORDER BY a.attempt)
                 FROM service.webhook_attempt a WHERE a.delivery_id = d.id), '[]') AS history
         FROM service.webhook_delivery d WHERE d.ticket_id = $1 ORDER BY d.created_at, d.id`,
      [ticketId],
    );
    return rows.map((r) => ({
      deliveryId: r.id,
      ticketId: r.ticket_id,
      stationId: r.station_id,
      url: r.url,
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
}
