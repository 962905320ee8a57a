import { describe, expect, it } from 'vitest';
import { onInvalidate } from './cache-tags';
import { db, write } from './db';
import { pruneViewBuckets, purgeTrash } from './maintenance';

const now = new Date('2026-11-29T09:00:00Z');
const daysAgo = (n: number) => new Date(now.getTime() - n * 24 * 60 * 60 * 1000);

async function fixtures() {
  return write(async (tx) => {
    const section = await tx.section.create({ data: { slug: 'jobs-news', name: 'News' } });
    const article = (slug: string, deletedAt: Date | null) =>
      tx.article.create({ data: { slug, headline: slug, body: { blocks: [] }, primarySectionId: section.id, topSectionId: section.id, deletedAt } });
    const old = await article('trashed-long-ago', daysAgo(31));
    const recent = await article('trashed-last-week', daysAgo(7));
    const live = await article('live', null);
    await tx.viewBucket.createMany({
      data: [
        { articleId: live.id, hour: daysAgo(91), count: 5 },
        { articleId: live.id, hour: daysAgo(89), count: 7 },
      ],
    });
    await tx.page.createMany({
      data: [
        { slug: 'old-page', title: 'Old', body: { blocks: [] }, deletedAt: daysAgo(40) },
        { slug: 'kept-page', title: 'Kept', body: { blocks: [] }, deletedAt: daysAgo(2) },
      ],
    });
    return { old, recent, live };
  });
}

describe('housekeeping jobs', () => {
  it('removes only what has expired: 90-day-old view buckets, 30-day-old trash', async () => {
    const { old, recent, live } = await fixtures();
    const invalidated: string[] = [];
    const stop = onInvalidate((t) => invalidated.push(...t));

    expect(await pruneViewBuckets(now)).toBe(1);
    expect(await purgeTrash(now)).toEqual({ articles: 1, pages: 1 });
    stop();

    expect((await db().viewBucket.findMany({ select: { count: true } })).map((b) => b.count)).toEqual([7]);
    const articles = await db().article.findMany({ select: { id: true }, orderBy: { id: 'asc' } });
    expect(articles.map((a) => a.id)).toEqual([recent.id, live.id]);
    expect((await db().page.findMany({ select: { slug: true } })).map((p) => p.slug)).toEqual(['kept-page']);
    expect(invalidated).toContain(`article:${old.id}`);

    // A second run finds nothing left to do.
    expect(await purgeTrash(now)).toEqual({ articles: 0, pages: 0 });
  });
});
