import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Random } from './station-data';

/** When each of `count` arrivals comes, in ms from the start: a Poisson process of `perSecond` on average. */
export function arrivalOffsets(count: number, perSecond: number, random: Random): number[] {
  let at = 0;
  return Array.from({ length: count }, () => (at += (-Math.log(1 - random()) / perSecond) * 1000));
}

export interface OpenLoopResult<T> {
  outcomes: T[];
  /** Arrivals per second actually sent (lower than asked when every sender was still busy). */
  sentPerSecond: number;
}

/**
 * Sends arrival i at offsets[i] (open loop) through `senders` senders, each sending one thing at a time: `send`
 * resolves once its sender is free again (the API answered, the broker acknowledged) with the outcome still to
 * come (the webhook, the consumed message), which the next arrivals do not wait for.
 */
export async function openLoop<T>(
  offsets: number[],
  senders: number,
  send: (index: number) => Promise<{ outcome: Promise<T> }>,
): Promise<OpenLoopResult<T>> {
  const start = performance.now();
  const outcomes: Promise<T>[] = [];
  let [next, lastSent] = [0, start];
  const sender = async () => {
    for (let i = next++; i < offsets.length; i = next++) {
      const wait = start + offsets[i] - performance.now();
      if (wait > 0) await sleep(wait);
      lastSent = Math.max(lastSent, performance.now());
      const { outcome } = await send(i);
      // Awaited below with the others; a failure before then must not count as unhandled.
      outcome.catch(() => undefined);
      outcomes[i] = outcome;
    }
  };
  await Promise.all(Array.from({ length: senders }, sender));
  const sentPerSecond = (offsets.length / Math.max(1, lastSent - start)) * 1000;
  return { outcomes: await Promise.all(outcomes), sentPerSecond };
}
