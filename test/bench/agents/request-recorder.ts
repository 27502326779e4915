export const REQUEST_KINDS = ['lookup', '360', 'interaction', 'complaint'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

export interface Window {
  latencies: Record<RequestKind, number[]>;
  errors: number;
  serverErrors: number;
  seconds: number;
}

function emptyLatencies(): Record<RequestKind, number[]> {
  return { lookup: [], '360': [], interaction: [], complaint: [] };
}

/** Every agent request's latency by kind, counted into the measuring window open when it ends. */
export class RequestRecorder {
  /** Over the whole run, so a 5xx outside a window still fails the bench. */
  serverErrors = 0;
  firstServerError: string | null = null;
  readonly complaintTickets: string[] = [];
  /** Calls whose customer even their phone number did not bring up. */
  lookupMisses = 0;
  private window: (Window & { openedAt: number }) | null = null;

  open(): void {
    this.window = {
      latencies: emptyLatencies(),
      errors: 0,
      serverErrors: 0,
      seconds: 0,
      openedAt: performance.now(),
    };
  }

  close(): Window {
    if (!this.window) throw new Error('no window is open');
    const { openedAt, ...window } = this.window;
    this.window = null;
    return { ...window, seconds: (performance.now() - openedAt) / 1000 };
  }

  succeeded(kind: RequestKind, ms: number): void {
    this.window?.latencies[kind].push(ms);
  }

  /** A 4xx or a failed connection is an error; a 5xx fails the bench. */
  failed(kind: RequestKind, status: number, detail: string): void {
    if (this.window) this.window.errors++;
    if (status < 500) return;
    this.serverErrors++;
    if (this.window) this.window.serverErrors++;
    this.firstServerError ??= `${kind}: HTTP ${status} ${detail}`;
  }
}
