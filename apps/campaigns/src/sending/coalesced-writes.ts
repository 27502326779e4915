/**
 * Group commit for per-item writes: the items that arrive while a write runs (and those of one tick) go together in
 * the next one, so a batch of concurrent sends costs a few statements and commits instead of one each, and a lone
 * item waits for nobody.
 */
export class CoalescedWrites<T> {
  private pending: { item: T; done: (error?: unknown) => void }[] = [];
  private draining = false;

  constructor(private readonly writeAll: (items: T[]) => Promise<void>) {}

  write(item: T): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ item, done: (error) => (error === undefined ? resolve() : reject(error)) });
      if (!this.draining) {
        this.draining = true;
        // After this tick, so the writes a loop starts at once share the first statement.
        queueMicrotask(() => void this.drain());
      }
    });
  }

  private async drain(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending.splice(0);
      try {
        await this.writeAll(batch.map((entry) => entry.item));
        for (const entry of batch) entry.done();
      } catch (error) {
        for (const entry of batch) entry.done(error ?? new Error('write failed'));
      }
    }
    this.draining = false;
  }
}
