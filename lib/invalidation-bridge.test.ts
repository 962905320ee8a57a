import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { invalidate, onInvalidate } from './cache-tags';
import { createInvalidationBridge, installInvalidationBridge, uninstallInvalidationBridge, type InvalidationBridge } from './invalidation-bridge';
import { createRedisConnection } from './redis';
import { testRedisUrl } from './testing/redis';

const url = testRedisUrl();
const prefix = `test:${randomUUID()}:`;
const client = createRedisConnection(url);
const bridges: InvalidationBridge[] = [];

function bridge(onRemote: (tags: readonly string[]) => void = () => undefined): InvalidationBridge {
  const made = createInvalidationBridge({ client, url, prefix, onRemote, retryMs: 50 });
  bridges.push(made);
  return made;
}

function nextMessage(): { received: Promise<readonly string[]>; onRemote: (tags: readonly string[]) => void } {
  let resolve!: (tags: readonly string[]) => void;
  const received = new Promise<readonly string[]>((r) => (resolve = r));
  return { received, onRemote: resolve };
}

afterAll(async () => {
  await uninstallInvalidationBridge();
  await Promise.all(bridges.map((b) => b.close()));
  const keys = await client.keys(`${prefix}*`);
  if (keys.length) await client.del(...keys);
  await client.quit();
});

describe('invalidation across instances', () => {
  it('delivers one instance’s invalidation to another instance, but not back to itself', async () => {
    const fromA = nextMessage();
    const fromB = nextMessage();
    const a = bridge(fromA.onRemote);
    const b = bridge(fromB.onRemote);
    await Promise.all([a.subscribed, b.subscribed]);

    await a.broadcast(['article:7', 'home']);

    expect(await fromB.received).toEqual(['article:7', 'home']);
    const echoed = await Promise.race([fromA.received.then(() => true), new Promise((r) => setTimeout(() => r(false), 200))]);
    expect(echoed).toBe(false);
  });

  it('delivers a large import’s invalidation (tens of thousands of tags) in full', async () => {
    const received = new Set<string>();
    const a = bridge();
    const b = bridge((tags) => tags.forEach((tag) => received.add(tag)));
    await Promise.all([a.subscribed, b.subscribed]);
    const tags = Array.from({ length: 25_000 }, (_, i) => `article:${i + 1}`);
    const before = await b.versions.current();

    await a.broadcast(tags);

    await expect.poll(() => received.size, { timeout: 10_000 }).toBe(tags.length);
    expect(await b.versions.unchangedSince(['article:24999'], before)).toBe(false);
  });

  it('marks an entry stale by its tag versions even when the instance missed the message', async () => {
    const a = bridge();
    // B is "reconnecting": it has no subscriber listening at all, only the shared versions.
    const b = bridge();
    await b.close();

    const renderStarted = await b.versions.current();
    expect(await b.versions.unchangedSince(['article:9', 'section:2'], renderStarted)).toBe(true);

    await a.broadcast(['article:9']);

    expect(await b.versions.unchangedSince(['article:9', 'section:2'], renderStarted)).toBe(false);
    // Unrelated entries survive, and an entry rendered after the invalidation is fresh.
    expect(await b.versions.unchangedSince(['section:2', 'home-unrelated'], renderStarted)).toBe(true);
    expect(await b.versions.unchangedSince(['article:9'], await b.versions.current())).toBe(true);
  });

  it('refuses to vouch for an entry while Redis is unreachable', async () => {
    const offline = createRedisConnection('redis://127.0.0.1:1');
    const cut = createInvalidationBridge({ client: offline, url, prefix, onRemote: () => undefined });
    bridges.push(cut);
    await expect(cut.versions.unchangedSince(['home'], 0)).rejects.toThrow();
    await expect(cut.versions.current()).rejects.toThrow();
    offline.disconnect();
  });

  it('keeps a failed broadcast and delivers it on retry instead of failing the write', async () => {
    const listener = nextMessage();
    const watcher = bridge(listener.onRemote);
    await watcher.subscribed;
    // A connection whose first script call fails, as during a Redis restart.
    let failures = 1;
    const flaky = new Proxy(client, {
      get(target, property, receiver) {
        if (property === 'eval' && failures > 0) {
          failures--;
          return () => Promise.reject(new Error('Connection is closed.'));
        }
        const value = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const sender = createInvalidationBridge({ client: flaky, url, prefix, onRemote: () => undefined, retryMs: 50 });
    bridges.push(sender);

    await expect(sender.broadcast(['page:3'])).resolves.toBeUndefined();

    expect(await listener.received).toEqual(['page:3']);
  });

  it('makes invalidate() in lib/cache-tags reach a second instance once installed', async () => {
    const remote = nextMessage();
    const other = bridge(remote.onRemote);
    await other.subscribed;
    const installed = installInvalidationBridge(client, url, prefix);
    await installed.subscribed;
    const local: string[][] = [];
    const stop = onInvalidate((t) => local.push([...t]));

    await invalidate(['tag:5', 'tag:5', 'feeds']);

    stop();
    expect(local).toEqual([['tag:5', 'feeds']]);
    expect(await remote.received).toEqual(['tag:5', 'feeds']);
  });
});
