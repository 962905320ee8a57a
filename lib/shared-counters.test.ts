import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { loginRetryAfter, MemoryRateLimitStore, recordLoginFailure, recordLoginSuccess, setRateLimitStore } from './auth/rate-limit';
import { createRedisConnection } from './redis';
import { createMemoryCounters, createRedisCounters, createRedisRateLimitStore, type SharedCounters } from './shared-counters';
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

describe('sign-in limits across instances', () => {
  it('makes failures on one instance delay the next attempt on the other, and forgets them after the window', async () => {
    const instanceA = createRedisRateLimitStore(client, prefix);
    const instanceB = createRedisRateLimitStore(otherClient, prefix);
    const attempt = { email: `editor-${randomUUID()}@example.org`, ip: `203.0.113.${Math.floor(Math.random() * 250)}` };
    const now = Date.now();
    try {
      // ACCOUNT_POLICY allows 3 free failures; spread them over both instances.
      for (const [i, store] of [instanceA, instanceB, instanceA, instanceB].entries()) {
        setRateLimitStore(store);
        await recordLoginFailure(attempt, now + i);
      }
      setRateLimitStore(instanceA);
      expect(await loginRetryAfter(attempt, now + 4)).toBeGreaterThan(0);
      expect((await instanceB.get(`login:account:${attempt.email}`, now))?.count).toBe(4);

      setRateLimitStore(instanceB);
      await recordLoginSuccess(attempt);
      expect(await instanceA.get(`login:account:${attempt.email}`, now)).toBeNull();

      const lapsing = `lapse-${randomUUID()}`;
      await instanceA.increment(lapsing, now, 200);
      expect((await instanceB.get(lapsing, now))?.count).toBe(1);
      await sleep(250);
      expect(await instanceB.get(lapsing, now)).toBeNull();
    } finally {
      setRateLimitStore(new MemoryRateLimitStore());
    }
  });
});
