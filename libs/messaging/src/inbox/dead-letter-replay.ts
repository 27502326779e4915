import { DataSource } from 'typeorm';
import { assertSqlIdentifier } from '../sql-identifier';
import { MessageTransport } from '../transport/message-transport';

export interface DeadLetterSummary {
  id: string;
  consumer: string;
  topic: string;
  reason: string;
  eventType: string | null;
  eventId: string | null;
  partition: number | null;
  offset: string | null;
  bytes: number | null;
  error: string;
  createdAt: Date;
  replayCount: number;
}

interface DeadLetterRow {
  id: string;
  topic: string;
  message_key: string | null;
  message: string | null;
  raw_value: Buffer | null;
  value_is_null: boolean;
  headers: Record<string, string>;
  kafka_partition: number | null;
  kafka_offset: string | null;
}

export type ReplaySelection = { ids: string[] } | { topic: string };

/**
 * Puts parked messages back on their topic after a fix, as they arrived; the consumers apply
 * them like any other message (events already applied by a group are skipped by its inbox).
 */
export class DeadLetterReplay {
  private readonly table: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly transport: MessageTransport,
    schema: string,
  ) {
    this.table = `${assertSqlIdentifier(schema)}.dead_letter`;
  }

  async list(
    filter: { topic?: string; includeReplayed?: boolean; limit?: number } = {},
  ): Promise<DeadLetterSummary[]> {
    const rows = await this.dataSource.query(
      `SELECT id::text, consumer, topic, reason, event_type, event_id, kafka_partition, kafka_offset::text,
              octet_length(raw_value) AS bytes, error, created_at, replay_count
         FROM ${this.table}
        WHERE ($1::text IS NULL OR topic = $1) AND ($2 OR replayed_at IS NULL)
        ORDER BY id LIMIT $3`,
      [filter.topic ?? null, filter.includeReplayed ?? false, filter.limit ?? 100],
    );
    return rows.map((row: Record<string, unknown>): DeadLetterSummary => ({
      id: row.id as string,
      consumer: row.consumer as string,
      topic: row.topic as string,
      reason: row.reason as string,
      eventType: row.event_type as string | null,
      eventId: row.event_id as string | null,
      partition: row.kafka_partition as number | null,
      offset: row.kafka_offset as string | null,
      bytes: row.bytes as number | null,
      error: row.error as string,
      createdAt: row.created_at as Date,
      replayCount: row.replay_count as number,
    }));
  }

  /**
   * Replays the given rows, or every row of a topic not replayed yet that held a readable event
   * (bytes that were never an event would only be parked again). A message parked by several
   * consumers of the service goes out once. Returns how many messages were published.
   */
  async replay(selection: ReplaySelection): Promise<number> {
    return this.dataSource.transaction(async (tx) => {
      const rows: DeadLetterRow[] =
        'ids' in selection
          ? await tx.query(
              `SELECT * FROM ${this.table} WHERE id = ANY($1::bigint[]) ORDER BY id FOR UPDATE`,
              [selection.ids],
            )
          : await tx.query(
              `SELECT * FROM ${this.table} WHERE topic = $1 AND replayed_at IS NULL AND event_id IS NOT NULL
                ORDER BY id FOR UPDATE`,
              [selection.topic],
            );
      const bySource = new Map<string, DeadLetterRow>();
      for (const row of rows) {
        const source =
          row.kafka_offset === null
            ? `id:${row.id}`
            : `${row.topic}/${row.kafka_partition}/${row.kafka_offset}`;
        if (!bySource.has(source)) bySource.set(source, row);
      }
      const messages = [...bySource.values()].map((row) => ({
        topic: row.topic,
        key: row.message_key ?? '',
        value: row.value_is_null ? null : (row.raw_value ?? row.message),
        headers: row.headers,
      }));
      if (messages.length > 0) await this.transport.publish(messages);
      await tx.query(
        `UPDATE ${this.table} SET replay_count = replay_count + 1, replayed_at = now() WHERE id = ANY($1::bigint[])`,
        [rows.map((row) => row.id)],
      );
      return messages.length;
    });
  }
}
