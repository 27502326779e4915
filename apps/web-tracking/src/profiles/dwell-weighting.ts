/** A page seen longer than this counts this long: a tab left open overnight is not ten hours of interest. */
export const DWELL_CAP_MS = 10 * 60_000;
/** A page left sooner than this is a bounce: it counts for nothing in the rankings and the dwell totals. */
export const BOUNCE_MS = 2_000;

export const wholeSeconds = (ms: number): number => Math.floor(ms / 1000);
