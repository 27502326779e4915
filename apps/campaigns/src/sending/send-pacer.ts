import { Clock } from '@crm/core';

export type Sleep = (ms: number) => Promise<void>;
const sleepFor: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Spaces sends evenly at a rate per second: each send takes the next free slot and waits for it. */
export class SendPacer {
  private nextSlotMs = 0;
  private readonly intervalMs: number;

  constructor(
    perSecond: number,
    private readonly clock: Clock,
    private readonly sleep: Sleep = sleepFor,
  ) {
    this.intervalMs = 1_000 / perSecond;
  }

  async take(): Promise<void> {
    const now = this.clock.now().getTime();
    const slot = Math.max(now, this.nextSlotMs);
    this.nextSlotMs = slot + this.intervalMs;
    if (slot > now) await this.sleep(slot - now);
  }
}
