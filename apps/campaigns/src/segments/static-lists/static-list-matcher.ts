import { KeyMatches } from './static-list.repository';
import { CustomerKey, RejectedRow } from './static-list-row';

/** Decides row by row who a static list holds, and why each other row was left out. */
export class StaticListMatcher {
  /** Each matched customer and the first row that named them. */
  private readonly firstRowOf = new Map<string, number>();
  private readonly rejections: RejectedRow[] = [];

  accept(line: number, key: CustomerKey | RejectedRow, matches: KeyMatches): void {
    if (!('by' in key)) {
      this.rejections.push(key);
      return;
    }
    const found = matchesFor(key, matches);
    if (found.length === 0)
      return this.reject(line, 'unknown-customer', `no customer has this ${describe(key)}`);
    if (found.length > 1)
      return this.reject(
        line,
        'ambiguous',
        `${found.length} customers have this ${describe(key)}; use customer_id`,
      );
    const earlier = this.firstRowOf.get(found[0]);
    if (earlier !== undefined) return this.reject(line, 'duplicate', `the same customer as row ${earlier}`);
    this.firstRowOf.set(found[0], line);
  }

  members(): string[] {
    return [...this.firstRowOf.keys()];
  }

  rejected(): RejectedRow[] {
    return this.rejections;
  }

  private reject(row: number, reason: RejectedRow['reason'], message: string): void {
    this.rejections.push({ row, reason, message });
  }
}

function matchesFor(key: CustomerKey, matches: KeyMatches): string[] {
  if (key.by === 'id') return matches.byId.get(key.value) ?? [];
  if (key.by === 'phone') return matches.byPhone.get(key.value) ?? [];
  return matches.byEmail.get(key.value) ?? [];
}

function describe(key: CustomerKey): string {
  return key.by === 'id' ? 'customer_id' : key.by;
}
