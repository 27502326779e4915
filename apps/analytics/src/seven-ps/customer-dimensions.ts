import { ageBandSql } from '../customer-value/age-bands';
import { CUSTOMER_VALUES } from '../customer-value/customer-value-tables';
import { LIVE_TABLES } from '../projections/projection-tables';
import { SevenPsGrouping } from './seven-p-report';

/**
 * Every customer known from their profile or their value, with what the reports group by: region (the
 * customer's province), age band at the window's end, value tier and RFM segment of the last recompute
 * (`unvalued`: no purchase valued yet).
 */
export const CUSTOMER_DIMENSIONS = `(SELECT customer_id, p.province AS region,
    ${ageBandSql('p.birthday', ':to::timestamptz')} AS age_band, coalesce(v.tier, 'unvalued') AS tier,
    v.segment, p.registered_at
  FROM ${LIVE_TABLES.valueCustomer} p FULL JOIN ${CUSTOMER_VALUES} v USING (customer_id))`;

/** The customer filters on a dimensions row aliased `alias`. */
export const customerFilter = (alias: string) =>
  `(:region::text IS NULL OR ${alias}.region = :region) AND (:tier::text IS NULL OR ${alias}.tier = :tier)
   AND (:ageBand::text IS NULL OR ${alias}.age_band = :ageBand)`;

const DIMENSION_COLUMNS: Partial<Record<SevenPsGrouping, string>> = {
  tier: 'tier',
  segment: 'segment',
  region: 'region',
  ageBand: 'age_band',
};

/** The dimensions row's column for a customer grouping, named as the grouping. */
export function customerKey(alias: string, by: SevenPsGrouping): string {
  const column = DIMENSION_COLUMNS[by];
  if (!column) throw new Error(`not a customer grouping: ${by}`);
  return `${alias}.${column} AS "${by}"`;
}

export const CUSTOMER_FILTERS = ['region', 'tier', 'ageBand'] as const;
