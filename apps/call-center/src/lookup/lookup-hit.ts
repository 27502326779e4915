export type LookupMatch = 'phone' | 'vin' | 'name';

/** One customer an agent may be talking to, with enough to pick the right person. */
export interface LookupHit {
  customerId: string;
  name: string;
  nameLatin: string | null;
  phones: string[];
  vins: string[];
  city: string | null;
  matchedBy: LookupMatch;
  /** 3 exact, 2 prefix, 1 partial. */
  score: number;
}
