/**
 * Counters every instance sees: login attempts per account and per IP, view-beacon limits per IP,
 * view tallies waiting to be written. In memory on a single instance; in Redis with REDIS_URL, so
 * an attacker cannot multiply the login limit by the number of instances behind the balancer.
 */
import type { RateLimitStore } from './auth/rate-limit';
import { redis, type Redis } from './redis';

/** A fixed window: `count` events since the window opened; it closes at `resetAt` (epoch ms). */
export interface CounterWindow {
  count: number;
  resetAt: number;
}

export interface SharedCounters {
  /** Counts one event for `key`; the window opens at the first event and lasts `windowMs`. */
  hit(key: string, windowMs: number): Promise<CounterWindow>;
  /** The open window for `key`, or null when there is none. */
  peek(key: string): Promise<CounterWindow | null>;
  /** Closes `key`'s window (a successful login clears its failures). */
  clear(key: string): Promise<void>;
  /** Adds `by` to one field of a tally (e.g. views per article and hour). */
  add(tally: string, field: string, by?: number): Promise<void>;
  /** Returns the tally and empties it in one step: each count reaches exactly one caller. */
  drain(tally: string): Promise<Map<string, number>>;
}

export function createMemoryCounters(now: () => number = Date.now): SharedCounters {
  const windows = new Map<string, CounterWindow>();
  const tallies = new Map<string, Map<string, number>>();
  let swept = now();
  // Windows keyed by time (views:ip:<address>:<minute>) are never asked for again once closed:
  // drop closed ones every minute so the map holds only the current ones.
  const sweep = () => {
    if (now() - swept < 60_000) return;
    swept = now();
    for (const [key, window] of windows) if (window.resetAt <= swept) windows.delete(key);
  };
  const open = (key: string) => {
    const window = windows.get(key);
    if (window && window.resetAt <= now()) {
      windows.delete(key);
      return undefined;
    }
    return window;
  };
  return {
    async hit(key, windowMs) {
      sweep();
      const window = open(key) ?? { count: 0, resetAt: now() + windowMs };
      window.count++;
      windows.set(key, window);
      return { ...window };
    },
    async peek(key) {
      const window = open(key);
      return window ? { ...window } : null;
    },
    async clear(key) {
      windows.delete(key);
    },
    async add(tally, field, by = 1) {
      const fields = tallies.get(tally) ?? new Map<string, number>();
      fields.set(field, (fields.get(field) ?? 0) + by);
      tallies.set(tally, fields);
    },
    async drain(tally) {
      const fields = tallies.get(tally) ?? new Map<string, number>();
      tallies.delete(tally);
      return fields;
    },
  };
}

// INCR and PEXPIRE together, so a crash between them can never leave a window that never closes.
const HIT = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return { count, ttl }`;

const DRAIN = `
local fields = redis.call('HGETALL', KEYS[1])
redis.call('DEL', KEYS[1])
return fields`;

export function createRedisCounters(client: Redis, prefix = 'broadsheet:'): SharedCounters {
  const windowKey = (key: string) => `${prefix}count:${key}`;
  const tallyKey = (tally: string) => `${prefix}tally:${tally}`;
  return {
    async hit(key, windowMs) {
      const [count, ttl] = (await client.eval(HIT, 1, windowKey(key), Math.max(1, Math.round(windowMs)))) as [number, number];
      return { count, resetAt: Date.now() + ttl };
    },
    async peek(key) {
      const result = await client.multi().get(windowKey(key)).pttl(windowKey(key)).exec();
      const [[, value], [, ttl]] = result as [[Error | null, string | null], [Error | null, number]];
      if (value === null || ttl < 0) return null;
      return { count: Number(value), resetAt: Date.now() + ttl };
    },
    async clear(key) {
      await client.del(windowKey(key));
    },
    async add(tally, field, by = 1) {
      await client.hincrby(tallyKey(tally), field, by);
    },
    async drain(tally) {
      const flat = (await client.eval(DRAIN, 1, tallyKey(tally))) as string[];
      const fields = new Map<string, number>();
      for (let i = 0; i + 1 < flat.length; i += 2) fields.set(flat[i]!, Number(flat[i + 1]));
      return fields;
    },
  };
}

const KEY = Symbol.for('broadsheet.shared-counters');
type Holder = { [KEY]?: SharedCounters };

/** The process's counters: Redis-backed when REDIS_URL is set, in memory otherwise. */
export function sharedCounters(): SharedCounters {
  const holder = globalThis as Holder;
  if (holder[KEY]) return holder[KEY];
  const client = redis();
  return (holder[KEY] = client ? createRedisCounters(client) : createMemoryCounters());
}

/** Replaces the process's counters (tests play two instances; undefined goes back to the default). */
export function setSharedCounters(counters: SharedCounters | undefined): void {
  (globalThis as Holder)[KEY] = counters;
}

// Sign-in failures (lib/auth/rate-limit.ts): a count and the time of the latest failure, forgotten
// `ttlMs` after it. One script, so concurrent failures on two instances both count.
const FAIL = `
local count = redis.call('HINCRBY', KEYS[1], 'count', 1)
redis.call('HSET', KEYS[1], 'last', ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return count`;

/** The newsroom's login limiter store, shared by every instance through Redis. */
export function createRedisRateLimitStore(client: Redis, prefix = 'broadsheet:'): RateLimitStore {
  const key = (name: string) => `${prefix}ratelimit:${name}`;
  return {
    async get(name) {
      const [count, last] = await client.hmget(key(name), 'count', 'last');
      return count === null || last === null ? null : { count: Number(count), last: Number(last) };
    },
    async increment(name, now, ttlMs) {
      const count = (await client.eval(FAIL, 1, key(name), now, Math.max(1, Math.round(ttlMs)))) as number;
      return { count, last: now };
    },
    async delete(name) {
      await client.del(key(name));
    },
  };
}
