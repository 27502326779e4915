import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MessageTransport, TransportMessage } from '../transport/message-transport';
import { assertSqlIdentifier } from '../sql-identifier';
import { WakePollLoop } from '../dispatch/wake-poll-loop';

export interface OutboxRelayOptions {
  schema: string;
  /** Safety net only: a commit wakes the relay at once. */
  pollIntervalMs: number;
  batchSize: number;
}

interface OutboxRow {
  seq: string;
  topic: string;
  message_key: string;
  envelope: unknown;
  headers: Record<string, string>;
}

/**
 * Publishes committed outbox rows to the transport, oldest first. A transaction-scoped advisory
 * lock lets one replica relay a schema at a time (the others find it taken and wait for the next
 * wake-up or poll); rows are also claimed FOR UPDATE SKIP LOCKED, so no row is sent twice.
 */
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly table: string;
  private readonly loop: WakePollLoop;

  constructor(
    private readonly dataSource: DataSource,
    private readonly transport: MessageTransport,
    private readonly options: OutboxRelayOptions,
  ) {
    this.table = `${assertSqlIdentifier(options.schema)}.outbox_message`;
    this.loop = new WakePollLoop({
      name: OutboxRelay.name,
      pass: () => this.flushAll(),
      pollIntervalMs: options.pollIntervalMs,
    });
  }

  start(): void {
    this.loop.start();
  }

  /** Called after a commit that wrote outbox rows. */
  wake(): void {
    this.loop.wake();
  }

  async stop(): Promise<void> {
    await this.loop.stop();
    await this.flushAll().catch((error) => this.logger.error(`final outbox flush failed: ${error}`));
  }

  /** Publishes everything pending; resolves with the number of events sent. */
  async flushAll(): Promise<number> {
    let total = 0;
    for (;;) {
      const sent = await this.publishBatch();
      total += sent;
      if (sent < this.options.batchSize) return total;
    }
  }

  private async publishBatch(): Promise<number> {
    const outcome = await this.dataSource.transaction(async (tx) => {
      // One replica relays a schema at a time, so events of one aggregate leave in commit order.
      const [{ relaying }] = await tx.query(`SELECT pg_try_advisory_xact_lock(hashtext($1)) AS relaying`, [
        this.table,
      ]);
      if (!relaying) return { sent: 0 };
      const rows: OutboxRow[] = await tx.query(
        `SELECT seq, topic, message_key, envelope, headers FROM ${this.table}
          WHERE published_at IS NULL ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED`,
        [this.options.batchSize],
      );
      const seqs = rows.map((row) => row.seq);
      if (rows.length === 0) return { sent: 0 };
      try {
        await this.transport.publish(rows.map(toTransportMessage));
      } catch (error) {
        await tx.query(
          `UPDATE ${this.table} SET attempts = attempts + 1, last_error = $2 WHERE seq = ANY($1)`,
          [seqs, String((error as Error).message).slice(0, 2000)],
        );
        return { sent: 0, error: error as Error };
      }
      await tx.query(
        `UPDATE ${this.table} SET published_at = now(), attempts = attempts + 1, last_error = NULL WHERE seq = ANY($1)`,
        [seqs],
      );
      return { sent: rows.length };
    });
    if (outcome.error) throw outcome.error;
    return outcome.sent;
  }
}

function toTransportMessage(row: OutboxRow): TransportMessage {
  return {
    topic: row.topic,
    key: row.message_key,
    value: JSON.stringify(row.envelope),
    headers: row.headers,
  };
}
