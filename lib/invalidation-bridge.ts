/**
 * Invalidation across instances (DESIGN §3). `invalidate(tags)` on one instance drops its own
 * front-cache entries at once; the bridge then
 *  1. bumps a global sequence number in Redis and stamps each tag with it (its version), and
 *  2. publishes the tags on a channel, so every other instance drops the same entries.
 * Pub/sub is fire-and-forget: a subscriber that is reconnecting misses messages. The versions
 * close that gap: an entry remembers the sequence number current when its render started, and
 * is served only while none of its tags carries a newer one.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { z } from 'zod';
import { applyInvalidation, setInvalidationBroadcaster, setTagVersionSource, type TagVersionSource } from './cache-tags';
import { createRedisConnection, type Redis } from './redis';

export interface InvalidationBridge {
  instanceId: string;
  /** Bumps the tags' versions and tells the other instances. Retries in the background on failure. */
  broadcast(tags: readonly string[]): Promise<void>;
  versions: TagVersionSource;
  /** Resolves once the subscription is active (messages published after this are received). */
  subscribed: Promise<void>;
  close(): Promise<void>;
}

export interface BridgeOptions {
  /** Command connection (shared), and the URL the bridge opens its own subscriber connection to. */
  client: Redis;
  url: string;
  /** Key and channel prefix: instances of one site share it, different sites must not. */
  prefix?: string;
  instanceId?: string;
  /** Called with tags invalidated by another instance. */
  onRemote(tags: readonly string[]): void;
  /** How often failed broadcasts are retried. */
  retryMs?: number;
}

// Atomic, so an instance that reads sequence N also sees every tag stamped by invalidation N.
const BUMP = `
local seq = redis.call('INCR', KEYS[1])
for i = 2, #ARGV do redis.call('HSET', KEYS[2], ARGV[i], seq) end
redis.call('PUBLISH', ARGV[1], cjson.encode({ origin = KEYS[3], seq = seq, tags = { unpack(ARGV, 2) } }))
return seq`;

const MAX_TAGS_PER_MESSAGE = 1_000;

const messageSchema = z.object({ origin: z.string(), seq: z.number(), tags: z.array(z.string()) });

function keysFor(prefix: string) {
  return { seq: `${prefix}inv:seq`, versions: `${prefix}inv:versions`, channel: `${prefix}invalidate` };
}

export function createInvalidationBridge({
  client,
  url,
  prefix = 'broadsheet:',
  instanceId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
  onRemote,
  retryMs = 1_000,
}: BridgeOptions): InvalidationBridge {
  const keys = keysFor(prefix);
  const subscriber = createRedisConnection(url, `broadsheet-sub:${instanceId}`);
  // Tags whose broadcast failed; other instances would keep serving them until it succeeds.
  const pending = new Set<string>();
  let retryTimer: NodeJS.Timeout | undefined;

  subscriber.on('message', (channel, raw) => {
    if (channel !== keys.channel) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      parsed = undefined;
    }
    const message = messageSchema.safeParse(parsed);
    if (!message.success) {
      console.warn(`invalidation bridge: ignored a malformed message on ${channel}`);
      return;
    }
    // Our own invalidations were applied locally before they were published.
    if (message.data.origin !== instanceId) onRemote(message.data.tags);
  });
  // Once subscribed, ioredis replays the subscription after every reconnect; if Redis is down
  // when the instance starts, try again whenever the connection comes up.
  const subscribed = new Promise<void>((resolve) => {
    const attempt = () =>
      subscriber.subscribe(keys.channel).then(
        () => resolve(),
        () => subscriber.once('ready', attempt),
      );
    attempt();
  });

  async function send(tags: readonly string[]): Promise<void> {
    // cjson encodes an empty Lua table as {} rather than [], so never send one. A large import
    // invalidates hundreds of thousands of tags: Lua's unpack() refuses more than a few thousand.
    for (let start = 0; start < tags.length; start += MAX_TAGS_PER_MESSAGE) {
      await client.eval(BUMP, 3, keys.seq, keys.versions, instanceId, keys.channel, ...tags.slice(start, start + MAX_TAGS_PER_MESSAGE));
    }
  }

  function scheduleRetry() {
    if (retryTimer) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      const tags = [...pending];
      pending.clear();
      send(tags).catch((error: unknown) => {
        for (const tag of tags) pending.add(tag);
        console.error(`invalidation bridge: ${tags.length} tag(s) still not broadcast: ${(error as Error).message}`);
        scheduleRetry();
      });
    }, retryMs);
    retryTimer.unref();
  }

  return {
    instanceId,
    subscribed,
    async broadcast(tags) {
      try {
        await send(tags);
      } catch (error) {
        // The write behind this invalidation is already committed; failing the caller would
        // report an error for a change that happened. Keep the tags and retry until Redis answers.
        console.error(`invalidation bridge: broadcast failed, retrying: ${(error as Error).message}`);
        for (const tag of tags) pending.add(tag);
        scheduleRetry();
      }
    },
    versions: {
      async current() {
        return Number((await client.get(keys.seq)) ?? 0);
      },
      async unchangedSince(tags, since) {
        if (tags.length === 0) return true;
        const stamps = await client.hmget(keys.versions, ...tags);
        return stamps.every((stamp) => stamp === null || Number(stamp) <= since);
      },
    },
    async close() {
      if (retryTimer) clearTimeout(retryTimer);
      await subscriber.quit().catch(() => subscriber.disconnect());
    },
  };
}

const KEY = Symbol.for('broadsheet.invalidation-bridge');
type Holder = { [KEY]?: InvalidationBridge };

/**
 * Connects this process's `invalidate` to the other instances: installs the broadcaster and the
 * tag-version source in lib/cache-tags.ts. Idempotent; returns the running bridge.
 */
export function installInvalidationBridge(client: Redis, url: string, prefix?: string): InvalidationBridge {
  const holder = globalThis as Holder;
  if (holder[KEY]) return holder[KEY];
  const bridge = createInvalidationBridge({ client, url, prefix, onRemote: (tags) => void applyInvalidation(tags) });
  setInvalidationBroadcaster(bridge.broadcast);
  setTagVersionSource(bridge.versions);
  holder[KEY] = bridge;
  return bridge;
}

/** Disconnects the bridge; `invalidate` is local-only again. */
export async function uninstallInvalidationBridge(): Promise<void> {
  const holder = globalThis as Holder;
  const bridge = holder[KEY];
  if (!bridge) return;
  delete holder[KEY];
  setInvalidationBroadcaster(undefined);
  setTagVersionSource(undefined);
  await bridge.close();
}
