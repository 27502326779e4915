/** Consecutive items sharing a key (compared by identity); an item whose key is undefined stands alone. */
export interface Run<T, K> {
  key: K | undefined;
  items: T[];
}

/** Splits `items` into runs of consecutive items with the same key, keeping their order. */
export function runsOf<T, K>(items: T[], keyOf: (item: T) => K | undefined): Run<T, K>[] {
  const runs: Run<T, K>[] = [];
  for (const item of items) {
    const key = keyOf(item);
    const last = runs[runs.length - 1];
    if (last && key !== undefined && last.key === key) last.items.push(item);
    else runs.push({ key, items: [item] });
  }
  return runs;
}
