import { Logger } from '@nestjs/common';
import { DataSource, QueryRunner } from 'typeorm';
import { MessageTransport } from '../transport/message-transport';
import { assertSqlIdentifier } from '../sql-identifier';
import { WakePollLoop } from '../dispatch/wake-poll-loop';
import { isPermanentPublishFailure } from './publish-failure';
import { BATCH_KEY, messagesOf, OutboxRow } from './outbox-row';

export interface OutboxRelayOptions {
  schema: string;
  /** Safety net only: a commit wakes the relay at once. */
  pollIntervalMs: number;
  batchSize: number;
  /** How long claimed rows stay reserved; after a crash mid-publish they are sent again once it runs out. */
  leaseMs?: number;
}

const DEFAULT_LEASE_MS = 10_000;

/**
 * Publishes committed outbox rows to the transport, oldest first. A session advisory lock lets one
 * replica relay a schema at a time; no transaction stays open while the broker is awaited: rows are
 * claimed with a lease in one statement, published, then marked published once acknowledged. A row
 * the broker can never take is parked (`failed`) and only later rows of its own aggregate wait.
 */
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly table: string;
  private readonly loop: WakePollLoop;
  private readonly leaseMs: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly transport: MessageTransport,
    private readonly options: OutboxRelayOptions,
  ) {
    this.table = `${assertSqlIdentifier(options.schema)}.outbox_message`;
    this.leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
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

  /** Rows parked because the broker can never take them: the number to export as a metric and alert on. */
  async parkedCount(): Promise<number> {
    const [{ parked }] = await this.dataSource.query(
      `SELECT count(*)::int AS parked FROM ${this.table} WHERE failed_at IS NOT NULL AND published_at IS NULL`,
    );
    return parked;
  }

  /** Publishes everything pending; resolves with the number of events sent. */
  async flushAll(): Promise<number> {
    const session = this.dataSource.createQueryRunner();
    await session.connect();
    let released = false;
    try {
      // One replica relays a schema at a time, so events of one aggregate leave in commit order.
      const [{ relaying }] = await session.query(`SELECT pg_try_advisory_lock(hashtext($1)) AS relaying`, [
        this.table,
      ]);
      if (!relaying) return 0;
      try {
        // Published rows leave dead entries in the pending index until a vacuum. A bitmap scan (the planner's pick
        // for the claim, misjudging how many pending rows are free) reads them all on every claim: 20 ms per claim
        // after a 20,000-row import, growing with every row published. An index scan in seq order marks them dead
        // once and then skips them (0.36 ms), and stops at the claim's LIMIT.
        await session.query(`SET enable_bitmapscan = off`);
        return await this.publishAll(session);
      } finally {
        const unlock = `SELECT pg_advisory_unlock(hashtext($1)), set_config('enable_bitmapscan', 'on', false)`;
        await session.query(unlock, [this.table]).catch(async (error) => {
          // A pooled connection must never keep the lock: drop it instead of handing it back.
          released = true;
          await (
            session as QueryRunner & { releasePostgresConnection?: (e: Error) => Promise<void> }
          ).releasePostgresConnection?.(error as Error);
        });
      }
    } finally {
      if (!released) await session.release();
    }
  }

  private async publishAll(session: QueryRunner): Promise<number> {
    let total = 0;
    for (;;) {
      const rows = await this.claim(session);
      total += await this.publishClaimed(session, rows);
      if (rows.length < this.options.batchSize) return total;
    }
  }

  /**
   * One statement (its own transaction): leases the oldest rows whose aggregate has nothing older pending elsewhere.
   * A batch row (ADR 0063) holds events of many aggregates of its topic: it waits while any older row of the topic
   * is parked or leased, and so does every later row of the topic until it has gone.
   */
  private async claim(session: QueryRunner): Promise<OutboxRow[]> {
    const olderStuck = (sameAggregate: string) => `EXISTS (
      SELECT 1 FROM ${this.table} b
       WHERE b.topic = o.topic AND ${sameAggregate} AND b.seq < o.seq
         AND b.published_at IS NULL AND (b.failed_at IS NOT NULL OR b.lease_until >= now()))`;
    const olderBatchPending = `EXISTS (
      SELECT 1 FROM ${this.table} b
       WHERE b.topic = o.topic AND b.message_key = '${BATCH_KEY}' AND b.seq < o.seq AND b.published_at IS NULL)`;
    return session.query(
      `WITH claimed AS (UPDATE ${this.table} SET lease_until = now() + $2 * interval '1 millisecond', attempts = attempts + 1
        WHERE seq IN (
          SELECT o.seq FROM ${this.table} o
           WHERE o.published_at IS NULL AND o.failed_at IS NULL
             AND (o.lease_until IS NULL OR o.lease_until < now())
             AND NOT ${olderStuck('b.message_key = o.message_key')}
             AND NOT ((o.message_key = '${BATCH_KEY}' OR ${olderBatchPending}) AND ${olderStuck('true')})
           ORDER BY o.seq LIMIT $1 FOR UPDATE SKIP LOCKED)
        RETURNING seq, topic, message_key, envelope, headers, batch)
       SELECT * FROM claimed ORDER BY seq`,
      [this.options.batchSize, this.leaseMs],
    );
  }

  private async publishClaimed(session: QueryRunner, rows: OutboxRow[]): Promise<number> {
    if (rows.length === 0) return 0;
    let sent = 0;
    try {
      sent = await this.publishRows(rows);
    } catch (error) {
      if (!isPermanentPublishFailure(error)) {
        await this.release(session, rows, error);
        throw error;
      }
      return this.publishOneByOne(session, rows);
    }
    await this.markPublished(session, rows);
    return sent;
  }

  /** The rows' messages in order, `batchSize` to a request however many events the batch rows carry. */
  private async publishRows(rows: OutboxRow[]): Promise<number> {
    const messages = rows.flatMap(messagesOf);
    for (let start = 0; start < messages.length; start += this.options.batchSize)
      await this.transport.publish(messages.slice(start, start + this.options.batchSize));
    return messages.length;
  }

  /** Finds the rows the broker refuses for good: each is parked, later rows of its aggregate wait behind it. */
  private async publishOneByOne(session: QueryRunner, rows: OutboxRow[]): Promise<number> {
    const waiting = new WaitingAggregates();
    let sent = 0;
    for (const [index, row] of rows.entries()) {
      if (waiting.holdBack(row)) {
        await this.release(session, [row], new Error('waits behind a parked row of its aggregate'));
        waiting.add(row);
        continue;
      }
      try {
        sent += await this.publishRows([row]);
      } catch (error) {
        if (!isPermanentPublishFailure(error)) {
          await this.release(session, rows.slice(index), error);
          throw error;
        }
        await this.park(session, row, error);
        waiting.add(row);
        continue;
      }
      await this.markPublished(session, [row]);
    }
    return sent;
  }

  /** `published_at` is taken after the broker acknowledged, in a statement of its own. */
  private async markPublished(session: QueryRunner, rows: OutboxRow[]): Promise<void> {
    await session.query(
      `UPDATE ${this.table} SET published_at = now(), lease_until = NULL, last_error = NULL WHERE seq = ANY($1)`,
      [rows.map((row) => row.seq)],
    );
  }

  private async release(session: QueryRunner, rows: OutboxRow[], error: unknown): Promise<void> {
    await session.query(`UPDATE ${this.table} SET lease_until = NULL, last_error = $2 WHERE seq = ANY($1)`, [
      rows.map((row) => row.seq),
      errorText(error),
    ]);
  }

  private async park(session: QueryRunner, row: OutboxRow, error: unknown): Promise<void> {
    await session.query(
      `UPDATE ${this.table} SET failed_at = now(), lease_until = NULL, last_error = $2 WHERE seq = $1`,
      [row.seq, errorText(error)],
    );
    this.logger.error(
      `ALERT outbox row parked: ${this.table} seq ${row.seq} (${row.topic}, key ${row.message_key}) can never be ` +
        `published; later events of that aggregate wait until an operator resolves it: ${errorText(error)}`,
    );
  }
}

/**
 * The aggregates of the rows parked or held back in one pass, whose later rows wait too. A batch row counts as one
 * of every aggregate of its topic.
 */
class WaitingAggregates {
  private readonly keysByTopic = new Map<string, Set<string>>();

  add(row: OutboxRow): void {
    const keys = this.keysByTopic.get(row.topic) ?? new Set<string>();
    this.keysByTopic.set(row.topic, keys.add(row.message_key));
  }

  holdBack(row: OutboxRow): boolean {
    const keys = this.keysByTopic.get(row.topic);
    if (!keys) return false;
    return row.message_key === BATCH_KEY || keys.has(BATCH_KEY) || keys.has(row.message_key);
  }
}

function errorText(error: unknown): string {
  return String((error as Error)?.message ?? error).slice(0, 2000);
}
