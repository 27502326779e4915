import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { DueNotification, NotificationChannel, NotificationKind } from './notification';
import { RecordedAttempt, SendOutcome } from '@crm/messaging';

export interface NewNotification {
  notificationId: string;
  ticketId: string;
  customerId: string;
  causeEventId: string;
  kind: NotificationKind;
  channel: NotificationChannel;
  recipient: string | null;
  subject: string | null;
  body: string;
  skipReason: string | null;
  createdAt: Date;
}

const ERASED = '[erased]';

/** The notification outbox: rows written with the ticket transition, claimed and retried by the dispatcher. */
@Injectable()
export class NotificationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** One message per causing event and channel: a transition replayed after a crash adds nothing. */
  async insert(tx: EntityManager, n: NewNotification): Promise<void> {
    await tx.query(
      `INSERT INTO service.customer_notification (id, ticket_id, customer_id, cause_event_id, kind, channel, recipient,
         subject, body, status, skip_reason, next_attempt_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
       ON CONFLICT (cause_event_id, channel) DO NOTHING`,
      [
        n.notificationId,
        n.ticketId,
        n.customerId,
        n.causeEventId,
        n.kind,
        n.channel,
        n.recipient,
        n.subject,
        n.body,
        n.skipReason ? 'skipped' : 'pending',
        n.skipReason,
        n.skipReason ? null : n.createdAt,
        n.createdAt,
      ],
    );
  }

  async claimDue(now: Date, leaseUntil: Date, limit: number): Promise<DueNotification[]> {
    const [rows] = await this.dataSource.query(
      `UPDATE service.customer_notification SET next_attempt_at = $2 WHERE id IN (
         SELECT id FROM service.customer_notification WHERE status = 'pending' AND next_attempt_at <= $1
          ORDER BY next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED)
       RETURNING id, channel, recipient, subject, body, attempts`,
      [now, leaseUntil, limit],
    );
    return rows.map((r: Record<string, string | number | null>) => ({
      messageId: r.id,
      channel: r.channel,
      to: r.recipient,
      subject: r.subject,
      text: r.body,
      attempts: Number(r.attempts),
    }));
  }

  async recordAttempt(notificationId: string, o: RecordedAttempt<SendOutcome>): Promise<void> {
    const status = o.delivered ? 'sent' : o.nextAttemptAt ? 'pending' : 'failed';
    await this.dataSource.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO service.customer_notification_attempt (notification_id, attempt, at, error, duration_ms)
         VALUES ($1, $2, $3, $4, $5)`,
        [notificationId, o.attempt, o.at, o.error, o.durationMs],
      );
      await tx.query(
        `UPDATE service.customer_notification SET status = $2, attempts = $3, next_attempt_at = $4, last_error = $5,
           sent_at = CASE WHEN $2 = 'sent' THEN $6::timestamptz END WHERE id = $1`,
        [notificationId, status, o.attempt, o.nextAttemptAt, o.error, o.at],
      );
    });
  }

  /** Erasure: nothing still waiting goes out, and no copy of where or what was sent stays behind. */
  async forgetCustomer(tx: EntityManager, customerId: string): Promise<void> {
    await tx.query(
      `UPDATE service.customer_notification SET recipient = CASE WHEN recipient IS NULL THEN NULL ELSE $2 END,
         subject = NULL, body = $2, next_attempt_at = NULL,
         status = CASE WHEN status = 'pending' THEN 'skipped' ELSE status END,
         skip_reason = CASE WHEN status = 'pending' THEN 'customer erased' ELSE skip_reason END
        WHERE customer_id = $1`,
      [customerId, ERASED],
    );
  }
}
