import { CategoryRow, forecastOf } from './forecast';

const row = (overrides: Partial<CategoryRow>): CategoryRow => ({
  ownerId: 'rep',
  category: 'pipeline',
  count: 1,
  amount: 0,
  weighted: 0,
  excluded: 0,
  ...overrides,
});

describe(forecastOf.name, () => {
  it('adds rows per category and weighs the whole pipeline, closed included, to the cent', () => {
    const figures = forecastOf([
      row({ category: 'closed', amount: 300000, weighted: 300000 }),
      row({ category: 'commit', amount: 100000, weighted: 80000, excluded: 1 }),
      row({ category: 'best_case', amount: 0.1, weighted: 0.05 }),
      row({ category: 'best_case', ownerId: 'other', amount: 0.2, weighted: 0.1 }),
    ]);
    expect(figures).toEqual({
      closed: { count: 1, amount: 300000, weighted: 300000 },
      commit: { count: 1, amount: 100000, weighted: 80000 },
      bestCase: { count: 2, amount: 0.3, weighted: 0.15 },
      pipeline: { count: 0, amount: 0, weighted: 0 },
      weighted: 380000.15,
      excludedOtherCurrencies: 1,
    });
  });
});
