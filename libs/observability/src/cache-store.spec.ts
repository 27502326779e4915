import { MemoryCacheStore } from './cache-store';

describe(MemoryCacheStore.name, () => {
  const start = new Date('2025-03-01T08:00:00Z');
  let cache: MemoryCacheStore;

  beforeEach(() => {
    jest.useFakeTimers({ now: start });
    cache = new MemoryCacheStore();
  });

  afterEach(() => jest.useRealTimers());

  it('counts up from one and reads back the count', async () => {
    expect(await cache.increment('failures', 60)).toBe(1);
    expect(await cache.increment('failures', 60)).toBe(2);
    expect(await cache.increment('failures', 60)).toBe(3);
    expect(await cache.get<number>('failures')).toBe(3);
  });

  it('keeps the expiry set when the counter was created', async () => {
    await cache.increment('failures', 60);
    jest.advanceTimersByTime(50_000);
    expect(await cache.increment('failures', 60)).toBe(2);
    jest.advanceTimersByTime(10_001);
    expect(await cache.get<number>('failures')).toBeUndefined();
    expect(await cache.increment('failures', 60)).toBe(1);
  });

  it('counts each key on its own', async () => {
    await cache.increment('a', 60);
    await cache.increment('a', 60);
    expect(await cache.increment('b', 60)).toBe(1);
  });

  it('starts again after the counter is deleted', async () => {
    await cache.increment('failures', 60);
    await cache.delete('failures');
    expect(await cache.increment('failures', 60)).toBe(1);
  });
});
