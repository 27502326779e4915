import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { assertSqlIdentifier } from '../sql-identifier';

export interface RetentionPolicy {
  /** Published outbox rows are kept this long (for audit and re-publishing by hand), then deleted. */
  outboxHours: number;
  /** Processed event ids must outlive any redelivery: keep them longer than the broker keeps messages. */
  inboxHours: number;
}

const BATCH = 5_000;

/**
 * Deletes what the outbox and the inbox no longer need, in small batches so no long lock is held.
 * Unpublished outbox rows and dead letters are never deleted here.
 */
export class MessageRetention {
  private readonly logger = new Logger(MessageRetention.name);
  private readonly schema: string;

  constructor(
    private readonly dataSource: DataSource,
    schema: string,
    private readonly policy: RetentionPolicy,
  ) {
    this.schema = assertSqlIdentifier(schema);
  }

  async purge(now: Date): Promise<{ outbox: number; inbox: number }> {
    const outbox = await this.deleteInBatches(
      `DELETE FROM ${this.schema}.outbox_message WHERE seq IN (
         SELECT seq FROM ${this.schema}.outbox_message
          WHERE published_at IS NOT NULL AND published_at < $1 LIMIT ${BATCH})`,
      hoursBefore(now, this.policy.outboxHours),
    );
    const inbox = await this.deleteInBatches(
      `DELETE FROM ${this.schema}.processed_event WHERE (consumer, event_id) IN (
         SELECT consumer, event_id FROM ${this.schema}.processed_event WHERE processed_at < $1 LIMIT ${BATCH})`,
      hoursBefore(now, this.policy.inboxHours),
    );
    if (outbox + inbox > 0) this.logger.log(`purged ${outbox} published outbox rows, ${inbox} processed ids`);
    return { outbox, inbox };
  }

  private async deleteInBatches(sql: string, before: Date): Promise<number> {
    let total = 0;
    for (;;) {
      const [, deleted] = (await this.dataSource.query(sql, [before])) as [unknown, number];
      total += deleted;
      if (deleted < BATCH) return total;
    }
  }
}

function hoursBefore(now: Date, hours: number): Date {
  return new Date(now.getTime() - hours * 3_600_000);
}
