import { Injectable } from '@nestjs/common';
import { Clock, IdGenerator, NotFoundError } from '@crm/core';
import { checkOfferValue, OfferRule, OfferRuleInput } from './offer-rule';
import { OfferRuleRepository } from './offer-rule.repository';
import { OfferScheduler } from './offer-scheduler';

/** Offer rules: validated on save; a saved enabled rule is evaluated over every customer at once. */
@Injectable()
export class OfferRuleService {
  constructor(
    private readonly rules: OfferRuleRepository,
    private readonly scheduler: OfferScheduler,
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

  /** Replaces the rule; offers already granted keep what they were granted with. */
  async replace(ruleId: string, input: OfferRuleInput): Promise<OfferRule> {
    checkOfferValue(input);
    const existing = await this.get(ruleId);
    const rule = toRule(ruleId, input, existing.createdAt, this.clock.now().toISOString());
    await this.rules.save(rule);
    this.scheduler.wake();
    return rule;
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
