import { beforeAll, describe, expect, it } from 'vitest';
import {
  PAGE_SIZE,
  getNextInSection,
  getPublishedArticle,
  listArticlesBetween,
  listAuthorArticles,
  listMostRead,
  listRelatedArticles,
  listSectionArticles,
  listTagArticles,
} from './articles';
import { collectTags, type RenderRecord } from './cache-tags';
import { write } from './db';
import { zonedMidnight } from './format';
import { insertArticles, insertCatalog, type Catalog } from './testing/reader-fixtures';

const HOUR = 3600_000;
const now = new Date('2026-11-29T09:30:00Z');
let c: Catalog;
let ids: number[];

async function recorded<T>(fn: () => Promise<T>): Promise<{ value: T; record: RenderRecord }> {
  const record: RenderRecord = { tags: new Set() };
  const value = await collectTags(record, fn);
  return { value, record };
}

beforeAll(async () => {
  c = await insertCatalog();
  // 25 News stories filed in Asia, an hour apart (newest first), tagged Floods, by Kanya.
  ids = await insertArticles(
    now,
    Array.from({ length: 25 }, (_, i) => ({
      slug: `asia-${i}`,
      hoursAgo: i * 2 + 1,
      primarySectionId: c.asia,
      topSectionId: c.news,
      tagIds: [c.floods],
      personIds: [c.kanya],
    })),
  );
  // A sport story also filed under Asia as a secondary section, between asia-0 and asia-1.
  await insertArticles(now, [
    { slug: 'cross-filed', hoursAgo: 2, primarySectionId: c.football, topSectionId: c.sport, secondarySectionId: c.asia, tagIds: [c.haze], personIds: [c.somchai, c.kanya] },
    { slug: 'draft', hoursAgo: 0, primarySectionId: c.asia, topSectionId: c.news, tagIds: [c.floods], personIds: [c.kanya], state: 'unpublished' },
    { slug: 'old-floods', hoursAgo: 24 * 90, primarySectionId: c.football, topSectionId: c.sport, tagIds: [c.floods, c.haze] },
  ]);
});

describe('section listings', () => {
  it('merge primary and secondary filings newest first, without unpublished stories', async () => {
    const { value, record } = await recorded(() => listSectionArticles({ id: c.asia, isTopLevel: false }, 1));
    expect(value.total).toBe(26);
    expect(value.totalPages).toBe(2);
    expect(value.items.map((a) => a.path).slice(0, 3)).toEqual(['/news/asia-0', '/sport/cross-filed', '/news/asia-1']);
    expect(value.items).toHaveLength(PAGE_SIZE);
    expect(value.items.some((a) => a.path === '/news/draft')).toBe(false);
    expect(record.tags).toContain(`section:${c.asia}`);
    expect(record.tags).toContain(`article:${ids[0]}`);
  });

  it('continue on page 2 exactly where page 1 stopped, and are empty beyond the last page', async () => {
    const page1 = await listSectionArticles({ id: c.asia, isTopLevel: false }, 1);
    const page2 = await listSectionArticles({ id: c.asia, isTopLevel: false }, 2);
    expect(page2.items).toHaveLength(6);
    expect(new Set([...page1.items, ...page2.items].map((a) => a.id)).size).toBe(26);
    const page3 = await listSectionArticles({ id: c.asia, isTopLevel: false }, 3);
    expect(page3.items).toEqual([]);
    expect(page3.totalPages).toBe(2);
  });

  it('list a top-level section’s whole tree by its top section', async () => {
    const sport = await listSectionArticles({ id: c.sport, isTopLevel: true }, 1);
    expect(sport.items.map((a) => a.path)).toEqual(['/sport/cross-filed', '/sport/old-floods']);
    expect(sport.items[0]!.section).toEqual({ name: 'Football', path: '/sport/football' });
  });
});

describe('tag and author listings', () => {
  it('walk the join tables newest first with numbered pages', async () => {
    const tag = await listTagArticles(c.floods, 2);
    expect(tag.total).toBe(26);
    expect(tag.items.map((a) => a.path)).toEqual([...Array.from({ length: 5 }, (_, i) => `/news/asia-${20 + i}`), '/sport/old-floods']);
    const author = await listAuthorArticles(c.somchai, 1);
    expect(author.items.map((a) => a.path)).toEqual(['/sport/cross-filed']);
    expect(author.items[0]!.bylines.map((b) => b.name)).toEqual(['Somchai Boon', 'Kanya Srisuk']);
  });
});

describe('date archives', () => {
  it('hold what was published between two local midnights', async () => {
    // Bangkok is UTC+7: 29 November local started at 28 November 17:00 UTC.
    const from = zonedMidnight(2026, 11, 29, 'Asia/Bangkok');
    expect(from.toISOString()).toBe('2026-11-28T17:00:00.000Z');
    const day = await listArticlesBetween(from, zonedMidnight(2026, 11, 30, 'Asia/Bangkok'), 1);
    // Published 1..16.5 hours before 09:30 UTC and after 17:00 UTC the day before.
    const expected = [1, 2, 3, 5, 7, 9, 11, 13, 15].length;
    expect(day.total).toBe(expected);
    expect(day.items.every((a) => a.publishedAt >= from)).toBe(true);
  });
});

describe('the article page', () => {
  it('returns the published copy with bylines, tags and its tags recorded', async () => {
    const { value, record } = await recorded(() => getPublishedArticle('sport', 'cross-filed'));
    expect(value?.headline).toBe('Headline cross-filed');
    expect(value?.bylines.map((b) => [b.name, b.path])).toEqual([
      ['Somchai Boon', '/author/somchai'],
      ['Kanya Srisuk', '/author/kanya'],
    ]);
    expect(value?.tags.map((t) => t.path)).toEqual(['/tag/haze']);
    expect(value?.topSection.path).toBe('/sport');
    expect([...record.tags]).toEqual(expect.arrayContaining([`article:${value!.id}`, `author:${c.somchai}`, `tag:${c.haze}`]));
  });

  it('is null for an unpublished story, a wrong section or a sub-section slug, recording the missed path', async () => {
    const { value, record } = await recorded(() => getPublishedArticle('news', 'draft'));
    expect(value).toBeNull();
    expect(record.tags).toContain('missing:/news/draft');
    expect(await getPublishedArticle('sport', 'asia-0')).toBeNull();
    expect(await getPublishedArticle('asia', 'asia-0')).toBeNull();
  });
});

describe('related stories and continue reading', () => {
  it('rank shared tags above a shared section and prefer stories close in time', async () => {
    const article = (await getPublishedArticle('sport', 'cross-filed'))!;
    const related = await listRelatedArticles({ ...article, tagIds: article.tags.map((t) => t.id) });
    // old-floods shares the Haze tag and the Football section.
    expect(related[0]!.path).toBe('/sport/old-floods');
    expect(related.map((r) => r.id)).not.toContain(article.id);
  });

  it('continue reading offers the previous story in the section, or the newest from the newest story', async () => {
    const middle = (await getPublishedArticle('news', 'asia-3'))!;
    expect((await getNextInSection(middle))?.path).toBe('/news/asia-4');
    const oldest = (await getPublishedArticle('news', 'asia-24'))!;
    expect((await getNextInSection(oldest))?.path).toBe('/news/asia-0');
  });
});

describe('most read', () => {
  it('sums the last 24 hourly buckets, skips excluded stories and expires within the hour', async () => {
    const hour = (h: number) => new Date(Math.floor(now.getTime() / HOUR) * HOUR - h * HOUR);
    await write(async (tx) => {
      await tx.viewBucket.createMany({
        data: [
          { articleId: ids[5]!, hour: hour(0), count: 50 },
          { articleId: ids[5]!, hour: hour(23), count: 50 },
          { articleId: ids[6]!, hour: hour(1), count: 80 },
          // Outside the window: would otherwise put ids[7] first.
          { articleId: ids[7]!, hour: hour(24), count: 1000 },
          { articleId: ids[8]!, hour: hour(2), count: 10 },
        ],
      });
    });
    const { value, record } = await recorded(() => listMostRead({ limit: 3, now }));
    expect(value.map((a) => a.id)).toEqual([ids[5], ids[6], ids[8]]);
    expect(record.tags).toContain('most-read');
    expect(record.expiresAt).toBeGreaterThan(now.getTime());
    expect(record.expiresAt).toBeLessThanOrEqual(Math.ceil(now.getTime() / HOUR) * HOUR);
    const excluded = await listMostRead({ limit: 3, now, exclude: [ids[5]!] });
    expect(excluded.map((a) => a.id)).toEqual([ids[6], ids[8]]);
  });
});
