import { QuotaFigures, quotaProgress, rollUp } from './quota-progress';

const figures = (overrides: Partial<QuotaFigures>): QuotaFigures => ({
  prospectsQuota: null,
  revenueQuota: null,
  prospects: 0,
  revenue: 0,
  wonInOtherCurrencies: 0,
  ...overrides,
});

describe(quotaProgress.name, () => {
  it('is behind when below the quota pro-rated to the share of the month passed', () => {
    const progress = quotaProgress(
      figures({ prospectsQuota: 10, revenueQuota: 300_000, prospects: 4, revenue: 50_000 }),
      0.5,
    );
    expect(progress.prospects).toEqual({
      quota: 10,
      actual: 4,
      expectedByNow: 5,
      attainment: 0.4,
      behind: true,
    });
    expect(progress.revenue).toMatchObject({ expectedByNow: 150_000, behind: true });
    expect(progress.behind).toBe(true);
  });

  it('is on track exactly at the pro-rated share and never behind without a quota', () => {
    const progress = quotaProgress(figures({ prospectsQuota: 10, prospects: 5 }), 0.5);
    expect(progress.prospects.behind).toBe(false);
    expect(progress.revenue).toEqual({
      quota: null,
      actual: 0,
      expectedByNow: null,
      attainment: null,
      behind: false,
    });
    expect(progress.behind).toBe(false);
  });
});

describe(rollUp.name, () => {
  it("adds members' quotas where set and everyone's results", () => {
    const team = rollUp([
      figures({ prospectsQuota: 10, revenueQuota: 100, prospects: 3, revenue: 40 }),
      figures({ prospects: 2, revenue: 10, wonInOtherCurrencies: 1 }),
      figures({ prospectsQuota: 5, prospects: 1 }),
    ]);
    expect(team).toEqual({
      prospectsQuota: 15,
      revenueQuota: 100,
      prospects: 6,
      revenue: 50,
      wonInOtherCurrencies: 1,
    });
  });
});
