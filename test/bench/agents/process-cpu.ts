import { readFileSync } from 'node:fs';
import { Redis } from 'ioredis';
import { withClient } from '../bench-database';

/** Linux's USER_HZ: /proc reports CPU time in these ticks. */
const TICKS_PER_SECOND = 100;

/** User plus system CPU seconds a process has used; 0 once it is gone. */
function processCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

export interface CpuSources {
  processes: Record<string, number>;
  adminDatabaseUrl: string;
  databases: string[];
  redisUrl: string;
}

export type CpuSnapshot = Record<string, number>;

async function redisCpuSeconds(url: string): Promise<number> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  try {
    await redis.connect();
    const info = await redis.info('cpu');
    const value = (name: string) => Number(new RegExp(`${name}:([\\d.]+)`).exec(info)?.[1] ?? 0);
    return value('used_cpu_user') + value('used_cpu_sys');
  } finally {
    redis.disconnect();
  }
}

/**
 * CPU seconds used so far by each of the bench's processes, the PostgreSQL backends serving its
 * databases (the services' pools keep theirs for the run) and the Redis server (shared: an upper bound).
 */
export async function cpuSnapshot(sources: CpuSources): Promise<CpuSnapshot> {
  const snapshot: CpuSnapshot = {};
  const own = process.cpuUsage();
  snapshot['load generator'] = (own.user + own.system) / 1e6;
  for (const [name, pid] of Object.entries(sources.processes)) snapshot[name] = processCpuSeconds(pid);
  const { rows } = await withClient(sources.adminDatabaseUrl, (client) =>
    client.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = ANY($1)`, [
      sources.databases,
    ]),
  );
  for (const { pid } of rows) snapshot[`postgres:${pid}`] = processCpuSeconds(pid);
  snapshot.redis = await redisCpuSeconds(sources.redisUrl);
  return snapshot;
}

/** CPU seconds used between two snapshots, PostgreSQL backends summed (only those alive at both). */
export function cpuUsed(before: CpuSnapshot, after: CpuSnapshot): Record<string, number> {
  const used: Record<string, number> = {};
  for (const [name, seconds] of Object.entries(after)) {
    if (before[name] === undefined || seconds === 0) continue;
    const key = name.startsWith('postgres:') ? 'postgres' : name;
    used[key] = (used[key] ?? 0) + seconds - before[name];
  }
  return used;
}
