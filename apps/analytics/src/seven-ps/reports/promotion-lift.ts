import { liftOf } from '@crm/core';
import { SevenPsRow } from '../dto/seven-ps.response';

/** Per group of settled recipients (SQL over rows `f` of the recipient fact): the counts the lift is read from. */
export const SETTLED_FIGURES = `count(f.event_id)::int AS recipients,
    count(*) FILTER (WHERE f.grp = 'treated')::int AS treated,
    count(*) FILTER (WHERE f.grp = 'holdout')::int AS holdout,
    count(*) FILTER (WHERE f.grp = 'treated' AND f.responded)::int AS "treatedResponded",
    count(*) FILTER (WHERE f.grp = 'holdout' AND f.responded)::int AS "holdoutResponded",
    count(*) FILTER (WHERE f.grp = 'treated' AND f.converted)::int AS "treatedConverted",
    count(*) FILTER (WHERE f.grp = 'holdout' AND f.converted)::int AS "holdoutConverted",
    coalesce(sum(f.conversion_amount) FILTER (WHERE f.grp = 'treated'), 0)::float8 AS revenue`;

const count = (row: SevenPsRow, column: string) => Number(row[column] ?? 0);
const share = (part: number, of: number) => (of > 0 ? part / of : null);

/**
 * A row with the settled counts gains the response and conversion rates of both groups and the conversion lift of
 * the treated over the holdout with its 95 % interval (null, never NaN, without a holdout or with too few).
 */
export function withLift(row: SevenPsRow): SevenPsRow {
  const treated = { size: count(row, 'treated'), converted: count(row, 'treatedConverted') };
  const holdout = { size: count(row, 'holdout'), converted: count(row, 'holdoutConverted') };
  const lift = liftOf(treated, holdout);
  return {
    ...row,
    treatedResponseRate: share(count(row, 'treatedResponded'), treated.size),
    holdoutResponseRate: share(count(row, 'holdoutResponded'), holdout.size),
    treatedConversionRate: lift.treatedRate,
    holdoutConversionRate: lift.holdoutRate,
    lift: lift.absoluteLift,
    liftLow: lift.confidenceInterval95?.low ?? null,
    liftHigh: lift.confidenceInterval95?.high ?? null,
    liftNote: lift.note,
  };
}
