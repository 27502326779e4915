import { DataSource, EntityManager } from 'typeorm';
import { RecordedAttempt, StartedAttempt } from '@crm/messaging';
import { SendResult } from './webhook-sender';

export type WebhookDeliveryStatus = 'pending' | 'delivered' | 'failed';

/**
 * An attempt as a delivery log shows it. `unknown`: written before the POST and never completed (in flight, or the
 * sender died mid-send), so the receiver may have got it; the delivery is retried with the same webhook-id.
 */
export interface WebhookAttemptRecord {
  attempt: number;
  at: string;
  httpStatus: number | null;
  error: string | null;
  durationMs: number | null;
  outcome: 'delivered' | 'failed' | 'unknown';
}

/** The two tables of one app's webhook outbox: its delivery rows and their attempts (the shape both apps share). */
export interface WebhookTables {
  /** e.g. `service.webhook_delivery`: id, status, attempts, next_attempt_at, last_http_status, last_error, delivered_at. */
  deliveries: string;
  /** e.g. `service.webhook_attempt`: delivery_id, attempt, at, http_status, error, duration_ms, outcome_known. */
  attempts: string;
}

/** Every attempt of a webhook delivery, written before the POST and completed after it. */
export class WebhookAttemptLog {
  constructor(
    private readonly dataSource: DataSource,
    private readonly tables: WebhookTables,
  ) {}

  /** Written before the POST: a crash mid-send leaves this attempt with an unknown outcome, retried after the lease. */
  async begin(deliveryId: string, started: StartedAttempt): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO ${this.tables.attempts} (delivery_id, attempt, at, outcome_known) VALUES ($1, $2, $3, false)`,
        [deliveryId, started.attempt, started.at],
      );
      await tx.query(
        `UPDATE ${this.tables.deliveries} SET attempts = $2, next_attempt_at = $3 WHERE id = $1`,
        [deliveryId, started.attempt, started.leaseUntil],
      );
    });
  }

  async record(tx: EntityManager, deliveryId: string, o: RecordedAttempt<SendResult>): Promise<void> {
    const status: WebhookDeliveryStatus = o.delivered ? 'delivered' : o.nextAttemptAt ? 'pending' : 'failed';
    await tx.query(
      `INSERT INTO ${this.tables.attempts} (delivery_id, attempt, at, http_status, error, duration_ms, outcome_known)
       VALUES ($1, $2, $3, $4, $5, $6, true)
       ON CONFLICT (delivery_id, attempt) DO UPDATE SET http_status = EXCLUDED.http_status,
         error = EXCLUDED.error, duration_ms = EXCLUDED.duration_ms, outcome_known = true`,
      [deliveryId, o.attempt, o.at, o.httpStatus, o.error, o.durationMs],
    );
    await tx.query(
      `UPDATE ${this.tables.deliveries} SET status = $2, attempts = $3, next_attempt_at = $4, last_http_status = $5,
         last_error = $6, delivered_at = CASE WHEN $2 = 'delivered' THEN $7::timestamptz END WHERE id = $1`,
      [deliveryId, status, o.attempt, o.nextAttemptAt, o.httpStatus, o.error, o.at],
    );
  }

  /** A SELECT column: the attempts of the delivery row aliased `alias`, oldest first, as `WebhookAttemptRecord`s. */
  historyColumn(alias: string): string {
    return `coalesce((SELECT jsonb_agg(jsonb_build_object('attempt', a.attempt, 'at', a.at, 'httpStatus', a.http_status,
              'error', a.error, 'durationMs', a.duration_ms, 'outcome',
              CASE WHEN NOT a.outcome_known THEN 'unknown' WHEN a.error IS NULL THEN 'delivered' ELSE 'failed' END)
              ORDER BY a.attempt)
             FROM ${this.tables.attempts} a WHERE a.delivery_id = ${alias}.id), '[]') AS history`;
  }
}

/** The attempts table, the same in every app (after its deliveries table, which it references). */
export function webhookAttemptTableDdl(tables: WebhookTables): string {
  return `
    CREATE TABLE ${tables.attempts} (
      delivery_id   uuid NOT NULL REFERENCES ${tables.deliveries} (id) ON DELETE CASCADE,
      attempt       integer NOT NULL,
      at            timestamptz NOT NULL,
      http_status   integer,
      error         text,
      duration_ms   integer,
      outcome_known boolean NOT NULL,
      PRIMARY KEY (delivery_id, attempt)
    )`;
}
