import { backoffDelay } from './supervised-consumer';

describe(backoffDelay.name, () => {
  it('doubles from the initial wait with each failure in a row, up to the maximum', () => {
    const backoff = { initialMs: 500, maxMs: 30_000 };
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8].map((failures) => backoffDelay(backoff, failures))).toEqual([
      500, 500, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000,
    ]);
  });
});
