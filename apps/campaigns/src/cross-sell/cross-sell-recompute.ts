import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock } from '@crm/core';
import { UnitOfWork } from '@crm/messaging';
import { CAMPAIGNS_SETTINGS, CampaignsSettings } from '../campaigns-settings';
import { minedRules } from './association-rule';
import { CrossSellRuleRepository } from './cross-sell-rule.repository';
import { NextBestOfferService } from './next-best-offer.service';

/** One recompute at a time across every instance: a transaction-scoped advisory lock on this name. */
const LOCK = 'campaigns.cross-sell-recompute';

export interface CrossSellRecomputeResult {
  computedAt: string;
  baskets: number;
  rules: number;
  offerChanges: number;
}

/**
 * Mines the association rules over the replicas, replaces them, and moves each customer's next best offer, all
 * in one transaction; `next-best-offer.changed` goes through the outbox for each customer whose offered product
 * is new, another one or gone, so a recompute that changes no product publishes nothing (ADR 0034).
 */
@Injectable()
export class CrossSellRecompute {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly rules: CrossSellRuleRepository,
    private readonly offers: NextBestOfferService,
    private readonly clock: Clock,
    @Inject(CAMPAIGNS_SETTINGS) private readonly settings: CampaignsSettings,
  ) {}

  /** On demand: after a recompute in progress. */
  recomputeNow(): Promise<CrossSellRecomputeResult> {
    return this.unitOfWork.run(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [LOCK]);
      return this.recompute(tx);
    });
  }

  /** The schedule: when the last run is older than the configured interval; skips while another instance runs. */
  recomputeIfDue(): Promise<CrossSellRecomputeResult | null> {
    return this.unitOfWork.run(async (tx) => {
      const [{ locked }] = await tx.query(`SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked`, [LOCK]);
      if (!locked || !(await this.due(tx))) return null;
      return this.recompute(tx);
    });
  }

  private async due(tx: EntityManager): Promise<boolean> {
    const minutes = this.settings.crossSell.recomputeMinutes;
    if (minutes === null) return false;
    const last = await this.rules.lastRunAt(tx);
    return !last || last.getTime() <= this.clock.now().getTime() - minutes * 60_000;
  }

  private async recompute(tx: EntityManager): Promise<CrossSellRecomputeResult> {
    const now = this.clock.now();
    const baskets = await this.rules.stageBaskets(tx);
    const thresholds = this.settings.crossSell;
    const rules = minedRules(await this.rules.pairCounts(tx, thresholds.minSupport), thresholds);
    await this.rules.replace(tx, rules);
    const offerChanges = await this.offers.update(tx, now);
    await this.rules.recordRun(tx, now, baskets, rules.length);
    return { computedAt: now.toISOString(), baskets, rules: rules.length, offerChanges };
  }
}
