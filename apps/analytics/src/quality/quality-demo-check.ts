import { setTimeout as sleep } from 'node:timers/promises';
import { Injectable } from '@nestjs/common';
import { QualityAlertChecker } from './quality-alert-checker';
import { QualityAlertRow, QualityRepository } from './quality.repository';

const POLL_MS = 100;

/**
 * For the embedded default's demo seed: once the quality figures count the tickets it wrote, checks the month at
 * once with the checker the hourly timer runs, so a fresh demo shows its alert without waiting an hour.
 */
@Injectable()
export class QualityDemoCheck {
  constructor(
    private readonly quality: QualityRepository,
    private readonly checker: QualityAlertChecker,
  ) {}

  /** The alerts raised; null when the tickets were not all counted in time (the hourly check comes later). */
  async checkOnceCounted(
    month: string,
    ticketIds: string[],
    timeoutMs: number,
  ): Promise<QualityAlertRow[] | null> {
    const deadline = Date.now() + timeoutMs;
    while ((await this.quality.countedTickets(ticketIds)) < ticketIds.length) {
      if (Date.now() > deadline) return null;
      await sleep(POLL_MS);
    }
    return this.checker.check(month);
  }
}
