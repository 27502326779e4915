import { Clock, FixedClock } from '@crm/core';
import { LoopTimers } from '../dispatch/wake-poll-loop';
import {
  DeliveryDispatcher,
  DispatcherOptions,
  LEASE_MARGIN_MS,
  RecordedAttempt,
  SendOutcome,
  StartedAttempt,
} from './delivery-dispatcher';

interface Row {
  id: number;
  attempts: number;
  fails: boolean;
}

/** A dispatcher over rows in memory: what is claimed, sent and recorded, without a database or a network. */
class MemoryDispatcher extends DeliveryDispatcher<Row, SendOutcome> {
  readonly leases: { now: Date; leaseUntil: Date; limit: number }[] = [];
  readonly recorded: RecordedAttempt<SendOutcome>[] = [];
  readonly started: StartedAttempt[] = [];
  readonly events: string[] = [];
  failRecordOf: number | null = null;

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
  protected override async beginAttempt(_row: Row, attempt: StartedAttempt): Promise<void> {
    this.started.push(attempt);
    this.events.push(`begin ${attempt.attempt}`);
  }
  protected async send(row: Row): Promise<SendOutcome> {
    this.events.push(`send ${row.id}`);
    return { error: row.fails ? 'ECONNREFUSED' : null, durationMs: 3 };
  }
  protected async record(row: Row, attempt: RecordedAttempt<SendOutcome>): Promise<void> {
    if (row.id === this.failRecordOf) throw new Error('record failed');
    this.recorded.push(attempt);
    this.events.push(`record ${attempt.attempt}`);
  }
}

/** Row 0's send hangs until released; the dispatcher notes the most sends it had out at once. */
class SlowFirstDispatcher extends MemoryDispatcher {
  mostInFlight = 0;
  private inFlight = 0;
  private release: () => void = () => undefined;
  private readonly slow = new Promise<void>((resolve) => (this.release = resolve));

  releaseSlow() {
    this.release();
  }

  protected override async send(row: Row): Promise<SendOutcome> {
    this.mostInFlight = Math.max(this.mostInFlight, ++this.inFlight);
    if (row.id === 0) await this.slow;
    this.inFlight--;
    return super.send(row);
  }
}

async function until(condition: () => boolean) {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

const rows = (count: number, fails = false) =>
  Array.from({ length: count }, (_, i) => ({ id: i, attempts: 0, fails }));
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe(DeliveryDispatcher.name, () => {
  const clock = new FixedClock(new Date('2026-11-24T00:00:00Z'));

  it('claims due rows with a lease of one send timeout plus a margin', async () => {
    const dispatcher = new MemoryDispatcher(clock, rows(1), { sendTimeoutMs: 5_000 });
    await dispatcher.dispatchDue();
    const [{ now, leaseUntil }] = dispatcher.leases;
    expect(leaseUntil.getTime() - now.getTime()).toBe(5_000 + LEASE_MARGIN_MS);
    expect(LEASE_MARGIN_MS).toBeLessThanOrEqual(5_000);
  });

  it('writes each attempt before sending it, renewing the lease from the send', async () => {
    const dispatcher = new MemoryDispatcher(clock, [{ id: 1, attempts: 2, fails: false }], {
      sendTimeoutMs: 3_000,
    });
    await dispatcher.dispatchDue();
    expect(dispatcher.events).toEqual(['begin 3', 'send 1', 'record 3']);
    expect(dispatcher.started).toEqual([
      {
        attempt: 3,
        at: '2026-11-24T00:00:00.000Z',
        leaseUntil: new Date(clock.now().getTime() + 3_000 + LEASE_MARGIN_MS),
      },
    ]);
  });

  it('keeps claiming batches until fewer than a batch are due', async () => {
    const dispatcher = new MemoryDispatcher(clock, rows(45));
    expect(await dispatcher.dispatchDue()).toBe(45);
    expect(dispatcher.leases).toHaveLength(3);
  });

  it('claims the free places while the slowest send of a batch is still out, never more than a batch at once', async () => {
    const dispatcher = new SlowFirstDispatcher(clock, rows(10), { batchSize: 4 });
    const dispatched = dispatcher.dispatchDue();
    await until(() => dispatcher.recorded.length === 9);
    expect(dispatcher.leases.map((lease) => lease.limit)).toEqual([4, 3, 3, 3]);
    dispatcher.releaseSlow();
    expect(await dispatched).toBe(10);
    expect(dispatcher.mostInFlight).toBeLessThanOrEqual(4);
  });

  it('finishes what it claimed before passing a failed attempt on, and claims no more', async () => {
    const dispatcher = new MemoryDispatcher(clock, rows(30), { batchSize: 4 });
    dispatcher.failRecordOf = 1;
    await expect(dispatcher.dispatchDue()).rejects.toThrow('record failed');
    expect(dispatcher.leases).toHaveLength(1);
    expect(dispatcher.events.filter((event) => event.startsWith('send'))).toHaveLength(4);
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
