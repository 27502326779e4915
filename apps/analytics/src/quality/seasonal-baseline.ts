/**
 * The expected range of a quality cell (one model, one quality type) in a month, and when a month jumps
 * beyond it. Documented in ADR 0028.
 *
 * Baseline months: the 6 months before the checked one and the same month 1 and 2 years earlier (the
 * seasonal part: air conditioning in summer, batteries in winter), each only when the projection has data
 * for it (the month is not before the first ticket's). At least 6 baseline months are needed; with fewer,
 * no verdict.
 *
 * Expected = the mean of the baseline months' complaints; spread = their sample standard deviation, but
 * never below sqrt(expected) (the Poisson spread of a count with that mean, so a flat history does not
 * make one more complaint an alert). Upper bound = expected + 3 x spread. A month is an alert when its
 * complaints exceed the bound and number at least 3 (a model with almost no complaints is not flagged for
 * its first ones).
 */
export const BASELINE_RULE = {
  trailingMonths: 6,
  priorYears: 2,
  minimumMonths: 6,
  deviations: 3,
  minimumComplaints: 3,
} as const;

const MONTH = /^(\d{4})-(\d{2})$/;

/** `YYYY-MM` shifted by `delta` months. */
export function addMonths(month: string, delta: number): string {
  const [, year, m] = MONTH.exec(month)!;
  const date = new Date(Date.UTC(Number(year), Number(m) - 1 + delta, 1));
  return date.toISOString().slice(0, 7);
}

/** The instants a month (UTC) starts and ends (exclusive). */
export function monthRange(month: string): { from: Date; to: Date } {
  return { from: new Date(`${month}-01T00:00:00Z`), to: new Date(`${addMonths(month, 1)}-01T00:00:00Z`) };
}

/** The months a check of `month` compares it with, oldest first, none before `dataStart`. */
export function baselineMonths(month: string, dataStart: string | null): string[] {
  if (!dataStart) return [];
  const trailing = Array.from({ length: BASELINE_RULE.trailingMonths }, (_, i) => addMonths(month, -1 - i));
  const seasonal = Array.from({ length: BASELINE_RULE.priorYears }, (_, i) =>
    addMonths(month, -12 * (i + 1)),
  );
  return [...new Set([...trailing, ...seasonal])].filter((m) => m >= dataStart).sort();
}

export interface CellVerdict {
  alert: boolean;
  expected: number;
  upperBound: number;
}

/** Null when the baseline has too few months; `counts` holds the baseline months' complaints (0 if absent). */
export function judgeCell(complaints: number, baseline: number[]): CellVerdict | null {
  if (baseline.length < BASELINE_RULE.minimumMonths) return null;
  const expected = baseline.reduce((sum, count) => sum + count, 0) / baseline.length;
  const variance = baseline.reduce((sum, count) => sum + (count - expected) ** 2, 0) / (baseline.length - 1);
  const spread = Math.max(Math.sqrt(variance), Math.sqrt(expected));
  const upperBound = expected + BASELINE_RULE.deviations * spread;
  const alert = complaints > upperBound && complaints >= BASELINE_RULE.minimumComplaints;
  return { alert, expected, upperBound };
}
