import { setTimeout as sleep } from 'node:timers/promises';
import { Pool } from 'pg';
import { callCenterReads } from '../../../apps/call-center/test/call-center-reads';
import { BenchCustomer } from './agent-data';
import { callScript } from './call-script';

/** As the call center's own pool (PersistenceModule's default). */
const POOL_SIZE = 10;

export interface BaselineRates {
  lookupPerSecond: number;
  viewPerSecond: number;
}

export interface BaselineLatencies {
  lookup: number[];
  '360': number[];
}

/** Sends `work` at `perSecond` (open loop: a slow answer does not delay the next) for `seconds`. */
async function atRate(perSecond: number, seconds: number, work: () => Promise<void>): Promise<void> {
  if (perSecond <= 0) return;
  const running: Promise<void>[] = [];
  const started = performance.now();
  for (let n = 0; n < perSecond * seconds; n++) {
    const due = started + (n * 1000) / perSecond;
    await sleep(Math.max(0, due - performance.now()));
    running.push(work());
  }
  await Promise.all(running);
}

function timed(into: number[], work: () => Promise<unknown>): () => Promise<void> {
  return async () => {
    const started = performance.now();
    await work();
    into.push(performance.now() - started);
  };
}

/** The agents' reads (their lookups as typed, and 360s) as plain SQL on a pg pool, at the rates the agents made them. */
export async function sqlBaseline(
  callCenterUrl: string,
  customers: BenchCustomer[],
  rates: BaselineRates,
  seconds: number,
  random: () => number,
): Promise<BaselineLatencies> {
  const pool = new Pool({ connectionString: callCenterUrl, max: POOL_SIZE });
  const reads = callCenterReads(pool);
  const latencies: BaselineLatencies = { lookup: [], '360': [] };
  const typed = () => {
    const { typed: texts } = callScript(customers, random);
    return texts[Math.floor(random() * texts.length)];
  };
  try {
    await Promise.all([
      atRate(
        rates.lookupPerSecond,
        seconds,
        timed(latencies.lookup, () => reads.lookup(typed())),
      ),
      atRate(
        rates.viewPerSecond,
        seconds,
        timed(latencies['360'], () => reads.view360(customers[Math.floor(random() * customers.length)].id)),
      ),
    ]);
    return latencies;
  } finally {
    await pool.end();
  }
}
