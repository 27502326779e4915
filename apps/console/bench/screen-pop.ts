import { performance } from 'node:perf_hooks';
import { Page } from 'playwright-core';
import { ConsoleUnderTest } from '../test/console-under-test';

const SURNAMES = ['赵', '钱', '孙', '李', '周', '吴', '郑', '王', '冯', '陈'];
const GIVEN_NAMES = ['子涵', '浩然'];

export interface Caller {
  customerId: string;
  name: string;
  phone: string;
}

interface LookupPage {
  items: { customerId: string }[];
}

/**
 * Registers callers with phones of this run (so each number matches one customer) and waits until the call
 * center's read model finds each by phone: only then does a call pop their 360.
 */
export async function registerCallers(crm: ConsoleUnderTest, count: number): Promise<Caller[]> {
  const run = String(Date.now() % 1_000_000).padStart(6, '0');
  const callers: Caller[] = [];
  for (let i = 0; i < count; i++) {
    const name = `${SURNAMES[i % SURNAMES.length]}${GIVEN_NAMES[Math.floor(i / SURNAMES.length) % 2]}`;
    const phone = `137${run}${String(i).padStart(2, '0')}`;
    const { id } = await crm.api<{ id: string }>('agent', '/customers', {
      method: 'POST',
      body: JSON.stringify({ kind: 'person', name, phones: [phone] }),
    });
    callers.push({ customerId: id, name, phone });
  }
  for (const caller of callers) await untilFound(crm, caller);
  return callers;
}

async function untilFound(crm: ConsoleUnderTest, caller: Caller): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const { items } = await crm.api<LookupPage>('agent', `/lookup?q=${caller.phone}`);
    if (items.length === 1 && items[0].customerId === caller.customerId) return;
    await new Promise((wait) => setTimeout(wait, 100));
  }
  throw new Error(`the call center never found ${caller.phone}`);
}

/** POST /telephony/incoming-call as the phone switch would, with a bearer token (no cookie, no CSRF). */
export async function ring(
  crm: ConsoleUnderTest,
  token: string,
  caller: Caller,
  callId: string,
): Promise<void> {
  const response = await fetch(`${crm.url}/telephony/incoming-call`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ callerNumber: caller.phone, calledLine: '400-800-8888', callId }),
  });
  if (response.status !== 200) throw new Error(`incoming call: ${response.status} ${await response.text()}`);
}

type PopWindow = Window & { popShownAt?: Promise<number> };

/**
 * Arms a watch in the page (a MutationObserver, and a check each frame) that notes Date.now() the moment the
 * caller's 360 shows their name for this call, so no round trip from here adds to the time; popShownAt() then
 * reads that moment.
 */
export async function armPop(page: Page, caller: Caller, callId: string): Promise<void> {
  await page.evaluate(
    ({ name, id }) => {
      // On screen as Playwright counts it: the heading has a box and is not visibility:hidden.
      const shown = () =>
        location.search.includes(`call=${encodeURIComponent(id)}`) &&
        [...document.querySelectorAll('[data-testid="customer-name"]')].some(
          (heading) =>
            heading.textContent?.includes(name) === true &&
            heading.getClientRects().length > 0 &&
            getComputedStyle(heading).visibility !== 'hidden',
        );
      (window as PopWindow).popShownAt = new Promise<number>((seen) => {
        let done = false;
        const check = () => {
          if (done || !shown()) return;
          done = true;
          observer.disconnect();
          seen(Date.now());
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, {
          childList: true,
          subtree: true,
          characterData: true,
          attributes: true,
        });
        // Each frame too: a change no mutation reports (a style sheet, a suspended route shown again).
        const everyFrame = () => {
          check();
          if (!done) requestAnimationFrame(everyFrame);
        };
        requestAnimationFrame(everyFrame);
      });
    },
    { name: caller.name, id: callId },
  );
}

export interface PopSeen {
  /** Date.now() when the name showed. */
  at: number;
  /** Noted by Playwright's own wait (from here, so a little late) because the page's watch did not fire. */
  byFallback: boolean;
}

/**
 * The moment armPop noted or, should its watch not fire, the moment Playwright's own wait, as the browser suite
 * uses, sees the name; null if neither within `timeoutMs` (the pops lost before ADR 0057 showed up so).
 */
export async function popShownAt(
  page: Page,
  caller: Caller,
  callId: string,
  timeoutMs: number,
): Promise<PopSeen | null> {
  const inPage = page
    .evaluate(() => (window as PopWindow).popShownAt as Promise<number>)
    .then((at) => ({ at, byFallback: false }));
  const byPlaywright = (async () => {
    await page.waitForURL((url) => url.searchParams.get('call') === callId, { timeout: timeoutMs });
    await page.getByTestId('customer-name').filter({ hasText: caller.name }).waitFor({ timeout: timeoutMs });
    return { at: Date.now(), byFallback: true };
  })();
  const gaveUp = new Promise<null>((late) => setTimeout(() => late(null), timeoutMs));
  const seen = await Promise.race([Promise.any([inPage, byPlaywright]).catch(() => null), gaveUp]);
  if (seen === null) {
    const headings = await page
      .getByTestId('customer-name')
      .evaluateAll((all) => all.map((h) => `${h.textContent} (${h.getClientRects().length} boxes)`))
      .catch(() => []);
    console.warn(
      `no screen pop within ${timeoutMs} ms: at ${page.url()}, showing ${headings.join(', ') || 'no 360'}`,
    );
  }
  return seen;
}

/** A plain Node client of GET /agents/me/events: resolves each screen-pop's call id with the time it arrived. */
export class RawEventStream {
  private readonly waiting = new Map<string, (at: number) => void>();
  private readonly abort = new AbortController();

  static async open(crm: ConsoleUnderTest, token: string): Promise<RawEventStream> {
    const stream = new RawEventStream();
    const response = await fetch(`${crm.url}/agents/me/events`, {
      headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
      signal: stream.abort.signal,
    });
    if (!response.ok || !response.body) throw new Error(`event stream: ${response.status}`);
    const ready = stream.read(response.body);
    await ready;
    return stream;
  }

  /** Reads frames until the first `ready`; keeps reading in the background after that. */
  private read(body: ReadableStream<Uint8Array>): Promise<void> {
    return new Promise((ready, failed) => {
      const decoder = new TextDecoder();
      let buffer = '';
      const reader = body.getReader();
      const consume = async () => {
        for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
          buffer += decoder.decode(chunk.value, { stream: true });
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            this.onFrame(buffer.slice(0, end), ready);
            buffer = buffer.slice(end + 2);
          }
        }
      };
      consume().catch((error: unknown) => {
        if (!this.abort.signal.aborted) failed(error);
      });
    });
  }

  private onFrame(frame: string, ready: () => void): void {
    const field = (name: string) => fieldOf(frame, name);
    const type = field('event');
    if (type === 'ready') ready();
    if (type !== 'screen-pop') return;
    const { callId } = JSON.parse(field('data') ?? '{}') as { callId?: string };
    const arrived = this.waiting.get(callId ?? '');
    if (!arrived) return;
    this.waiting.delete(callId ?? '');
    arrived(performance.now());
  }

  /** The performance.now() at which the screen-pop for `callId` arrives, or null if not within `timeoutMs`. */
  arrival(callId: string, timeoutMs: number): Promise<number | null> {
    return new Promise((arrived) => {
      const late = setTimeout(() => {
        this.waiting.delete(callId);
        arrived(null);
      }, timeoutMs);
      this.waiting.set(callId, (at) => {
        clearTimeout(late);
        arrived(at);
      });
    });
  }

  close(): void {
    this.abort.abort();
  }
}

function fieldOf(frame: string, name: string): string | null {
  for (const line of frame.split('\n'))
    if (line.startsWith(`${name}:`)) return line.slice(name.length + 1).trim();
  return null;
}
