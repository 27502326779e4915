import { Logger } from '@nestjs/common';
import { LoopTimers, WakePollLoop } from './wake-poll-loop';

/** Timers that fire only when the test says so. */
class ManualTimers implements LoopTimers {
  private pending = new Map<number, { run: () => void; delayMs: number }>();
  private next = 0;

  set(run: () => void, delayMs: number): unknown {
    this.pending.set(++this.next, { run, delayMs });
    return this.next;
  }
  clear(handle: unknown): void {
    this.pending.delete(handle as number);
  }
  delays(): number[] {
    return [...this.pending.values()].map((timer) => timer.delayMs);
  }
  fire(): void {
    const [[handle, timer]] = [...this.pending.entries()];
    this.pending.delete(handle);
    timer.run();
  }
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe(WakePollLoop.name, () => {
  let timers: ManualTimers;
  let passes: number;
  let outcome: () => Promise<unknown>;
  let loop: WakePollLoop;

  beforeAll(() => jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined));
  beforeEach(() => {
    timers = new ManualTimers();
    passes = 0;
    outcome = () => Promise.resolve();
    loop = new WakePollLoop({
      name: 'test-loop',
      pass: () => (passes++, outcome()),
      pollIntervalMs: 1_000,
      maxBackoffMs: 5_000,
      timers,
    });
  });
  afterEach(() => loop.stop());

  it('runs a pass at start, then polls at the interval', async () => {
    loop.start();
    await settle();
    expect(passes).toBe(1);
    expect(timers.delays()).toEqual([1_000]);
    timers.fire();
    await settle();
    expect(passes).toBe(2);
  });

  it('runs a pass at once when woken, without waiting for the poll', async () => {
    loop.start();
    await settle();
    loop.wake();
    await settle();
    expect(passes).toBe(2);
    expect(timers.delays()).toEqual([1_000]);
  });

  it('runs one more pass when woken during a pass, never two at once', async () => {
    let finish!: () => void;
    outcome = () => new Promise<void>((resolve) => (finish = resolve));
    loop.start();
    loop.wake();
    loop.wake();
    expect(passes).toBe(1);
    outcome = () => Promise.resolve();
    finish();
    await settle();
    expect(passes).toBe(2);
  });

  it('backs off while passes fail, ignoring wake-ups, and returns to the poll interval once one succeeds', async () => {
    outcome = () => Promise.reject(new Error('broker down'));
    loop.start();
    await settle();
    expect(timers.delays()).toEqual([1_000]);
    loop.wake();
    await settle();
    expect(passes).toBe(1);
    timers.fire();
    await settle();
    expect(timers.delays()).toEqual([2_000]);
    timers.fire();
    await settle();
    timers.fire();
    await settle();
    expect(timers.delays()).toEqual([5_000]);
    outcome = () => Promise.resolve();
    timers.fire();
    await settle();
    expect(timers.delays()).toEqual([1_000]);
  });

  it('stops after the pass in flight and polls no more', async () => {
    let finish!: () => void;
    outcome = () => new Promise<void>((resolve) => (finish = resolve));
    loop.start();
    let stopped = false;
    const stopping = loop.stop().then(() => (stopped = true));
    await settle();
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(timers.delays()).toEqual([]);
    loop.wake();
    expect(passes).toBe(1);
  });
});
