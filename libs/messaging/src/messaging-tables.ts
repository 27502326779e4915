import { assertSqlIdentifier } from './sql-identifier';

/**
 * DDL for the outbox, inbox (processed_event) and dead-letter tables of one service schema.
 * Migrations call it with their schema name; changing it later needs a new migration.
 */
export function messagingTablesDdl(schema: string): string[] {
  const s = assertSqlIdentifier(schema);
  return [
    `CREATE TABLE ${s}.outbox_message (
      seq bigserial PRIMARY KEY,
      event_id uuid NOT NULL UNIQUE,
      topic text NOT NULL,
      message_key text NOT NULL,
      envelope jsonb NOT NULL,
      headers jsonb NOT NULL,
      attempts integer NOT NULL DEFAULT 0,
      last_error text,
      created_at timestamptz NOT NULL DEFAULT now(),
      published_at timestamptz
    )`,
    `CREATE INDEX outbox_message_pending_idx ON ${s}.outbox_message (seq) WHERE published_at IS NULL`,
    `CREATE TABLE ${s}.processed_event (
      consumer text NOT NULL,
      event_id uuid NOT NULL,
      processed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (consumer, event_id)
    )`,
    `CREATE TABLE ${s}.dead_letter (
      id bigserial PRIMARY KEY,
      consumer text NOT NULL,
      topic text NOT NULL,
      message_key text,
      message text NOT NULL,
      headers jsonb NOT NULL,
      error text NOT NULL,
      attempts integer NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`,
  ];
}
