import { ForecastCategory } from '../opportunities/pipeline';

/** Adjusted for one salesperson (their own opportunities) or a team (a manager's whole subtree). */
export const FORECAST_LEVELS = ['rep', 'team'] as const;
export type ForecastLevel = (typeof FORECAST_LEVELS)[number];

export interface CategoryTotal {
  count: number;
  /** Sum of amounts (CNY). */
  amount: number;
  /** Sum of amount x stage probability. */
  weighted: number;
}

/**
 * A month's forecast computed from opportunities (CNY only): open ones by expected close date, won
 * ones by the day they closed (counted as closed at 100 %), lost ones not at all.
 */
export interface ForecastFigures {
  closed: CategoryTotal;
  commit: CategoryTotal;
  bestCase: CategoryTotal;
  pipeline: CategoryTotal;
  /** The weighted pipeline: the forecast number before any adjustment. */
  weighted: number;
  /** Opportunities of the month in other currencies, left out: there are no exchange rates to convert them. */
  excludedOtherCurrencies: number;
}

/** One owner's opportunities of one category, summed by the database. */
export interface CategoryRow extends CategoryTotal {
  ownerId: string;
  category: Exclude<ForecastCategory, 'omitted'>;
  excluded: number;
}

export interface ForecastAdjustment {
  id: string;
  level: ForecastLevel;
  userId: string;
  month: string;
  amount: number;
  /** The computed number when the manager adjusted it. */
  computed: number;
  note: string;
  adjustedBy: string;
  adjustedAt: string;
}

const KEYS: Record<CategoryRow['category'], 'closed' | 'commit' | 'bestCase' | 'pipeline'> = {
  closed: 'closed',
  commit: 'commit',
  best_case: 'bestCase',
  pipeline: 'pipeline',
};

/** Rounded to the fen (two decimals), as amounts are stored. */
export const cents = (value: number) => Math.round(value * 100) / 100;
const emptyTotal = (): CategoryTotal => ({ count: 0, amount: 0, weighted: 0 });

function addTotal(into: CategoryTotal, add: CategoryTotal): void {
  into.count += add.count;
  into.amount = cents(into.amount + add.amount);
  into.weighted = cents(into.weighted + add.weighted);
}

export function emptyForecast(): ForecastFigures {
  return {
    closed: emptyTotal(),
    commit: emptyTotal(),
    bestCase: emptyTotal(),
    pipeline: emptyTotal(),
    weighted: 0,
    excludedOtherCurrencies: 0,
  };
}

/** The forecast of the rows given (one person's, or a whole team's). */
export function forecastOf(rows: CategoryRow[]): ForecastFigures {
  const figures = emptyForecast();
  for (const row of rows) {
    addTotal(figures[KEYS[row.category]], row);
    figures.weighted = cents(figures.weighted + row.weighted);
    figures.excludedOtherCurrencies += row.excluded;
  }
  return figures;
}
