import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Clock } from '@crm/core';

const BATCH = 5_000;
const DAY_MS = 86_400_000;
const PURGE_INTERVAL_MS = 3_600_000;

/**
 * Deletes `<schema>.read_audit` rows older than the retention (storage limitation, GDPR Art. 5(1)(e)), in
 * batches. Each batch locks its rows with SKIP LOCKED, so several instances purging at once take disjoint rows
 * instead of waiting on or failing over each other.
 */
export class ReadAuditRetention {
  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
    private readonly retentionDays: number,
    private readonly clock: Clock,
  ) {}

  async purge(): Promise<number> {
    const before = new Date(this.clock.now().getTime() - this.retentionDays * DAY_MS);
    let total = 0;
    for (;;) {
      const [, deleted] = (await this.dataSource.query(
        `DELETE FROM ${this.schema}.read_audit WHERE id IN (
           SELECT id FROM ${this.schema}.read_audit WHERE at < $1 ORDER BY id LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)`,
        [before],
      )) as [unknown, number];
      total += deleted;
      if (deleted < BATCH) return total;
    }
  }
}

/** Runs the purge at start and hourly in every instance; an instance that fails logs and tries again next hour. */
@Injectable()
export class ReadAuditRetentionLoop implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ReadAuditRetention.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(private readonly retention: ReadAuditRetention) {}

  onApplicationBootstrap(): void {
    this.running = this.purge();
    this.timer = setInterval(() => (this.running = this.purge()), PURGE_INTERVAL_MS).unref();
  }

  async onModuleDestroy(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  private async purge(): Promise<void> {
    try {
      const deleted = await this.retention.purge();
      if (deleted > 0) this.logger.log(`purged ${deleted} read audit rows past their retention`);
    } catch (error) {
      this.logger.warn(`read audit purge failed, will retry: ${(error as Error).message}`);
    }
  }
}
