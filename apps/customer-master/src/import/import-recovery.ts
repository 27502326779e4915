import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Clock } from '@crm/core';
import { IMPORT_STALE_AFTER_MS } from './import-heartbeat';
import { ImportJobRepository } from './import-job.repository';

/**
 * Jobs a crash left `running` are marked failed at start-up rather than resumed: the rows already
 * written are found as duplicates when the file is run again, so re-running is the simple, safe resume.
 */
@Injectable()
export class ImportRecovery implements OnApplicationBootstrap {
  private readonly logger = new Logger(ImportRecovery.name);

  constructor(
    private readonly jobs: ImportJobRepository,
    private readonly clock: Clock,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const failed = await this.failInterrupted();
    if (failed.length > 0) this.logger.warn(`marked ${failed.length} interrupted import job(s) failed`);
  }

  /** Jobs whose worker stopped reporting, now failed; only that one when an id is given. */
  failInterrupted(id: string | null = null): Promise<string[]> {
    const now = this.clock.now();
    const before = new Date(now.getTime() - IMPORT_STALE_AFTER_MS).toISOString();
    return this.jobs.failStale(before, now.toISOString(), id);
  }
}
