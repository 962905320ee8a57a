import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db, write } from './db';
import { createRedisConnection } from './redis';
import { seedDemo } from './seed';
import { createMemoryCounters, createRedisCounters, setSharedCounters, type SharedCounters } from './shared-counters';
import { testRedisUrl } from './testing/redis';
import { flushViews, hourOf, isBot, pruneViews, recordView, VIEWS_PER_IP_PER_MINUTE } from './views';

const READER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';
const NOW = Date.UTC(2026, 10, 29, 9, 30);
let articleId: number;

const prefix = `test:${randomUUID()}:`;
const clients = [createRedisConnection(testRedisUrl()), createRedisConnection(testRedisUrl())] as const;

async function count(id: number, at: number): Promise<number> {
  const row = await db().viewBucket.findUnique({ where: { articleId_hour: { articleId: id, hour: hourOf(at) } } });
  return row?.count ?? 0;
}

beforeAll(async () => {
  await seedDemo({ url: process.env.DATABASE_URL!, articles: 8, seed: 3, mediaDir: process.env.MEDIA_DIR });
  const row = await db().article.findFirstOrThrow({ where: { publicationState: 'published' }, select: { id: true } });
  articleId = row.id;
});

afterAll(async () => {
  setSharedCounters(undefined);
  const keys = await clients[0].keys(`${prefix}*`);
  if (keys.length) await clients[0].del(...keys);
  await Promise.all(clients.map((c) => c.quit()));
});

// Two instances of the site: in memory there is only ever one; through Redis, two processes'
// counters (two connections) share one allowance per address and one tally.
const setups: Array<[string, () => [SharedCounters, SharedCounters]]> = [
  ['on one instance (in memory)', () => { const one = createMemoryCounters(); return [one, one]; }],
  ['across two instances (Redis)', () => [createRedisCounters(clients[0], prefix), createRedisCounters(clients[1], prefix)]],
];

describe.each(setups)('view counting %s', (_name, make) => {
  let instanceA: SharedCounters;
  let instanceB: SharedCounters;
  const on = (instance: SharedCounters) => setSharedCounters(instance);

  beforeEach(async () => {
    [instanceA, instanceB] = make();
    await write((tx) => tx.viewBucket.deleteMany({}));
  });

  it('adds beacons from every instance into the hour bucket in one write, ignoring bots', async () => {
    on(instanceA);
    for (let i = 0; i < 2; i += 1) expect(await recordView({ articleId, userAgent: READER, ip: `192.0.2.${i}`, now: NOW })).toBe('counted');
    expect(await recordView({ articleId, userAgent: 'Googlebot/2.1 (+http://www.google.com/bot.html)', ip: '192.0.2.50', now: NOW })).toBe('bot');
    on(instanceB);
    expect(await recordView({ articleId, userAgent: READER, ip: '192.0.2.2', now: NOW })).toBe('counted');
    expect(await recordView({ articleId, userAgent: undefined, ip: '192.0.2.51', now: NOW })).toBe('bot');
    expect(await count(articleId, NOW)).toBe(0); // batched, not yet written
    // Whichever instance flushes writes everybody's views.
    await flushViews(NOW);
    expect(await count(articleId, NOW)).toBe(3);
    on(instanceA);
    await flushViews(NOW);
    expect(await count(articleId, NOW)).toBe(3); // nothing written twice
    await recordView({ articleId, userAgent: READER, ip: '192.0.2.9', now: NOW + 60_000 });
    on(instanceB);
    await flushViews(NOW + 60_000);
    expect(await count(articleId, NOW)).toBe(4);
  });

  it('gives one address one allowance a minute, however the balancer spreads its beacons', async () => {
    const ip = `198.51.100.${Math.floor(Math.random() * 250)}`;
    const outcomes = [];
    for (let i = 0; i < VIEWS_PER_IP_PER_MINUTE + 10; i += 1) {
      on(i % 2 ? instanceB : instanceA);
      outcomes.push(await recordView({ articleId, userAgent: READER, ip, now: NOW + 120_000 }));
    }
    expect(outcomes.filter((o) => o === 'counted')).toHaveLength(VIEWS_PER_IP_PER_MINUTE);
    expect(outcomes.at(-1)).toBe('limited');
    expect(await recordView({ articleId, userAgent: READER, ip, now: NOW + 180_000 })).toBe('counted');
    await flushViews(NOW + 180_000);
    expect(await count(articleId, NOW + 120_000)).toBe(VIEWS_PER_IP_PER_MINUTE + 1);
  });

  it('drops views of articles that do not exist instead of failing the batch', async () => {
    on(instanceA);
    await recordView({ articleId: 999_999, userAgent: READER, ip: '192.0.2.77', now: NOW });
    on(instanceB);
    await recordView({ articleId, userAgent: READER, ip: '192.0.2.78', now: NOW });
    await flushViews(NOW);
    expect(await count(articleId, NOW)).toBe(1);
    expect(await db().viewBucket.count({ where: { articleId: 999_999 } })).toBe(0);
  });
});

describe('view buckets', () => {
  it('prunes buckets older than 90 days', async () => {
    setSharedCounters(createMemoryCounters());
    await write((tx) => tx.viewBucket.deleteMany({}));
    await recordView({ articleId, userAgent: READER, ip: '192.0.2.1', now: NOW });
    await flushViews(NOW);
    const old = NOW - 91 * 24 * 3_600_000;
    await write((tx) => tx.viewBucket.create({ data: { articleId, hour: hourOf(old), count: 5 } }));
    expect(await pruneViews(NOW)).toBe(1);
    expect(await count(articleId, old)).toBe(0);
    expect(await count(articleId, NOW)).toBeGreaterThan(0);
  });

  it('recognises common crawlers and scripts', () => {
    expect(isBot('facebookexternalhit/1.1')).toBe(true);
    expect(isBot('curl/8.5.0')).toBe(true);
    expect(isBot(READER)).toBe(false);
  });
});
