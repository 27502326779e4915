import { VALUE_TIERS } from '@crm/contracts';

/**
 * One model input: a number (or NULL when unknown) per customer as of a moment, as SQL over the population row
 * `p (customer_id, as_of)`, the customer `c` and the aggregates the feature query joins (see feature-sql.ts).
 */
export interface PropensityFeature {
  key: string;
  /** How the feature reads in an explanation. */
  name: string;
  sql: string;
}

const YEAR_SECONDS = 365.25 * 86_400;
const yearsBefore = (moment: string) => `(extract(epoch FROM (p.as_of - ${moment})) / ${YEAR_SECONDS})`;

const NUMERIC: PropensityFeature[] = [
  { key: 'age', name: 'Age (years)', sql: `date_part('year', age(p.as_of, c.birthday))` },
  { key: 'vehiclesOwned', name: 'Vehicles owned', sql: `veh.owned` },
  { key: 'vehicleAgeYears', name: 'Years since the latest vehicle purchase', sql: yearsBefore('veh.latest') },
  {
    key: 'tenureYears',
    name: 'Years since the first purchase',
    sql: yearsBefore('LEAST(veh.first, ord.first)'),
  },
  {
    key: 'monthsSinceService',
    name: 'Months since the last service visit',
    sql: `${yearsBefore('s.last_service_at')} * 12`,
  },
  { key: 'serviced', name: 'Has a service visit on record', sql: `(s.customer_id IS NOT NULL)::int` },
  { key: 'serviceVisits', name: 'Service visits', sql: `vis.visits` },
  { key: 'orderCount', name: 'Orders placed', sql: `ord.placed` },
  { key: 'orderAmount', name: 'Amount ordered (10k CNY)', sql: `ord.amount / 10000` },
  { key: 'pastResponseRate', name: 'Response rate to earlier campaigns', sql: `past.rate` },
];

/** A small categorical as one 0/1 input per value; the values not listed (and unknown) are the baseline. */
const oneHot = (key: string, name: string, column: string, values: readonly string[]): PropensityFeature[] =>
  values.map((value) => ({
    key: `${key}:${value}`,
    name: `${name}: ${value}`,
    sql: `(${column} IS NOT DISTINCT FROM '${value}')::int`,
  }));

/** The model's inputs, in the order of its weights; declared once, read by the query, the trainer and the API. */
export const PROPENSITY_FEATURES: readonly PropensityFeature[] = [
  ...NUMERIC,
  ...oneHot('valueTier', 'Value tier', 't.tier', VALUE_TIERS),
  ...oneHot('gender', 'Gender', 'c.gender', ['female', 'male']),
];

export const FEATURE_KEYS = PROPENSITY_FEATURES.map((feature) => feature.key);
