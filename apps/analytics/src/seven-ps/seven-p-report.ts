import type { SevenPsRow } from './dto/seven-ps.response';

/** The Seven Ps of customer analysis (ADR 0036), one report each. */
export const SEVEN_PS = [
  'profiling',
  'persistency',
  'profitability',
  'performance',
  'prospecting',
  'product',
  'promotion',
] as const;
export type SevenP = (typeof SEVEN_PS)[number];

/** The filters a report may take; each report names those that apply to it. */
export const SEVEN_PS_FILTERS = ['region', 'tier', 'ageBand', 'model', 'source'] as const;
export type SevenPsFilter = (typeof SEVEN_PS_FILTERS)[number];

/** Every grouping some report offers; each report names its own, its default first. */
export const SEVEN_PS_GROUPINGS = [
  'tier',
  'segment',
  'region',
  'ageBand',
  'model',
  'product',
  'channel',
  'source',
  'campaign',
] as const;
export type SevenPsGrouping = (typeof SEVEN_PS_GROUPINGS)[number];

/**
 * One P: its SQL, with named parameters (`:from`, `:to`, `:currency` and the filters, null when not given),
 * returning its key columns first, then its figures. The caller pages and orders it by the keys.
 */
export interface SevenPReport {
  p: SevenP;
  /** What the window selects and what the figures mean. */
  basis: string;
  /** What the figures cannot show for want of data in the events. */
  missing: string[];
  groupings: readonly SevenPsGrouping[];
  filters(by: SevenPsGrouping): readonly SevenPsFilter[];
  /** False: the figures are the last value recompute's, over its window; from and to do not apply. */
  windowed: boolean;
  keys(by: SevenPsGrouping): number;
  sql(by: SevenPsGrouping): string;
  /** Figures computed from a row's (as the lift and its interval), appended after the SQL's. */
  derive?(row: SevenPsRow): SevenPsRow;
  /** Columns whose max is the newest event the figures include. */
  newestEvent: string[];
}

const NAMED = /(?<!:):([a-zA-Z]+)\b/g;

/** `:name` placeholders to `$n`, each name one parameter however often it appears. */
export function bindNamed(sql: string, values: Record<string, unknown>): [string, unknown[]] {
  const names: string[] = [];
  const text = sql.replace(NAMED, (_match, name: string) => {
    if (!(name in values)) throw new Error(`no value for :${name}`);
    if (!names.includes(name)) names.push(name);
    return `$${names.indexOf(name) + 1}`;
  });
  return [text, names.map((name) => values[name] ?? null)];
}
