import { loadavg } from 'node:os';
import { formatStats, latencyStats } from '../latency-stats';
import { REQUEST_KINDS, Window } from './request-recorder';

export interface StepResult {
  agents: number;
  window: Window;
  signIns: number[];
  cpuSeconds: Record<string, number>;
  /** p99 event-loop delay of the load generator itself, in ms: its own lateness shows in every latency. */
  generatorDelayMs: number;
}

export function allLatencies(window: Window): number[] {
  return REQUEST_KINDS.flatMap((kind) => window.latencies[kind]);
}

/** Infinity when the window saw no request at all, so an idle step never passes. */
export function overallP95(window: Window): number {
  const all = allLatencies(window);
  return all.length ? latencyStats(all).p95 : Infinity;
}

export function errorRate(window: Window): number {
  const requests = allLatencies(window).length + window.errors;
  return requests ? window.errors / requests : 0;
}

export function loadAverage(): string {
  return loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
}

function row(label: string, latencies: number[], seconds: number): string {
  const stats = latencies.length ? formatStats(latencyStats(latencies)) : '       -'.repeat(4);
  return `  ${label.padEnd(12)} ${String(latencies.length).padStart(6)} ${(latencies.length / seconds).toFixed(1).padStart(7)} ${stats}`;
}

/** One step of the ramp: per kind p50/p95/p99/max and throughput, the overall p95, errors and CPU per request. */
export function printStep(step: StepResult): void {
  const { window } = step;
  const all = allLatencies(window);
  console.log(
    `\n${step.agents} agents, ${window.seconds.toFixed(0)} s measured (load average ${loadAverage()})`,
  );
  if (step.signIns.length)
    console.log(
      `  ${step.signIns.length} signed in at identity first: ${formatStats(latencyStats(step.signIns))} ms (p50 p95 p99 max)`,
    );
  console.log(`  ${'kind'.padEnd(12)}  count   req/s      p50      p95      p99      max  (ms)`);
  for (const kind of REQUEST_KINDS) console.log(row(kind, window.latencies[kind], window.seconds));
  console.log(row('all', all, window.seconds));
  console.log(
    `  overall p95 ${overallP95(window).toFixed(1)} ms; errors ${window.errors} (${(errorRate(window) * 100).toFixed(2)}%, ` +
      `${window.serverErrors} 5xx); load generator event-loop delay p99 ${step.generatorDelayMs.toFixed(1)} ms`,
  );
  if (!all.length) return;
  const perRequest = Object.entries(step.cpuSeconds)
    .sort(([, a], [, b]) => b - a)
    .map(([name, seconds]) => `${name} ${((seconds * 1000) / all.length).toFixed(2)}`);
  const total = Object.values(step.cpuSeconds).reduce((sum, seconds) => sum + seconds, 0);
  console.log(
    `  CPU ms per request: ${perRequest.join(', ')}; all ${((total * 1000) / all.length).toFixed(2)} ` +
      `(${((total / window.seconds) * 100).toFixed(0)}% of one core)`,
  );
}
