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
 * Second step of the messaging tables (a migration of its own in each service): dead letters
 * keep the exact bytes that arrived (NUL bytes, invalid UTF-8, empty and null values), where they
 * came from and why they were parked, once per Kafka offset; events of a type the consumer does
 * not know are recorded as skipped, apart from dead letters.
 */
export function messagingParkingDdl(schema: string): string[] {
  const s = assertSqlIdentifier(schema);
  return [
    `ALTER TABLE ${s}.dead_letter
      ALTER COLUMN message DROP NOT NULL,
      ADD COLUMN reason text NOT NULL DEFAULT 'handler-failed',
      ADD COLUMN raw_value bytea,
      ADD COLUMN value_is_null boolean NOT NULL DEFAULT false,
      ADD COLUMN kafka_partition integer,
      ADD COLUMN kafka_offset bigint,
      ADD COLUMN event_id uuid,
      ADD COLUMN event_type text,
      ADD COLUMN event_version integer,
      ADD COLUMN replay_count integer NOT NULL DEFAULT 0,
      ADD COLUMN replayed_at timestamptz`,
    `CREATE UNIQUE INDEX dead_letter_source_idx
      ON ${s}.dead_letter (consumer, topic, kafka_partition, kafka_offset)`,
    `CREATE INDEX dead_letter_topic_idx ON ${s}.dead_letter (topic, id)`,
    `CREATE TABLE ${s}.skipped_event (
      id bigserial PRIMARY KEY,
      consumer text NOT NULL,
      topic text NOT NULL,
      reason text NOT NULL,
      event_id uuid,
      event_type text NOT NULL,
      event_version integer NOT NULL,
      producer text,
      kafka_partition integer,
      kafka_offset bigint,
      created_at timestamptz NOT NULL DEFAULT now()
    )`,
    `CREATE UNIQUE INDEX skipped_event_source_idx
      ON ${s}.skipped_event (consumer, topic, kafka_partition, kafka_offset)`,
  ];
}

/** Every step in order, for schemas created in one go (tests, tools). */
export function allMessagingTablesDdl(schema: string): string[] {
  return [
    ...messagingTablesDdl(schema),
    ...messagingParkingDdl(schema),
    ...outboxLeaseAndParkingDdl(schema),
    ...outboxTombstonesDdl(schema),
    ...aggregateSequenceDdl(schema),
    ...outboxBatchesDdl(schema),
  ];
}

/** Undoes messagingParkingDdl (rows parked without text keep none: message stays nullable). */
export function messagingParkingDownDdl(schema: string): string[] {
  const s = assertSqlIdentifier(schema);
  return [
    `DROP TABLE ${s}.skipped_event`,
    `DROP INDEX ${s}.dead_letter_topic_idx`,
    `DROP INDEX ${s}.dead_letter_source_idx`,
    `ALTER TABLE ${s}.dead_letter
      DROP COLUMN reason, DROP COLUMN raw_value, DROP COLUMN value_is_null, DROP COLUMN kafka_partition,
      DROP COLUMN kafka_offset, DROP COLUMN event_id, DROP COLUMN event_type, DROP COLUMN event_version,
      DROP COLUMN replay_count, DROP COLUMN replayed_at`,
  ];
}

/**
 * Third step, the outbox (a migration of its own in every service): a lease for rows being
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

/**
 * Fourth step, only where a service publishes tombstones (the customer master, ADR 0013): an outbox row
 * without an envelope goes out as a null value for its key (Outbox.addTombstone).
 */
export function outboxTombstonesDdl(schema: string): string[] {
  return [`ALTER TABLE ${assertSqlIdentifier(schema)}.outbox_message ALTER COLUMN envelope DROP NOT NULL`];
}

export function outboxTombstonesDownDdl(schema: string): string[] {
  const s = assertSqlIdentifier(schema);
  return [
    `DELETE FROM ${s}.outbox_message WHERE envelope IS NULL`,
    `ALTER TABLE ${s}.outbox_message ALTER COLUMN envelope SET NOT NULL`,
  ];
}

/**
 * Fifth step (a migration of its own in every service with an outbox): the last event number given to each
 * aggregate (ADR 0021). `IF NOT EXISTS` because a schema created in one go by allMessagingTablesDdl before
 * this step's migration ran already has it.
 */
export function aggregateSequenceDdl(schema: string): string[] {
  const s = assertSqlIdentifier(schema);
  return [
    `CREATE TABLE IF NOT EXISTS ${s}.aggregate_sequence (
      aggregate_type text NOT NULL,
      aggregate_id text NOT NULL,
      last_sequence bigint NOT NULL,
      PRIMARY KEY (aggregate_type, aggregate_id)
    )`,
  ];
}

export function aggregateSequenceDownDdl(schema: string): string[] {
  return [`DROP TABLE IF EXISTS ${assertSqlIdentifier(schema)}.aggregate_sequence`];
}

/**
 * Sixth step (a migration of its own in every service with an outbox, ADR 0063): a row may carry a batch of events
 * that share their topic, type and headers, which the relay publishes one message each (`json`, not `jsonb`: built
 * once, read whole by the relay, never queried, and text is cheaper to build); and an index of the few rows that hold
 * later ones back (parked, or leased), which the relay's claim looks up for every row it considers. Without it, with
 * a million rows pending and fresh statistics, the planner read the whole outbox once per claim (2 s for 200 rows).
 * `IF NOT EXISTS` like the fifth step.
 */
export function outboxBatchesDdl(schema: string): string[] {
  const s = assertSqlIdentifier(schema);
  return [
    `ALTER TABLE ${s}.outbox_message ADD COLUMN IF NOT EXISTS batch json`,
    `CREATE INDEX IF NOT EXISTS outbox_message_holding_idx ON ${s}.outbox_message (topic, message_key, seq)
      WHERE published_at IS NULL AND (failed_at IS NOT NULL OR lease_until IS NOT NULL)`,
  ];
}

/** The batches go with the column: run it only with none pending. */
export function outboxBatchesDownDdl(schema: string): string[] {
  const s = assertSqlIdentifier(schema);
  return [
    `DROP INDEX IF EXISTS ${s}.outbox_message_holding_idx`,
    `ALTER TABLE ${s}.outbox_message DROP COLUMN IF EXISTS batch`,
  ];
}
