import { DataSource } from 'typeorm';
import { assertSqlIdentifier } from '../sql-identifier';

export interface ParkedOutboxRow {
  schema: string;
  id: string;
  eventId: string;
  eventType: string;
  topic: string;
  key: string;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  failedAt: Date;
}

/**
 * The outbox rows the relay parked (state `failed`: the broker refused them for good), across the
 * given service schemas. Requeueing one makes it pending again, so the service's running relay
 * publishes it on its next pass, and the later events of its aggregate follow it.
 */
export class ParkedOutbox {
  private readonly schemas: string[];

  constructor(
    private readonly dataSource: DataSource,
    schemas: string[],
  ) {
    this.schemas = schemas.map(assertSqlIdentifier);
  }

  /** The service schemas of this database that have an outbox. */
  static async schemasIn(dataSource: DataSource): Promise<string[]> {
    const rows: { schema: string }[] = await dataSource.query(
      `SELECT table_schema AS schema FROM information_schema.columns
        WHERE table_name = 'outbox_message' AND column_name = 'state' ORDER BY table_schema`,
    );
    return rows.map((row) => row.schema);
  }

  async list(limit = 1_000): Promise<ParkedOutboxRow[]> {
    const parked: ParkedOutboxRow[] = [];
    for (const schema of this.schemas) {
      const rows: Record<string, unknown>[] = await this.dataSource.query(
        `SELECT seq::text AS id, event_id, coalesce(envelope->>'type', 'tombstone') AS event_type, topic, message_key, attempts,
                last_error, created_at, failed_at
           FROM ${schema}.outbox_message WHERE state = 'failed' ORDER BY seq LIMIT $1`,
        [limit],
      );
      parked.push(
        ...rows.map((row) => ({
          schema,
          id: row.id as string,
          eventId: row.event_id as string,
          eventType: row.event_type as string,
          topic: row.topic as string,
          key: row.message_key as string,
          attempts: row.attempts as number,
          lastError: row.last_error as string | null,
          createdAt: row.created_at as Date,
          failedAt: row.failed_at as Date,
        })),
      );
    }
    return parked;
  }

  /** Makes the given parked rows (`seq` ids; one schema) or, without ids, every parked row pending again. Returns how many. */
  async requeue(ids?: string[]): Promise<number> {
    if (ids && this.schemas.length !== 1)
      throw new Error(`row ids are per schema: name one (${this.schemas.join(', ')})`);
    let requeued = 0;
    for (const schema of this.schemas) {
      // TypeORM answers an UPDATE on PostgreSQL with [returned rows, affected count].
      const [rows]: [unknown[], number] = await this.dataSource.query(
        `UPDATE ${schema}.outbox_message SET failed_at = NULL, lease_until = NULL
          WHERE state = 'failed' AND ($1::bigint[] IS NULL OR seq = ANY($1::bigint[])) RETURNING seq`,
        [ids ?? null],
      );
      requeued += rows.length;
    }
    return requeued;
  }
}
