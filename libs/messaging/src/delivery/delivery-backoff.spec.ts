import { MAX_DELIVERY_ATTEMPTS, nextAttemptAt } from './delivery-backoff';

describe(nextAttemptAt.name, () => {
  const now = new Date('2026-11-24T00:00:00Z');
  const waitAfter = (attempts: number) => (nextAttemptAt(now, attempts)?.getTime() ?? NaN) - now.getTime();

  it('doubles the wait after each failed attempt', () => {
    expect([1, 2, 3, 4].map(waitAfter)).toEqual([1_000, 2_000, 4_000, 8_000]);
  });

  it('caps the wait at three hours', () => {
    expect(waitAfter(MAX_DELIVERY_ATTEMPTS - 1)).toBeLessThanOrEqual(3 * 3_600_000);
  });

  it('gives up after the last attempt', () => {
    expect(nextAttemptAt(now, MAX_DELIVERY_ATTEMPTS)).toBeNull();
  });
});
