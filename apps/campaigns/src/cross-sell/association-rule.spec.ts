import { measureRule, meetsThresholds, minedRules, offerReason, PairCounts } from './association-rule';

const pair = (overrides: Partial<PairCounts> = {}): PairCounts => ({
  antecedent: 'Aurora S7',
  consequent: 'Nova E3',
  bothCustomers: 4,
  antecedentCustomers: 5,
  consequentCustomers: 6,
  baskets: 10,
  ...overrides,
});

describe('association rules (support, confidence, lift)', () => {
  it('measures support over all customers, confidence over the antecedent, lift against the consequent', () => {
    const rule = measureRule(pair());
    expect(rule.support).toBeCloseTo(0.4, 12);
    expect(rule.confidence).toBeCloseTo(0.8, 12);
    // 0.8 / (6 / 10)
    expect(rule.lift).toBeCloseTo(4 / 3, 12);
    expect(rule.score).toBeCloseTo(0.8 * (4 / 3), 12);
  });

  it('gives lift 1 when owning the antecedent changes nothing', () => {
    expect(measureRule(pair({ bothCustomers: 3, antecedentCustomers: 5, consequentCustomers: 6 })).lift).toBe(
      1,
    );
  });

  it('keeps a rule exactly at every threshold and drops one just under any of them', () => {
    const rule = measureRule(
      pair({ bothCustomers: 1, antecedentCustomers: 10, consequentCustomers: 1, baskets: 10 }),
    );
    expect([rule.support, rule.confidence, rule.lift]).toEqual([0.1, 0.1, 1]);
    const at = { minSupport: 0.1, minConfidence: 0.1, minLift: 1 };
    expect(meetsThresholds(rule, at)).toBe(true);
    expect(meetsThresholds(rule, { ...at, minSupport: 0.11 })).toBe(false);
    expect(meetsThresholds(rule, { ...at, minConfidence: 0.11 })).toBe(false);
    expect(meetsThresholds(rule, { ...at, minLift: 1.01 })).toBe(false);
  });

  it('mines only the pairs that pass', () => {
    const strong = pair();
    const weak = pair({ consequent: 'Terra X5', bothCustomers: 1, consequentCustomers: 9 });
    const mined = minedRules([strong, weak], { minSupport: 0.05, minConfidence: 0.3, minLift: 1.2 });
    expect(mined.map((rule) => rule.consequent)).toEqual(['Nova E3']);
  });

  it('explains an offer in whole percent and one decimal of lift', () => {
    expect(offerReason({ basedOn: 'Aurora S7', product: 'Nova E3', confidence: 0.4166, lift: 3.14 })).toBe(
      'owners of Aurora S7 often buy Nova E3: confidence 42%, lift 3.1',
    );
  });
});
