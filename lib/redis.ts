/**
 * The shared Redis connection (only when REDIS_URL is set). One command client per process,
 * kept on globalThis because server.ts and the Next bundle load lib/ separately (DESIGN §8.8).
 * Subscribers need a connection of their own (a subscribed connection accepts no other commands),
 * so `createRedisConnection` makes extra ones for the invalidation bridge.
 */
import { Redis } from 'ioredis';
import { config } from './config';

export type { Redis };

const KEY = Symbol.for('broadsheet.redis');
type Holder = { [KEY]?: Redis };

/**
 * A new connection to `url`. Commands fail fast while Redis is unreachable instead of queueing
 * for ever, so a request that needs Redis gets an error it can handle (treat the cache as a miss,
 * report not ready) rather than hanging.
 */
export function createRedisConnection(url: string, name = 'broadsheet'): Redis {
  const client = new Redis(url, {
    connectionName: name,
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    commandTimeout: 2_000,
    // Reconnect with a capped back-off; ioredis keeps trying for as long as the process runs.
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  // Without a listener ioredis prints every failed reconnect; readiness reports the outage instead.
  client.on('error', () => undefined);
  return client;
}

/** The process-wide client, or undefined when REDIS_URL is not configured (single instance). */
export function redis(): Redis | undefined {
  const url = config().REDIS_URL;
  if (!url) return undefined;
  const holder = globalThis as Holder;
  return (holder[KEY] ??= createRedisConnection(url));
}

/** Closes the process-wide client (graceful shutdown, tests). */
export async function closeRedis(): Promise<void> {
  const holder = globalThis as Holder;
  const client = holder[KEY];
  delete holder[KEY];
  if (client) await client.quit().catch(() => client.disconnect());
}
