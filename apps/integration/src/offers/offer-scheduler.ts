import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { WakePollLoop } from '@crm/messaging';
import { OfferGranting } from './offer-granting';
import { OfferRuleRepository } from './offer-rule.repository';
import { OFFER_SETTINGS, OfferSettings } from './offer-settings';

/**
 * On a schedule (and when a rule is saved): every enabled rule over all customers, since time alone makes a customer
 * match ("no service visit for 12 months"), and the offers past their validity end. Batches of their own
 * transactions, so a long pass holds no lock for long.
 */
@Injectable()
export class OfferScheduler implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly loop: WakePollLoop;

  constructor(
    private readonly db: DataSource,
    private readonly rules: OfferRuleRepository,
    private readonly granting: OfferGranting,
    @Inject(OFFER_SETTINGS) private readonly settings: OfferSettings,
  ) {
    this.loop = new WakePollLoop({
      name: OfferScheduler.name,
      pass: () => this.runPass(),
      pollIntervalMs: settings.evaluateIntervalMs,
    });
  }

  onApplicationBootstrap(): void {
    if (this.settings.backgroundJobs) this.loop.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }

  wake(): void {
    this.loop.wake();
  }

  /** One pass; resolves with the offers granted and ended. */
  async runPass(): Promise<{ granted: number; expired: number }> {
    const expired = await this.untilNone(() => this.db.transaction((tx) => this.granting.expireBatch(tx)));
    let granted = 0;
    for (const rule of await this.rules.enabled(this.db.manager))
      granted += await this.untilNone(() =>
        this.db.transaction((tx) => this.granting.evaluateBatch(tx, rule)),
      );
    return { granted, expired };
  }

  private async untilNone(batch: () => Promise<number>): Promise<number> {
    let total = 0;
    for (let done = await batch(); done > 0; done = await batch()) total += done;
    return total;
  }
}
