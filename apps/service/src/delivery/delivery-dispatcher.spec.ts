import { Clock, FixedClock } from '@crm/core';
import { LoopTimers } from '@crm/messaging';
import { DeliveryDispatcher, DispatcherOptions, RecordedAttempt, SendOutcome } from './delivery-dispatcher';

interface Row {
  id: number;
  attempts: number;
  fails: boolean;
}

/** A dispatcher over rows in memory: what is claimed, sent and recorded, without a database or a network. */
class MemoryDispatcher extends DeliveryDispatcher<Row, SendOutcome> {
  readonly leases: { now: Date; leaseUntil: Date; limit: number }[] = [];
  readonly recorded: RecordedAttempt<SendOutcome>[] = [];

  constructor(
    clock: Clock,
    private due: Row[],
    options: Partial<DispatcherOptions> = {},
  ) {
    super(clock, { name: 'memory', background: false, pollIntervalMs: 1_000, ...options });
  }

  add(...rows: Row[]) {
    this.due.push(...rows);
  }

  protected async claimDue(now: Date, leaseUntil: Date, limit: number): Promise<Row[]> {
    this.leases.push({ now, leaseUntil, limit });
    return this.due.splice(0, limit);
  }
  protected async send(row: Row): Promise<SendOutcome> {
    return { error: row.fails ? 'ECONNREFUSED' : null, durationMs: 3 };
  }
  protected async record(_row: Row, attempt: RecordedAttempt<SendOutcome>): Promise<void> {
    this.recorded.push(attempt);
  }
}

const rows = (count: number, fails = false) =>
  Array.from({ length: count }, (_, i) => ({ id: i, attempts: 0, fails }));
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe(DeliveryDispatcher.name, () => {
  const clock = new FixedClock(new Date('2026-11-24T00:00:00Z'));

  it('claims due rows with a lease longer than a send can take', async () => {
    const dispatcher = new MemoryDispatcher(clock, rows(1));
    await dispatcher.dispatchDue();
    const [{ now, leaseUntil }] = dispatcher.leases;
    expect(leaseUntil.getTime() - now.getTime()).toBe(30_000);
  });

  it('keeps claiming batches until fewer than a batch are due', async () => {
    const dispatcher = new MemoryDispatcher(clock, rows(45));
    expect(await dispatcher.dispatchDue()).toBe(45);
    expect(dispatcher.leases).toHaveLength(3);
  });

  it('records a delivered send as done and a failed one with its next attempt', async () => {
    const dispatcher = new MemoryDispatcher(clock, [...rows(1), { id: 9, attempts: 2, fails: true }]);
    await dispatcher.dispatchDue();
    expect(dispatcher.recorded).toEqual([
      expect.objectContaining({ attempt: 1, delivered: true, nextAttemptAt: null }),
      expect.objectContaining({
        attempt: 3,
        delivered: false,
        error: 'ECONNREFUSED',
        nextAttemptAt: new Date('2026-11-24T00:00:04Z'),
      }),
    ]);
  });

  it('sends at once when a commit wakes it, and polls as the safety net', async () => {
    const pending: { run: () => void; delayMs: number }[] = [];
    const timers: LoopTimers = {
      set: (run, delayMs) => pending.push({ run, delayMs }),
      clear: () => pending.splice(0),
    };
    const dispatcher = new MemoryDispatcher(clock, [], { background: true, timers });
    dispatcher.onApplicationBootstrap();
    await settle();
    dispatcher.add(...rows(2));
    dispatcher.wake();
    await settle();
    expect(dispatcher.recorded).toHaveLength(2);
    expect(pending.map((timer) => timer.delayMs)).toEqual([1_000]);
    await dispatcher.onApplicationShutdown();
    expect(pending).toEqual([]);
  });
});
