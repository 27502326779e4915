/** Each feature's mean and standard deviation over the training rows, unknown values left out. */
export interface Standardisation {
  means: number[];
  stds: number[];
}

/**
 * Fits the means and (population) standard deviations per column. A column with no spread (or no known value) gets a
 * standard deviation of 1, so it standardises to 0 and carries no weight rather than dividing by zero.
 */
export function fitStandardisation(rows: (number | null)[][], columns: number): Standardisation {
  const means: number[] = [];
  const stds: number[] = [];
  for (let column = 0; column < columns; column++) {
    const known = rows.map((row) => row[column]).filter((value): value is number => value !== null);
    const mean = known.length ? known.reduce((sum, value) => sum + value, 0) / known.length : 0;
    const variance = known.length
      ? known.reduce((sum, value) => sum + (value - mean) ** 2, 0) / known.length
      : 0;
    means.push(mean);
    stds.push(variance > 0 ? Math.sqrt(variance) : 1);
  }
  return { means, stds };
}

/** (value - mean) / std per feature; an unknown value becomes 0, the mean. */
export function standardise(values: (number | null)[], { means, stds }: Standardisation): number[] {
  return means.map((mean, column) => {
    const value = values[column];
    return value === null || value === undefined ? 0 : (value - mean) / stds[column];
  });
}
