import { Injectable } from '@nestjs/common';
import { Clock, IdGenerator, NotFoundError } from '@crm/core';
import { UnitOfWork } from '@crm/messaging';
import { OfferGranting } from './offer-granting';
import { checkOfferValue, OfferRule, OfferRuleInput } from './offer-rule';
import { OfferRuleRepository } from './offer-rule.repository';
import { OfferScheduler } from './offer-scheduler';

/**
 * Offer rules: validated on save; a saved enabled rule is evaluated over every customer at once; a rule disabled or
 * deleted withdraws its offers not yet applied in the same transaction (ADR 0054).
 */
@Injectable()
export class OfferRuleService {
  constructor(
    private readonly rules: OfferRuleRepository,
    private readonly scheduler: OfferScheduler,
    private readonly granting: OfferGranting,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly ids: IdGenerator,
  ) {}

  async create(input: OfferRuleInput): Promise<OfferRule> {
    checkOfferValue(input);
    const now = this.clock.now().toISOString();
    const rule = toRule(this.ids.next(), input, now, now);
    await this.rules.save(rule);
    this.scheduler.wake();
    return rule;
  }

  /** Replaces the rule; offers granted keep their terms, and are withdrawn if it is disabled (not applied ones). */
  async replace(ruleId: string, input: OfferRuleInput): Promise<OfferRule> {
    checkOfferValue(input);
    const existing = await this.get(ruleId);
    const rule = toRule(ruleId, input, existing.createdAt, this.clock.now().toISOString());
    await this.unitOfWork.run(async (tx) => {
      await this.rules.save(rule, tx);
      if (!rule.enabled) await this.granting.withdrawForRule(tx, ruleId, 'rule-disabled');
    });
    this.scheduler.wake();
    return rule;
  }

  /** Deletes the rule: it grants nothing more, and its offers not yet applied are withdrawn. */
  async delete(ruleId: string): Promise<void> {
    await this.unitOfWork.run(async (tx) => {
      if (!(await this.rules.markDeleted(tx, ruleId, this.clock.now())))
        throw new NotFoundError('offer rule', ruleId);
      await this.granting.withdrawForRule(tx, ruleId, 'rule-deleted');
    });
  }

  async get(ruleId: string): Promise<OfferRule> {
    const rule = await this.rules.find(ruleId);
    if (!rule) throw new NotFoundError('offer rule', ruleId);
    return rule;
  }

  list(limit: number, offset: number): Promise<OfferRule[]> {
    return this.rules.list(limit, offset);
  }
}

function toRule(ruleId: string, input: OfferRuleInput, createdAt: string, updatedAt: string): OfferRule {
  return {
    ruleId,
    name: input.name,
    tier: input.tier,
    monthsSinceService: input.monthsSinceService,
    title: input.title,
    kind: input.kind,
    value: input.value,
    currency: input.currency ?? null,
    appliesTo: input.appliesTo,
    validityDays: input.validityDays,
    enabled: input.enabled ?? true,
    createdAt,
    updatedAt,
  };
}
