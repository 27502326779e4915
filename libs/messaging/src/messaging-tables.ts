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

/**
 * Second step of the outbox (a migration of its own in every service): a lease for rows being
 * published, and parking for rows the broker can never take. `state` is derived, so nothing is
 * backfilled: pending, published or failed.
 */
export function outboxLeaseAndParkingDdl(schema: string): string[] {
  const s = assertSqlIdentifier(schema);
  return [
    `ALTER TABLE ${s}.outbox_message
      ADD COLUMN lease_until timestamptz,
      ADD COLUMN failed_at timestamptz,
      ADD COLUMN state text GENERATED ALWAYS AS (
        CASE WHEN published_at IS NOT NULL THEN 'published' WHEN failed_at IS NOT NULL THEN 'failed' ELSE 'pending' END
      ) STORED`,
    `CREATE INDEX outbox_message_aggregate_pending_idx ON ${s}.outbox_message (topic, message_key, seq)
      WHERE published_at IS NULL`,
  ];
}

export function outboxLeaseAndParkingDownDdl(schema: string): string[] {
  const s = assertSqlIdentifier(schema);
  return [
    `DROP INDEX ${s}.outbox_message_aggregate_pending_idx`,
    `ALTER TABLE ${s}.outbox_message DROP COLUMN state, DROP COLUMN failed_at, DROP COLUMN lease_until`,
  ];
}
