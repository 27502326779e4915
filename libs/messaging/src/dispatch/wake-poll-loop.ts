import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { SYSTEM_ACTOR } from '@crm/contracts';
import { RequestContext } from '@crm/core';

/** Timers are injected so the loop is specified without sleeping. */
export interface LoopTimers {
  set(run: () => void, delayMs: number): unknown;
  clear(handle: unknown): void;
}

export const SYSTEM_TIMERS: LoopTimers = {
  set: (run, delayMs) => setTimeout(run, delayMs),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface WakePollLoopOptions {
  /** Names the loop in its log lines. */
  name: string;
  /** One pass over the work that is due; a rejection counts as a failed pass. */
  pass: () => Promise<unknown>;
  /** The safety net: how long after a pass the loop looks again without being woken. */
  pollIntervalMs: number;
  /** After failed passes the wait doubles from the poll interval up to this. */
  maxBackoffMs?: number;
  timers?: LoopTimers;
}

/**
 * The one loop behind every table used as an outbox (the event relay, webhook and notification dispatchers): woken
 * right after a commit that wrote to it, polling as the safety net, backing off while passes fail, and stopping only
 * once the pass in flight has finished. Passes never overlap; a wake-up during a pass runs one more at once.
 */
export class WakePollLoop {
  private readonly logger: Logger;
  private readonly timers: LoopTimers;
  private readonly maxBackoffMs: number;
  private timer?: unknown;
  private running = false;
  private inFlight?: Promise<void>;
  private wokenDuringPass = false;
  private failures = 0;

  constructor(private readonly options: WakePollLoopOptions) {
    this.logger = new Logger(options.name);
    this.timers = options.timers ?? SYSTEM_TIMERS;
    this.maxBackoffMs = options.maxBackoffMs ?? Math.max(options.pollIntervalMs, 30_000);
  }

  get isRunning(): boolean {
    return this.running;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.runNow();
  }

  /** A commit wrote work: run a pass now, unless one is in flight (then once more after it) or passes are failing. */
  wake(): void {
    if (!this.running) return;
    if (this.inFlight) this.wokenDuringPass = true;
    else if (this.failures === 0) this.runNow();
  }

  /** Stops polling and resolves once the pass in flight, if any, has finished. */
  async stop(): Promise<void> {
    this.running = false;
    this.clearTimer();
    await this.inFlight;
  }

  private runNow(): void {
    this.clearTimer();
    this.inFlight = this.passes().finally(() => {
      this.inFlight = undefined;
      if (this.running) this.timer = this.timers.set(() => this.runNow(), this.nextDelay());
    });
  }

  private async passes(): Promise<void> {
    do {
      this.wokenDuringPass = false;
      try {
        // Each pass is one piece of work outside HTTP: its log lines share a correlation id.
        const context = { correlationId: randomUUID(), causationId: null, actor: SYSTEM_ACTOR };
        await RequestContext.run(context, () => this.options.pass());
        this.failures = 0;
      } catch (error) {
        this.failures++;
        this.logger.warn(
          `${this.options.name} will retry in ${this.nextDelay()} ms: ${(error as Error).message}`,
        );
        return;
      }
    } while (this.wokenDuringPass && this.running);
  }

  private nextDelay(): number {
    if (this.failures === 0) return this.options.pollIntervalMs;
    return Math.min(this.options.pollIntervalMs * 2 ** (this.failures - 1), this.maxBackoffMs);
  }

  private clearTimer(): void {
    if (this.timer !== undefined) this.timers.clear(this.timer);
    this.timer = undefined;
  }
}
