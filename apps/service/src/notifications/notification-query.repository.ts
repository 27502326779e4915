import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CustomerNotification, NotificationAttempt, NotificationKinds } from './notification';

/** Messages written in one transaction (received, then assigned) listed in the order the customer reads them. */
const KIND_ORDER = Object.values(NotificationKinds);

interface NotificationRow {
  id: string;
  ticket_id: string;
  kind: CustomerNotification['kind'];
  channel: CustomerNotification['channel'];
  recipient: string | null;
  subject: string | null;
  body: string;
  status: CustomerNotification['status'];
  skip_reason: string | null;
  attempts: number;
  next_attempt_at: Date | null;
  last_error: string | null;
  created_at: Date;
  sent_at: Date | null;
  history: NotificationAttempt[];
}

/** What the customer was told about a ticket, on which channel, and how each attempt went. */
@Injectable()
export class NotificationQueryRepository {
  constructor(private readonly dataSource: DataSource) {}

  async forTicket(ticketId: string): Promise<CustomerNotification[]> {
    const rows: NotificationRow[] = await this.dataSource.query(
      `SELECT n.id, n.ticket_id, n.kind, n.channel, n.recipient, n.subject, n.body, n.status, n.skip_reason, n.attempts,
              n.next_attempt_at, n.last_error, n.created_at, n.sent_at,
              coalesce((SELECT jsonb_agg(jsonb_build_object('attempt', a.attempt, 'at', a.at, 'error', a.error,
                  'durationMs', a.duration_ms) ORDER BY a.attempt)
                 FROM service.customer_notification_attempt a WHERE a.notification_id = n.id), '[]') AS history
         FROM service.customer_notification n WHERE n.ticket_id = $1
        ORDER BY n.created_at, array_position($2::text[], n.kind), n.channel`,
      [ticketId, KIND_ORDER],
    );
    return rows.map((r) => ({
      notificationId: r.id,
      ticketId: r.ticket_id,
      kind: r.kind,
      channel: r.channel,
      recipient: r.recipient,
      subject: r.subject,
      body: r.body,
      status: r.status,
      skipReason: r.skip_reason,
      attempts: r.attempts,
      nextAttemptAt: r.next_attempt_at?.toISOString() ?? null,
      lastError: r.last_error,
      createdAt: r.created_at.toISOString(),
      sentAt: r.sent_at?.toISOString() ?? null,
      history: r.history,
    }));
  }
}
