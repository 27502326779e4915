import { OfferKind, ValueTier } from '@crm/contracts';
import { InvalidInputError } from '@crm/core';

/** "When a customer is in `tier` and had no service visit for `monthsSinceService` months, offer ..." (ADR 0043). */
export interface OfferRuleInput {
  name: string;
  tier: ValueTier;
  monthsSinceService: number;
  title: string;
  kind: OfferKind;
  value: number;
  currency?: string | null;
  appliesTo: string;
  validityDays: number;
  enabled?: boolean;
}

export interface OfferRule extends Omit<OfferRuleInput, 'currency' | 'enabled'> {
  ruleId: string;
  currency: string | null;
  enabled: boolean;
  createdAt: string;
  updatedAt: string;
}

/** What the field validators cannot say alone: a percentage is at most 100, an amount needs its currency. */
export function checkOfferValue(input: OfferRuleInput): void {
  if (input.kind === 'percent-off' && input.value > 100)
    throw new InvalidInputError([{ field: 'value', message: 'a percent-off offer is at most 100' }]);
  if (input.kind === 'percent-off' && input.currency)
    throw new InvalidInputError([{ field: 'currency', message: 'only an amount-off offer has a currency' }]);
  if (input.kind === 'amount-off' && !input.currency)
    throw new InvalidInputError([{ field: 'currency', message: 'an amount-off offer needs its currency' }]);
}

/** "gold tier, no service visit for 12 months", for the agent and billing. */
export function reasonOf(rule: Pick<OfferRule, 'tier' | 'monthsSinceService'>): string {
  return rule.monthsSinceService > 0
    ? `${rule.tier} tier, no service visit for ${rule.monthsSinceService} months`
    : `${rule.tier} tier`;
}
