import { InvalidInputError } from '@crm/core';
import { customerValueSettings, parseTierCutoffs } from './customer-value-settings';

describe(parseTierCutoffs.name, () => {
  it('reads each tier’s cumulative top share', () => {
    expect(parseTierCutoffs('platinum=2, gold=10, iron=30')).toEqual({ platinum: 2, gold: 10, iron: 30 });
  });

  it.each([
    'platinum=5,gold=1,iron=20',
    'platinum=1,gold=5',
    'platinum=0,gold=5,iron=20',
    'gold=5,iron=120,platinum=1',
  ])('refuses %s, naming the variable', (text) => {
    expect(() => parseTierCutoffs(text)).toThrow(InvalidInputError);
    expect(() => parseTierCutoffs(text)).toThrow(/ANALYTICS_VALUE_TIER_CUTOFFS/);
  });
});

describe(customerValueSettings.name, () => {
  it('defaults to two years of revenue in CNY and the top 1%, 5% and 20%', () => {
    expect(customerValueSettings({} as never)).toEqual({
      windowDays: 730,
      currency: 'CNY',
      cutoffs: { platinum: 1, gold: 5, iron: 20 },
      recomputeMinutes: 60,
      clvYears: 3,
    });
  });
});
