import { Injectable } from '@nestjs/common';

/**
 * Start-up work that must finish before the service takes traffic (the embedded default's demo seed):
 * while a hold is open, /health/ready answers 503 naming it.
 */
@Injectable()
export class StartupGate {
  private readonly holds = new Map<string, string>();

  /** Opens a hold; the function returned releases it. */
  hold(name: string, detail: string): () => void {
    this.holds.set(name, detail);
    return () => this.holds.delete(name);
  }

  /** The hold stays open, now saying why the work failed. */
  fail(name: string, reason: string): void {
    this.holds.set(name, `failed: ${reason}`);
  }

  pending(): [name: string, detail: string][] {
    return [...this.holds];
  }
}
