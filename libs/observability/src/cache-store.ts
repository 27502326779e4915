import Redis from 'ioredis';

// One script so the count and its expiry are set atomically; a counter that somehow lost its TTL gets one back.
const INCREMENT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if redis.call('TTL', KEYS[1]) < 0 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end
return count`;

/** A small key-value cache: Redis in production, memory in the embedded default. */
export abstract class CacheStore {
  abstract readonly name: string;
  abstract get<T>(key: string): Promise<T | undefined>;
  abstract set(key: string, value: unknown, ttlSeconds: number): Promise<void>;
  abstract delete(...keys: string[]): Promise<void>;
  /** Adds one to a counter and answers the new count; the TTL starts when the counter is created and is never extended. */
  abstract increment(key: string, ttlSeconds: number): Promise<number>;
  abstract isHealthy(): Promise<boolean>;
  abstract close(): Promise<void>;
}

export class RedisCacheStore extends CacheStore {
  readonly name = 'redis';
  private readonly redis: Redis;

  constructor(
    url: string,
    private readonly prefix = 'crm:',
  ) {
    super();
    this.redis = new Redis(url, { lazyConnect: false, maxRetriesPerRequest: 2, enableOfflineQueue: true });
  }

  async get<T>(key: string): Promise<T | undefined> {
    const raw = await this.redis.get(this.prefix + key);
    return raw === null ? undefined : (JSON.parse(raw) as T);
  }

  async set(key: string, value: unknown, ttlSeconds: number): Promise<void> {
    await this.redis.set(this.prefix + key, JSON.stringify(value), 'EX', ttlSeconds);
  }

  async delete(...keys: string[]): Promise<void> {
    if (keys.length > 0) await this.redis.del(...keys.map((key) => this.prefix + key));
  }

  async increment(key: string, ttlSeconds: number): Promise<number> {
    return Number(await this.redis.eval(INCREMENT_SCRIPT, 1, this.prefix + key, ttlSeconds));
  }

  async isHealthy(): Promise<boolean> {
    return (await this.redis.ping().catch(() => '')) === 'PONG';
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => undefined);
  }
}

export class MemoryCacheStore extends CacheStore {
  readonly name = 'memory';
  private readonly entries = new Map<string, { value: string; expiresAt: number }>();

  async get<T>(key: string): Promise<T | undefined> {
    const entry = this.entries.get(key);
    if (!entry || entry.expiresAt < Date.now()) return undefined;
    return JSON.parse(entry.value) as T;
  }

  async set(key: string, value: unknown, ttlSeconds: number): Promise<void> {
    this.entries.set(key, { value: JSON.stringify(value), expiresAt: Date.now() + ttlSeconds * 1000 });
  }

  async delete(...keys: string[]): Promise<void> {
    keys.forEach((key) => this.entries.delete(key));
  }

  async increment(key: string, ttlSeconds: number): Promise<number> {
    const entry = this.entries.get(key);
    const live = entry && entry.expiresAt >= Date.now();
    const count = live ? (JSON.parse(entry.value) as number) + 1 : 1;
    const expiresAt = live ? entry.expiresAt : Date.now() + ttlSeconds * 1000;
    this.entries.set(key, { value: JSON.stringify(count), expiresAt });
    return count;
  }

  async isHealthy(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {
    this.entries.clear();
  }
}
