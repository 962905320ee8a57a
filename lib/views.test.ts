import { beforeAll, describe, expect, it } from 'vitest';
import { db, write } from './db';
import { seedDemo } from './seed';
import { flushViews, hourOf, isBot, pruneViews, recordView } from './views';

const READER = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';
const NOW = Date.UTC(2026, 10, 29, 9, 30);
let articleId: number;

async function count(id: number, at: number): Promise<number> {
  const row = await db().viewBucket.findUnique({ where: { articleId_hour: { articleId: id, hour: hourOf(at) } } });
  return row?.count ?? 0;
}

beforeAll(async () => {
  await seedDemo({ url: process.env.DATABASE_URL!, articles: 8, seed: 3, mediaDir: process.env.MEDIA_DIR });
  const row = await db().article.findFirstOrThrow({ where: { publicationState: 'published' }, select: { id: true } });
  articleId = row.id;
  await write((tx) => tx.viewBucket.deleteMany({}));
});

describe('view counting', () => {
  it('adds beacons up into the hour bucket in one write, ignoring bots', async () => {
    for (let i = 0; i < 3; i += 1) expect(recordView({ articleId, userAgent: READER, ip: `192.0.2.${i}`, now: NOW })).toBe('counted');
    expect(recordView({ articleId, userAgent: 'Googlebot/2.1 (+http://www.google.com/bot.html)', ip: '192.0.2.50', now: NOW })).toBe('bot');
    expect(recordView({ articleId, userAgent: undefined, ip: '192.0.2.51', now: NOW })).toBe('bot');
    expect(await count(articleId, NOW)).toBe(0); // batched, not yet written
    await flushViews(NOW);
    expect(await count(articleId, NOW)).toBe(3);
    recordView({ articleId, userAgent: READER, ip: '192.0.2.9', now: NOW + 60_000 });
    await flushViews(NOW + 60_000);
    expect(await count(articleId, NOW)).toBe(4);
  });

  it('limits one address to a reasonable number of views a minute', async () => {
    const outcomes = Array.from({ length: 40 }, () => recordView({ articleId, userAgent: READER, ip: '198.51.100.1', now: NOW + 120_000 }));
    expect(outcomes.filter((o) => o === 'counted')).toHaveLength(30);
    expect(outcomes.at(-1)).toBe('limited');
    expect(recordView({ articleId, userAgent: READER, ip: '198.51.100.1', now: NOW + 180_000 })).toBe('counted');
    await flushViews(NOW + 180_000);
  });

  it('drops views of articles that do not exist instead of failing the batch', async () => {
    recordView({ articleId: 999_999, userAgent: READER, ip: '192.0.2.77', now: NOW });
    recordView({ articleId, userAgent: READER, ip: '192.0.2.78', now: NOW });
    const before = await count(articleId, NOW);
    await flushViews(NOW);
    expect(await count(articleId, NOW)).toBe(before + 1);
  });

  it('prunes buckets older than 90 days', async () => {
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
