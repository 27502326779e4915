import { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Clock } from '@crm/core';
import { nextAttemptAt, SEND_TIMEOUT_MS } from './delivery-backoff';
import { LoopTimers, WakePollLoop } from '../dispatch/wake-poll-loop';

const DEFAULT_BATCH = 20;
/** Room past the send timeout for writing the attempt; a claimed item is retried only if its sender died. */
export const LEASE_MARGIN_MS = 2_000;

/** What every send reports: null error means delivered. */
export interface SendOutcome {
  error: string | null;
  durationMs: number;
}

export type RecordedAttempt<R extends SendOutcome> = R & {
  attempt: number;
  at: string;
  delivered: boolean;
  /** Null when no retry is left (or none is needed). */
  nextAttemptAt: Date | null;
};

/** Written before the send: if the process dies mid-send, the attempt stays with an unknown outcome. */
export interface StartedAttempt {
  attempt: number;
  at: string;
  /** The item is claimed again after this if the attempt is never completed. */
  leaseUntil: Date;
}

export interface DispatcherOptions {
  name: string;
  /** False in tests that drive `dispatchDue` themselves. */
  background: boolean;
  pollIntervalMs: number;
  /** How long one send may take (the sender's own timeout); the lease is this plus a margin. */
  sendTimeoutMs?: number;
  /** Rows claimed and sent at once; 20 unless set (a paced sender keeps a batch within its lease). */
  batchSize?: number;
  /** Tests drive the loop's timers by hand. */
  timers?: LoopTimers;
}

/**
 * The sending half of a table used as an outbox, on the shared wake/poll loop: woken right after a commit that wrote
 * to it, with a poll as the safety net (retries that come due, a crash between commit and send). Rows are claimed with a
 * lease of one send timeout plus a margin, so a send cut short by a crash is retried soon after: delivery is at least
 * once, and the receiver deduplicates on the item's id.
 */
export abstract class DeliveryDispatcher<T extends { attempts: number }, R extends SendOutcome>
  implements OnApplicationBootstrap, OnApplicationShutdown
{
  private readonly loop: WakePollLoop;
  private readonly leaseMs: number;

  protected constructor(
    protected readonly clock: Clock,
    private readonly options: DispatcherOptions,
  ) {
    this.leaseMs = (options.sendTimeoutMs ?? SEND_TIMEOUT_MS) + LEASE_MARGIN_MS;
    this.loop = new WakePollLoop({
      name: options.name,
      pass: () => this.dispatchDue(),
      pollIntervalMs: options.pollIntervalMs,
      timers: options.timers,
    });
  }

  /** Claims due rows by pushing their next attempt past `leaseUntil`, so another replica skips them. */
  protected abstract claimDue(now: Date, leaseUntil: Date, limit: number): Promise<T[]>;
  protected abstract send(item: T, at: Date): Promise<R>;
  protected abstract record(item: T, attempt: RecordedAttempt<R>): Promise<void>;

  /** Writes the attempt before it is sent and renews the item's lease from now; a no-op unless overridden. */
  protected beginAttempt(_item: T, _attempt: StartedAttempt): Promise<void> {
    return Promise.resolve();
  }

  onApplicationBootstrap(): void {
    if (this.options.background) this.loop.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.loop.stop();
  }

  /** Called after a commit that wrote rows to send. */
  wake(): void {
    this.loop.wake();
  }

  /**
   * Sends everything due now; resolves with how many items were attempted. At most a batch is in flight; once half
   * of it has finished, the free places are claimed while the rest are still sending, so the senders never stand
   * idle behind a batch's slowest send and the claim's round trip.
   */
  async dispatchDue(): Promise<number> {
    const batch = this.options.batchSize ?? DEFAULT_BATCH;
    const inFlight = new Set<Promise<void>>();
    let failure: unknown = null;
    let total = 0;
    for (;;) {
      const limit = batch - inFlight.size;
      const now = this.clock.now();
      const due = await this.claimDue(now, new Date(now.getTime() + this.leaseMs), limit);
      for (const item of due) {
        const sending: Promise<void> = this.attempt(item)
          .catch((error: unknown) => void (failure ??= error))
          .finally(() => inFlight.delete(sending));
        inFlight.add(sending);
      }
      total += due.length;
      if (due.length < limit) break;
      while (inFlight.size > batch / 2 && failure === null) await Promise.race(inFlight);
      if (failure !== null) break;
    }
    await Promise.all(inFlight);
    if (failure !== null) throw failure;
    return total;
  }

  private async attempt(item: T): Promise<void> {
    const at = this.clock.now();
    const attempt = item.attempts + 1;
    await this.beginAttempt(item, {
      attempt,
      at: at.toISOString(),
      leaseUntil: new Date(at.getTime() + this.leaseMs),
    });
    const result = await this.send(item, at);
    const delivered = result.error === null;
    await this.record(item, {
      ...result,
      attempt,
      at: at.toISOString(),
      delivered,
      nextAttemptAt: delivered ? null : nextAttemptAt(this.clock.now(), attempt),
    });
  }
}
