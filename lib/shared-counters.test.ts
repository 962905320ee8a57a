import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createRedisConnection } from './redis';
import { createMemoryCounters, createRedisCounters, type SharedCounters } from './shared-counters';
import { testRedisUrl } from './testing/redis';

const prefix = `test:${randomUUID()}:`;
const client = createRedisConnection(testRedisUrl());
const otherClient = createRedisConnection(testRedisUrl());

afterAll(async () => {
  const keys = await client.keys(`${prefix}*`);
  if (keys.length) await client.del(...keys);
  await Promise.all([client.quit(), otherClient.quit()]);
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Two "instances" of each store: the Redis ones share state through the server; the memory
// pair is one store, since in memory there is only one instance.
const stores: Array<[string, () => [SharedCounters, SharedCounters]]> = [
  ['in memory', () => { const one = createMemoryCounters(); return [one, one]; }],
  ['in Redis', () => [createRedisCounters(client, prefix), createRedisCounters(otherClient, prefix)]],
];

describe.each(stores)('shared counters %s', (_name, make) => {
  it('counts attempts from both instances in one window that closes by itself', async () => {
    const [a, b] = make();
    const key = `login:ip:${randomUUID()}`;
    expect((await a.hit(key, 300)).count).toBe(1);
    expect((await b.hit(key, 300)).count).toBe(2);
    const third = await a.hit(key, 300);
    expect(third.count).toBe(3);
    expect(third.resetAt).toBeGreaterThan(Date.now());
    expect(third.resetAt).toBeLessThanOrEqual(Date.now() + 300);
    expect((await b.peek(key))?.count).toBe(3);

    await sleep(350);
    expect(await a.peek(key)).toBeNull();
    expect((await b.hit(key, 300)).count).toBe(1);
  });

  it('clears a key for every instance', async () => {
    const [a, b] = make();
    const key = `login:account:${randomUUID()}`;
    await a.hit(key, 60_000);
    await b.clear(key);
    expect(await a.peek(key)).toBeNull();
  });

  it('hands each tallied view to exactly one drain', async () => {
    const [a, b] = make();
    const tally = `views:${randomUUID()}`;
    await a.add(tally, '12@2026-11-29T09', 2);
    await b.add(tally, '12@2026-11-29T09');
    await b.add(tally, '40@2026-11-29T09');
    const [first, second] = await Promise.all([a.drain(tally), b.drain(tally)]);
    const total = new Map<string, number>();
    for (const drained of [first, second]) for (const [field, n] of drained) total.set(field, (total.get(field) ?? 0) + n);
    expect(Object.fromEntries(total)).toEqual({ '12@2026-11-29T09': 3, '40@2026-11-29T09': 1 });
    expect((await a.drain(tally)).size).toBe(0);
  });
});
