/**
 * Splits changes into rounds in which no key appears twice, each key's changes in their order: one multi-row
 * upsert per round, since PostgreSQL updates a row at most once per statement. Projections merge by rule
 * (ADR 0026), so applying round after round gives the rows that applying the changes one by one gives.
 */
export function roundsByKey<T>(items: T[], keyOf: (item: T) => string): T[][] {
  const rounds: T[][] = [];
  const taken = new Map<string, number>();
  for (const item of items) {
    const key = keyOf(item);
    const round = taken.get(key) ?? 0;
    taken.set(key, round + 1);
    (rounds[round] ??= []).push(item);
  }
  return rounds;
}
