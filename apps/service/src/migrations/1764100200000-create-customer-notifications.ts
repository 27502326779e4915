import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCustomerNotifications1764100200000 implements MigrationInterface {
  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TABLE service.customer_contact (
      customer_id uuid PRIMARY KEY,
      phones text[] NOT NULL,
      emails text[] NOT NULL,
      consented_channels text[] NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await db.query(`CREATE TABLE service.customer_notification (
      id uuid PRIMARY KEY,
      ticket_id uuid NOT NULL REFERENCES service.ticket (id),
      customer_id uuid NOT NULL,
      cause_event_id uuid NOT NULL,
      kind text NOT NULL,
      channel text NOT NULL CHECK (channel IN ('email', 'sms')),
      recipient text,
      subject text,
      body text NOT NULL,
      status text NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'skipped')),
      skip_reason text,
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz,
      last_error text,
      created_at timestamptz NOT NULL,
      sent_at timestamptz,
      UNIQUE (cause_event_id, channel)
    )`);
    await db.query(`CREATE INDEX customer_notification_due_idx ON service.customer_notification (next_attempt_at)
      WHERE status = 'pending'`);
    await db.query(
      `CREATE INDEX customer_notification_ticket_idx ON service.customer_notification (ticket_id)`,
    );
    await db.query(
      `CREATE INDEX customer_notification_customer_idx ON service.customer_notification (customer_id)`,
    );
    await db.query(`CREATE TABLE service.customer_notification_attempt (
      notification_id uuid NOT NULL REFERENCES service.customer_notification (id),
      attempt integer NOT NULL,
      at timestamptz NOT NULL,
      error text,
      duration_ms integer NOT NULL,
      PRIMARY KEY (notification_id, attempt)
    )`);
    await db.query(`CREATE TABLE service.dev_mailbox_message (
      message_id uuid PRIMARY KEY,
      channel text NOT NULL,
      recipient text NOT NULL,
      subject text,
      body text NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(db: QueryRunner): Promise<void> {
    for (const table of [
      'dev_mailbox_message',
      'customer_notification_attempt',
      'customer_notification',
      'customer_contact',
    ])
      await db.query(`DROP TABLE service.${table}`);
  }
}
