export type SearchMatch = 'phone' | 'vin' | 'name' | 'fuzzy-name';

/** One customer found by call-center search, with just enough to pick the right person. */
export interface CustomerSearchHit {
  customerId: string;
  name: string;
  nameLatin: string | null;
  phones: string[];
  city: string | null;
  matchedBy: SearchMatch;
  /** Higher is better: the integer part is the tier (3 exact, 2 prefix, 1 contains, 0 fuzzy). */
  score: number;
}
