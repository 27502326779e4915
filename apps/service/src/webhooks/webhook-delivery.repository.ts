import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { WebhookAttemptLog, WebhookAttemptRecord, WebhookTables } from '@crm/webhooks';
import { DueDelivery, WebhookDelivery } from './webhook-delivery';

export const STATION_WEBHOOK_TABLES: WebhookTables = {
  deliveries: 'service.webhook_delivery',
  attempts: 'service.webhook_attempt',
};

export interface NewDelivery {
  deliveryId: string;
  ticketId: string;
  stationId: string;
  url: string;
  body: string;
  createdAt: Date;
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
  readonly attempts: WebhookAttemptLog;

  constructor(private readonly dataSource: DataSource) {
    this.attempts = new WebhookAttemptLog(dataSource, STATION_WEBHOOK_TABLES);
  }

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
      webhookId: r.id,
      stationId: r.station_id,
      url: r.url,
      body: r.body,
      attempts: Number(r.attempts),
      secret: r.webhook_secret,
    }));
  }

  async forTicket(ticketId: string): Promise<WebhookDelivery[]> {
    return this.select(`d.ticket_id = $1 ORDER BY d.created_at, d.id`, [ticketId]);
  }

  /** The station's own notifications, newest first, with every attempt. */
  async forStation(stationId: string, page: { limit: number; offset: number }): Promise<WebhookDelivery[]> {
    return this.select(`d.station_id = $1 ORDER BY d.created_at DESC, d.id LIMIT $2 OFFSET $3`, [
      stationId,
      page.limit,
      page.offset,
    ]);
  }

  private async select(whereAndOrder: string, params: unknown[]): Promise<WebhookDelivery[]> {
    const rows: DeliveryRow[] = await this.dataSource.query(
      `SELECT d.id, d.ticket_id, d.station_id, d.url, d.status, d.attempts, d.next_attempt_at, d.last_http_status,
              d.last_error, d.created_at, d.delivered_at, ${this.attempts.historyColumn('d')}
         FROM service.webhook_delivery d WHERE ${whereAndOrder}`,
      params,
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
