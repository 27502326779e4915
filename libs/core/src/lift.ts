/** A group's size and how many of it converted. */
export interface GroupConversions {
  size: number;
  converted: number;
}

export interface Lift {
  treatedRate: number | null;
  holdoutRate: number | null;
  /** Treated rate minus holdout rate (percentage points as a fraction); null without both groups. */
  absoluteLift: number | null;
  /** 95 % interval of the lift; null when a group is too small for the normal approximation (see `note`). */
  confidenceInterval95: { low: number; high: number } | null;
  note: string | null;
}

const Z_95 = 1.959964;
/** The usual rule for the normal approximation of a proportion: at least this many successes and failures. */
const MIN_PER_OUTCOME = 5;

const rateOf = (group: GroupConversions) => (group.size > 0 ? group.converted / group.size : null);

const tooSmall = (group: GroupConversions) =>
  group.converted < MIN_PER_OUTCOME || group.size - group.converted < MIN_PER_OUTCOME;

/**
 * The lift of the treated group's conversion rate over the holdout's, with a 95 % Wald interval for a difference of
 * two independent proportions: d ± z·sqrt(p1(1-p1)/n1 + p2(1-p2)/n2).
 */
export function liftOf(treated: GroupConversions, holdout: GroupConversions): Lift {
  const treatedRate = rateOf(treated);
  const holdoutRate = rateOf(holdout);
  if (treatedRate === null || holdoutRate === null)
    return {
      treatedRate,
      holdoutRate,
      absoluteLift: null,
      confidenceInterval95: null,
      note: 'no holdout group',
    };
  const absoluteLift = treatedRate - holdoutRate;
  if (tooSmall(treated) || tooSmall(holdout))
    return {
      treatedRate,
      holdoutRate,
      absoluteLift,
      confidenceInterval95: null,
      note: `too few to estimate: each group needs at least ${MIN_PER_OUTCOME} converted and ${MIN_PER_OUTCOME} not`,
    };
  const standardError = Math.sqrt(
    (treatedRate * (1 - treatedRate)) / treated.size + (holdoutRate * (1 - holdoutRate)) / holdout.size,
  );
  const margin = Z_95 * standardError;
  return {
    treatedRate,
    holdoutRate,
    absoluteLift,
    confidenceInterval95: { low: absoluteLift - margin, high: absoluteLift + margin },
    note: null,
  };
}
