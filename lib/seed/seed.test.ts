import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { db, write } from '../db';
import { searchArticles } from '../search';
import { searchTriggersActive } from '../search/reindex';
import { parseSearchParams } from '../validation/search';
import { bodySchema, countWords } from '../validation/body';
import { seedDemo, SeedRefusedError, type SeedResult } from './index';
import { STATIC_PAGE_SLUGS, topLevelSlugProblem } from './sections';

const NOW = new Date('2026-11-29T05:00:00.000Z');
const ARTICLES = 300;
const url = () => process.env.DATABASE_URL!;
const searchIds = async (q: string) => (await searchArticles(parseSearchParams({ q }))).results.map((r) => r.id);
const mediaDir = () => process.env.MEDIA_DIR!;

/** Everything seeded for articles, in a comparable shape. */
async function articleSnapshot() {
  return db().article.findMany({
    orderBy: { id: 'asc' },
    include: {
      tags: { orderBy: { tagId: 'asc' } },
      bylines: { orderBy: { position: 'asc' } },
      sections: { orderBy: { sectionId: 'asc' } },
    },
  });
}

describe('seedDemo', () => {
  let result: SeedResult;
  let articles: Awaited<ReturnType<typeof articleSnapshot>>;

  beforeAll(async () => {
    result = await seedDemo({ url: url(), articles: ARTICLES, seed: 7, now: NOW, mediaDir: mediaDir() });
    articles = await articleSnapshot();
  });

  it('populates every table the site reads', async () => {
    expect(result).toMatchObject({ articles: ARTICLES, sections: 30, tags: 150, people: 36, media: 38, pages: 3, homeSlots: 5 });
    const client = db();
    expect(await client.article.count()).toBe(ARTICLES);
    expect(await client.section.count()).toBe(30);
    expect(await client.tag.count()).toBe(150);
    expect(await client.person.count()).toBe(36);
    expect(await client.media.count()).toBe(38);
    expect(await client.articleTag.count()).toBeGreaterThanOrEqual(ARTICLES * 2);
    expect(await client.articleByline.count()).toBeGreaterThanOrEqual(ARTICLES);
    expect(await client.articleSection.count()).toBeGreaterThan(0);
    expect(await client.viewBucket.count()).toBe(result.viewBuckets);
    expect(result.viewBuckets).toBeGreaterThan(1000);

    const settings = await client.siteSettings.findUniqueOrThrow({ where: { id: 1 } });
    expect(settings).toMatchObject({ name: 'The Lanna Ledger', timeZone: 'Asia/Bangkok', language: 'en' });
    expect(settings.sponsoredLinks).toEqual(expect.arrayContaining([{ label: expect.any(String), url: expect.stringMatching(/^https:\/\//) }]));
    expect(settings.appPromo).toEqual({ title: expect.any(String), text: expect.any(String), url: expect.stringMatching(/^https:\/\//) });

    const pages = await client.page.findMany({ orderBy: { position: 'asc' } });
    expect(pages.map((p) => p.slug)).toEqual(['about', 'contact', 'privacy']);
    for (const page of pages) expect(bodySchema.safeParse(page.body).success).toBe(true);

    const slots = await client.homeSlot.findMany({ orderBy: [{ slot: 'asc' }, { position: 'asc' }], include: { article: true } });
    expect(slots.map((s) => `${s.slot}:${s.position}`)).toEqual(['lead:0', 'top:0', 'top:1', 'top:2', 'top:3']);
    for (const slot of slots) expect(slot.article.publicationState).toBe('published');

    const buckets = await client.viewBucket.findMany({ select: { hour: true } });
    for (const { hour } of buckets) {
      expect(hour.getTime() % 3_600_000).toBe(0);
      expect(hour.getTime()).toBeLessThanOrEqual(NOW.getTime());
      expect(hour.getTime()).toBeGreaterThan(NOW.getTime() - 48 * 3_600_000);
    }
  });

  it('writes hero images with their WebP variants', async () => {
    const media = await db().media.findFirstOrThrow({ where: { path: 'seed/hero-07.jpg' } });
    expect(media).toMatchObject({ width: 1600, height: 900, mimeType: 'image/jpeg' });
    expect(media.alt.length).toBeGreaterThan(20);
    expect(media.variants).toEqual([
      { width: 480, height: 270, path: 'seed/hero-07-480.webp' },
      { width: 800, height: 450, path: 'seed/hero-07-800.webp' },
      { width: 1200, height: 675, path: 'seed/hero-07-1200.webp' },
      { width: 1600, height: 900, path: 'seed/hero-07-1600.webp' },
    ]);
    for (const path of [media.path, ...(media.variants as { path: string }[]).map((v) => v.path)]) {
      expect(existsSync(join(mediaDir(), path))).toBe(true);
    }
    const withPhoto = await db().person.count({ where: { photoId: { not: null } } });
    expect(withPhoto).toBeGreaterThan(3);
  });

  it('keeps sections two levels deep with safe top-level slugs', async () => {
    const sections = await db().section.findMany({ include: { parent: true } });
    for (const section of sections) {
      if (section.parent) expect(section.parent.parentId).toBeNull();
      else {
        expect(topLevelSlugProblem(section.slug)).toBeNull();
        expect(STATIC_PAGE_SLUGS).not.toContain(section.slug);
      }
    }
    expect(sections.filter((s) => s.parentId === null)).toHaveLength(12);
  });

  it('writes bodies that pass the body schema, of a believable length', () => {
    for (const article of articles) {
      const parsed = bodySchema.safeParse(article.body);
      expect(parsed.success, `article ${article.id}: ${parsed.error?.message}`).toBe(true);
      expect(parsed.data!.blocks.length).toBeGreaterThanOrEqual(6);
      expect(parsed.data!.blocks.length).toBeLessThanOrEqual(20);
      expect(article.wordCount).toBeGreaterThanOrEqual(250);
      expect(article.wordCount).toBeLessThanOrEqual(950);
      expect(countWords(article.headline)).toBeGreaterThanOrEqual(6);
      expect(countWords(article.headline)).toBeLessThanOrEqual(14);
      expect(article.standfirst.length).toBeGreaterThan(20);
    }
    const types = new Set(articles.flatMap((a) => (a.body as { blocks: { type: string }[] }).blocks.map((b) => b.type)));
    for (const type of ['paragraph', 'heading', 'quote', 'pullquote', 'list', 'image']) expect(types).toContain(type);
  });

  it('numbers articles in publication order', () => {
    const published = articles.filter((a) => a.publishedAt !== null);
    for (let i = 1; i < published.length; i++) {
      expect(published[i]!.publishedAt!.getTime()).toBeGreaterThan(published[i - 1]!.publishedAt!.getTime());
    }
    const first = published[0]!.publishedAt!.getTime();
    expect(first).toBeGreaterThan(NOW.getTime() - 731 * 24 * 3_600_000);
    expect(published.at(-1)!.publishedAt!.getTime()).toBeLessThanOrEqual(NOW.getTime());
  });

  it('mixes publication states like a working newsroom', async () => {
    const opinion = await db().section.findFirstOrThrow({ where: { slug: 'opinion', parentId: null } });
    const states = new Map<string, number>();
    for (const a of articles) states.set(a.publicationState, (states.get(a.publicationState) ?? 0) + 1);
    expect(states.get('published')).toBeGreaterThan(ARTICLES * 0.9);
    expect(states.get('scheduled')).toBeGreaterThanOrEqual(1);
    for (const a of articles) {
      if (a.publicationState === 'published' || a.publicationState === 'archived') {
        expect(a.publishedAt).not.toBeNull();
        expect(a.firstPublishedAt).toEqual(a.publishedAt);
        expect(a.editorialState).toBe('approved');
        expect(a.createdAt.getTime()).toBeLessThanOrEqual(a.publishedAt!.getTime());
      } else expect(a.publishedAt).toBeNull();
      if (a.publicationState === 'scheduled') expect(a.scheduledAt!.getTime()).toBeGreaterThan(NOW.getTime());
      if (a.contentUpdatedAt) expect(a.contentUpdatedAt.getTime()).toBeGreaterThan(a.publishedAt!.getTime());
      expect(a.updatedAt.getTime()).toBeLessThanOrEqual(NOW.getTime());
      expect(a.isOpinion).toBe(a.topSectionId === opinion.id);
    }
    expect(articles.filter((a) => a.heroImageId !== null).length).toBeGreaterThan(ARTICLES * 0.75);
  });

  it('gives slugs unique within each top-level section and apart from its sub-sections', async () => {
    const sections = await db().section.findMany();
    const seen = new Set<string>();
    for (const a of articles) {
      expect(a.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(a.slug.length).toBeLessThanOrEqual(80);
      const key = `${a.topSectionId}/${a.slug}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
      expect(sections.some((s) => s.parentId === a.topSectionId && s.slug === a.slug)).toBe(false);
      const primary = sections.find((s) => s.id === a.primarySectionId)!;
      expect(primary.parentId ?? primary.id).toBe(a.topSectionId);
    }
  });

  it('mirrors the article’s publication date on its listing rows', () => {
    for (const a of articles) {
      const listed = a.publicationState === 'published' ? a.publishedAt : null;
      expect(a.tags.length).toBeGreaterThanOrEqual(2);
      expect(a.tags.length).toBeLessThanOrEqual(5);
      expect(a.bylines.length).toBeGreaterThanOrEqual(1);
      expect(a.bylines.map((b) => b.position)).toEqual(a.bylines.map((_, i) => i));
      for (const row of [...a.tags, ...a.bylines, ...a.sections]) expect(row.publishedAt).toEqual(listed);
    }
  });

  it('stores dates as Prisma does, so Prisma reads relations and filters by date', async () => {
    const sample = articles.find((a) => a.publicationState === 'published' && a.heroImageId !== null)!;
    const read = await db().article.findUniqueOrThrow({
      where: { id: sample.id },
      include: { primarySection: true, topSection: true, heroImage: true, tags: { include: { tag: true } }, bylines: { include: { person: true } } },
    });
    expect(read.publishedAt).toBeInstanceOf(Date);
    expect(read.heroImage?.path).toMatch(/^seed\/hero-\d\d\.jpg$/);
    expect(read.bylines[0]!.person.name).toBeTruthy();
    expect(read.tags[0]!.tag.slug).toBeTruthy();

    // Date comparisons run in the database; they only agree with JS if the stored format matches.
    const cut = articles.filter((a) => a.publishedAt)[Math.floor(ARTICLES / 2)]!.publishedAt!;
    const expected = articles.filter((a) => a.publishedAt && a.publishedAt >= cut).length;
    expect(await db().article.count({ where: { publishedAt: { gte: cut } } })).toBe(expected);
    const tagged = await db().articleTag.count({ where: { publishedAt: { lt: cut } } });
    expect(tagged).toBe(articles.filter((a) => a.publicationState === 'published' && a.publishedAt! < cut).reduce((n, a) => n + a.tags.length, 0));
  });

  it('indexes every published article for search and leaves the search triggers on', async () => {
    // The seed suspends the triggers and rebuilds the index in one pass at the end.
    expect(await searchTriggersActive()).toBe(true);
    const live = articles.filter((a) => a.publicationState === 'published');
    const sample = live[Math.floor(live.length / 2)]!;
    const word = sample.headline.split(/\W+/).filter((w) => w.length > 3).at(-1)!;
    const withWord = live.filter((a) => a.headline.toLowerCase().split(/\W+/).includes(word.toLowerCase())).map((a) => a.id);
    const found = await searchIds(`"${sample.headline}"`);
    expect(found).toContain(sample.id);
    expect((await searchArticles(parseSearchParams({ q: word }))).total.count).toBeGreaterThanOrEqual(withWord.length);

    // A write after the seed reaches the index through the restored triggers.
    await write((tx) => tx.article.update({ where: { id: sample.id }, data: { headline: 'Quokkaseedcheck renamed after seeding' } }));
    expect(await searchIds('quokkaseedcheck')).toEqual([sample.id]);
    await write((tx) => tx.article.update({ where: { id: sample.id }, data: { headline: sample.headline } }));
  });

  it('refuses a database with content unless asked to reset', async () => {
    await expect(seedDemo({ url: url(), articles: 10, seed: 7, now: NOW, mediaDir: mediaDir() })).rejects.toThrow(SeedRefusedError);
    await expect(seedDemo({ url: url(), articles: 10, seed: 7, now: NOW, mediaDir: mediaDir() })).rejects.toThrow(/300 articles, 30 sections.*--reset/);
  });

  it('gives the same rows for the same seed and different rows for another', async () => {
    await seedDemo({ url: url(), articles: ARTICLES, seed: 7, now: NOW, mediaDir: mediaDir(), reset: true });
    expect(await articleSnapshot()).toEqual(articles);
    expect(await db().article.count()).toBe(ARTICLES);

    await seedDemo({ url: url(), articles: ARTICLES, seed: 8, now: NOW, mediaDir: mediaDir(), reset: true });
    const other = await articleSnapshot();
    expect(other.map((a) => a.headline)).not.toEqual(articles.map((a) => a.headline));
  });

  it('restores the search triggers and indexes what it wrote when the seed fails half-way', async () => {
    const failing = seedDemo({
      url: url(),
      articles: 5000,
      seed: 9,
      now: NOW,
      mediaDir: mediaDir(),
      reset: true,
      onProgress(done) {
        if (done >= 2000) throw new Error('disk full (simulated)');
      },
    });
    await expect(failing).rejects.toThrow('disk full (simulated)');
    expect(await searchTriggersActive()).toBe(true);
    const [written] = await db().article.findMany({ where: { publicationState: 'published' }, orderBy: { id: 'desc' }, take: 1 });
    expect(await searchIds(`"${written!.headline}"`)).toContain(written!.id);
    await write((tx) => tx.article.update({ where: { id: written!.id }, data: { headline: 'Wombatfailcheck after a failed seed' } }));
    expect(await searchIds('wombatfailcheck')).toEqual([written!.id]);
  });
});
