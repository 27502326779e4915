import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Browser } from 'playwright-core';
import { LatencyStats, latencyStats, log } from '../../../test/bench/latency-stats';
import { launchChromium, newDesk, signIn } from '../test/browser-kit';
import { ConsoleUnderTest, ROOT } from '../test/console-under-test';
import { coldLoad, sessionCookie } from './desktop-load';
import { initialJs } from './initial-js';
import { armPop, Caller, popShownAt, RawEventStream, registerCallers, ring } from './screen-pop';

const setting = (name: string, fallback: number) => Number(process.env[`CONSOLE_BENCH_${name}`] ?? fallback);
/** Calls measured in each screen-pop pass (the 200), after WARMUP calls that are not. */
const CALLS = setting('CALLS', 200);
const WARMUP = setting('WARMUP', 10);
/** Cold loads of the agent desktop measured, after one that is not. */
const LOADS = setting('LOADS', 20);
/** Distinct callers, rung in turn, so each pop changes the name on screen. */
const CALLERS = 20;
/** How long a call waits for its pop before it counts as missed. */
const GIVE_UP_MS = 15_000;

const ms = (value: number) => value.toFixed(0);
const row = (stats: LatencyStats) =>
  `p50 ${ms(stats.p50)} ms, p95 ${ms(stats.p95)} ms, p99 ${ms(stats.p99)} ms, max ${ms(stats.max)} ms`;
const timedRow = (stats: Timed) =>
  `${row(stats)} over ${stats.count} calls, ${stats.missed} not seen within ${GIVE_UP_MS} ms (counted as that)`;
const machine = () =>
  `load average ${loadavg()
    .map((value) => value.toFixed(1))
    .join(' ')} on ${cpus().length} cores`;

/**
 * Rings `count` calls one after another; each latency from just before the webhook is sent to the moment
 * `ringing`'s answer resolves; a pop not seen within GIVE_UP_MS counts as GIVE_UP_MS (a lower bound) and as missed.
 */
async function calls(
  count: number,
  callers: Caller[],
  ringing: (caller: Caller, callId: string) => Promise<() => Promise<number | null>>,
): Promise<{ latencies: number[]; missed: number }> {
  const latencies: number[] = [];
  let missed = 0;
  const run = Date.now();
  for (let i = 0; i < count; i++) {
    const caller = callers[i % callers.length];
    const latency = await (await ringing(caller, `bench-${run}-${i}`))();
    if (latency === null) missed++;
    latencies.push(latency ?? GIVE_UP_MS);
  }
  return { latencies, missed };
}

/** Webhook -> the screen-pop frame read by a plain Node stream client: what the browser adds nothing to. */
type Timed = LatencyStats & { missed: number };

const timed = ({ latencies, missed }: { latencies: number[]; missed: number }): Timed => ({
  ...latencyStats(latencies),
  missed,
});

async function rawPass(crm: ConsoleUnderTest, token: string, callers: Caller[]): Promise<Timed> {
  const stream = await RawEventStream.open(crm, token);
  try {
    const pass = (count: number) =>
      calls(count, callers, async (caller, callId) => {
        const arrived = stream.arrival(callId, GIVE_UP_MS);
        const sent = performance.now();
        await ring(crm, token, caller, callId);
        return async () => {
          const at = await arrived;
          return at === null ? null : at - sent;
        };
      });
    await pass(WARMUP);
    return timed(await pass(CALLS));
  } finally {
    stream.close();
  }
}

/** Webhook -> the caller's name on the 360 in the signed-in agent's browser. */
async function browserPass(
  browser: Browser,
  crm: ConsoleUnderTest,
  token: string,
  callers: Caller[],
): Promise<Timed> {
  const { context, page } = await newDesk(browser);
  let fallbacks = 0;
  try {
    await signIn(crm, page, 'agent');
    await page.goto(`${crm.url}/console/agent`);
    await page.locator('body[data-screen-pop="connected"]').waitFor();
    const pass = (count: number) =>
      calls(count, callers, async (caller, callId) => {
        await armPop(page, caller, callId);
        const sent = Date.now();
        await ring(crm, token, caller, callId);
        return async () => {
          const seen = await popShownAt(page, caller, callId, GIVE_UP_MS);
          if (seen?.byFallback) fallbacks++;
          return seen === null ? null : seen.at - sent;
        };
      });
    await pass(WARMUP);
    fallbacks = 0;
    const measured = timed(await pass(CALLS));
    log(`${fallbacks} of the timed pops were seen by Playwright's wait rather than the page's watch`);
    return measured;
  } finally {
    await context.close();
  }
}

async function desktopLoads(browser: Browser, crm: ConsoleUnderTest): Promise<LatencyStats> {
  const cookie = await sessionCookie(crm, 'agent');
  await coldLoad(browser, crm, cookie);
  const loads: number[] = [];
  for (let i = 0; i < LOADS; i++) loads.push(await coldLoad(browser, crm, cookie));
  return latencyStats(loads);
}

async function main(): Promise<void> {
  log(`console bench: ${CALLS} calls per pass, ${LOADS} cold loads; ${machine()}`);
  const js = initialJs(join(ROOT, 'apps', 'console', 'dist'));
  log(
    `initial JS (entry + modulepreload): ${js.files.join(', ')}: ${(js.gzipBytes / 1024).toFixed(1)} KB gzip`,
  );
  const [crm, browser] = await Promise.all([ConsoleUnderTest.start(), launchChromium()]);
  try {
    log(`all-in-one at ${crm.url}; ${machine()}`);
    const callers = await registerCallers(crm, CALLERS);
    const token = await crm.token('agent');
    const raw = await rawPass(crm, token, callers);
    log(`webhook -> SSE frame, plain Node client:     ${timedRow(raw)}; ${machine()}`);
    const pop = await browserPass(browser, crm, token, callers);
    log(`webhook -> 360 name visible in the browser: ${timedRow(pop)}; ${machine()}`);
    log(`browser / raw: p50 ${(pop.p50 / raw.p50).toFixed(1)}x, p95 ${(pop.p95 / raw.p95).toFixed(1)}x`);
    const loads = await desktopLoads(browser, crm);
    log(`cold load -> search box usable: median ${ms(loads.p50)} ms, p95 ${ms(loads.p95)} ms; ${machine()}`);
    console.log(
      `console: screen pop p95 ms: ${ms(pop.p95)}, desktop load ms: ${ms(loads.p50)}, ` +
        `initial js kb gz: ${(js.gzipBytes / 1024).toFixed(0)}`,
    );
  } finally {
    await browser.close();
    await crm.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
