import { NextBestOffer } from '@crm/contracts';

/** How many customers own what, for one ordered pair of products: the counts a rule A -> B is measured on. */
export interface PairCounts {
  antecedent: string;
  consequent: string;
  /** Customers owning both A and B. */
  bothCustomers: number;
  antecedentCustomers: number;
  consequentCustomers: number;
  /** Every customer with at least one product. */
  baskets: number;
}

export interface RuleThresholds {
  minSupport: number;
  minConfidence: number;
  minLift: number;
}

/** "Owners of A often buy B", measured (ADR 0034). */
export interface AssociationRule extends PairCounts {
  /** P(A and B): share of all customers owning both. */
  support: number;
  /** P(B | A): share of A's owners who own B. */
  confidence: number;
  /** P(B | A) / P(B): how much likelier owning A makes owning B. */
  lift: number;
  /** confidence x lift: what the next best offer ranks rules by. */
  score: number;
}

export function measureRule(counts: PairCounts): AssociationRule {
  const { bothCustomers, antecedentCustomers, consequentCustomers, baskets } = counts;
  const confidence = bothCustomers / antecedentCustomers;
  // One division of whole numbers, so a lift exactly at a threshold compares as equal to it.
  const lift = (bothCustomers * baskets) / (antecedentCustomers * consequentCustomers);
  return { ...counts, support: bothCustomers / baskets, confidence, lift, score: confidence * lift };
}

export function meetsThresholds(rule: AssociationRule, thresholds: RuleThresholds): boolean {
  return (
    rule.support >= thresholds.minSupport &&
    rule.confidence >= thresholds.minConfidence &&
    rule.lift >= thresholds.minLift
  );
}

/** The rules worth keeping from the counted pairs. */
export function minedRules(pairs: PairCounts[], thresholds: RuleThresholds): AssociationRule[] {
  return pairs.map(measureRule).filter((rule) => meetsThresholds(rule, thresholds));
}

/** What an agent reads: "owners of Aurora S7 often buy Nova E3: confidence 42%, lift 3.1". */
export function offerReason(
  offer: Pick<NextBestOffer, 'basedOn' | 'product' | 'confidence' | 'lift'>,
): string {
  const percent = Math.round(offer.confidence * 100);
  return `owners of ${offer.basedOn} often buy ${offer.product}: confidence ${percent}%, lift ${offer.lift.toFixed(1)}`;
}
