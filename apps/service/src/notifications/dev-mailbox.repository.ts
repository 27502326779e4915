import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NotificationChannel, OutgoingMessage } from './notification';

export interface MailboxMessage {
  messageId: string;
  channel: NotificationChannel;
  to: string;
  subject: string | null;
  text: string;
  receivedAt: string;
}

export interface MailboxFilter {
  channel?: NotificationChannel;
  to?: string;
  limit: number;
  offset: number;
}

interface MailboxRow {
  message_id: string;
  channel: NotificationChannel;
  recipient: string;
  subject: string | null;
  body: string;
  received_at: Date;
}

/** What would have gone out by email or SMS when no server is configured; a resent message is kept once. */
@Injectable()
export class DevMailboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  async store(channel: NotificationChannel, m: OutgoingMessage): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO service.dev_mailbox_message (message_id, channel, recipient, subject, body)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (message_id) DO NOTHING`,
      [m.messageId, channel, m.to, m.subject, m.text],
    );
  }

  async list(f: MailboxFilter): Promise<MailboxMessage[]> {
    const rows: MailboxRow[] = await this.dataSource.query(
      `SELECT message_id, channel, recipient, subject, body, received_at FROM service.dev_mailbox_message
        WHERE ($1::text IS NULL OR channel = $1) AND ($2::text IS NULL OR recipient = $2)
        ORDER BY received_at DESC, message_id LIMIT $3 OFFSET $4`,
      [f.channel ?? null, f.to ?? null, f.limit, f.offset],
    );
    return rows.map((r) => ({
      messageId: r.message_id,
      channel: r.channel,
      to: r.recipient,
      subject: r.subject,
      text: r.body,
      receivedAt: r.received_at.toISOString(),
    }));
  }
}
