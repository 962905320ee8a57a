import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildNewsSitemap, buildSitemapIndex, listSitemaps, parseSitemapName, sitemapChunk } from './sitemaps';
import { collect, createArticles, createNewsroom, HOSTILE, type Newsroom } from './seo/test-fixtures';
import { siteUrl } from './seo/urls';

const NOW = new Date('2026-11-29T08:00:00.000Z');
const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['url', 'sitemap'].includes(name) });

/** Parses with a real XML parser after checking well-formedness and that no forbidden character slipped through. */
function parse(xml: string) {
  expect(XMLValidator.validate(xml)).toBe(true);
  expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
  return parser.parse(xml);
}

async function chunkUrls(name: string, options = { chunkSize: 10, batchSize: 3 }) {
  const chunk = await sitemapChunk(name, options);
  expect(chunk).not.toBeNull();
  const doc = parse(await collect(chunk!.chunks));
  expect(doc.urlset['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
  return (doc.urlset.url ?? []) as { loc: string; lastmod?: string }[];
}

describe('sitemaps', () => {
  let n: Newsroom;
  const october = (i: number) => new Date(Date.UTC(2026, 9, 1 + i, 6, 0, 0));

  beforeAll(async () => {
    n = await createNewsroom();
    // 15 October stories: more than one 10-URL chunk.
    await createArticles(
      Array.from({ length: 15 }, (_, i) => ({ slug: `october-${i + 1}`, section: n.news, top: n.news, publishedAt: october(i), tags: [n.floods], bylines: [n.kanya] })),
    );
    await createArticles([
      { slug: 'updated', section: n.asia, top: n.news, publishedAt: new Date('2026-11-02T03:00:00Z'), contentUpdatedAt: new Date('2026-11-20T10:00:00Z') },
      { slug: 'hidden', section: n.news, top: n.news, publishedAt: new Date('2026-11-03T03:00:00Z'), noindex: true },
      { slug: 'syndicated', section: n.news, top: n.news, publishedAt: new Date('2026-11-04T03:00:00Z'), canonicalUrl: 'https://wire.example/story' },
      { slug: 'draft', section: n.news, top: n.news, publishedAt: null },
      { slug: 'archived', section: n.news, top: n.news, publishedAt: new Date('2026-11-05T03:00:00Z'), state: 'archived' },
      { slug: 'yesterday', headline: HOSTILE, section: n.news, top: n.news, publishedAt: new Date('2026-11-28T09:00:00Z') },
      { slug: 'this-morning', section: n.asia, top: n.news, publishedAt: new Date('2026-11-29T06:30:00Z') },
      { slug: 'three-days-ago', section: n.news, top: n.news, publishedAt: new Date('2026-11-26T06:30:00Z') },
    ]);
  });

  it('names only well-formed chunks', () => {
    expect(parseSitemapName('articles-2026-10')).toEqual({ kind: 'articles', year: 2026, month: 10, page: 1 });
    expect(parseSitemapName('articles-2026-10-p2')).toEqual({ kind: 'articles', year: 2026, month: 10, page: 2 });
    expect(parseSitemapName('tags-3')).toEqual({ kind: 'tags', page: 3 });
    for (const bad of ['articles-2026-13', 'articles-2026-10-p1', 'articles-2026-10-p0', 'tags-0', 'tags', '../etc', 'sections.xml', '']) {
      expect(parseSitemapName(bad), bad).toBeNull();
    }
  });

  it('indexes month chunks newest first, splitting a month larger than a chunk', async () => {
    const refs = await listSitemaps({ chunkSize: 10 });
    expect(refs.map((r) => r.name)).toEqual(['pages', 'sections', 'tags-1', 'authors-1', 'articles-2026-11', 'articles-2026-10', 'articles-2026-10-p2']);
    // November's lastmod is its latest change: this morning's publication.
    expect(refs.find((r) => r.name === 'articles-2026-11')!.lastmod).toEqual(new Date('2026-11-29T06:30:00Z'));
    expect(refs.find((r) => r.name === 'articles-2026-10')!.lastmod).toEqual(october(14));

    const index = await buildSitemapIndex({ chunkSize: 10 });
    const doc = parse(index.body);
    expect(doc.sitemapindex['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    const locs = doc.sitemapindex.sitemap.map((s: { loc: string }) => s.loc);
    expect(locs).toContain(`${siteUrl()}/sitemaps/articles-2026-10-p2.xml`);
    expect(doc.sitemapindex.sitemap[4].lastmod).toBe('2026-11-29T06:30:00.000Z');
    expect(index.etag).toMatch(/^W\/".+"$/);
  });

  it('splits a month across chunks without overlap or loss, across query batches', async () => {
    const first = await chunkUrls('articles-2026-10');
    const second = await chunkUrls('articles-2026-10-p2');
    expect(first).toHaveLength(10);
    expect(second).toHaveLength(5);
    const all = [...first, ...second].map((u) => u.loc);
    expect(all).toEqual(Array.from({ length: 15 }, (_, i) => `${siteUrl()}/news/october-${i + 1}`));
    expect(first[0]!.lastmod).toBe(october(0).toISOString());
    expect(await sitemapChunk('articles-2026-10-p3', { chunkSize: 10 })).toBeNull();
    expect(await sitemapChunk('articles-2026-08', { chunkSize: 10 })).toBeNull();
  });

  it('lists only indexable live stories, at their own URL, with the content update as lastmod', async () => {
    const urls = await chunkUrls('articles-2026-11');
    expect(urls.map((u) => u.loc.replace(siteUrl(), ''))).toEqual(['/news/updated', '/news/three-days-ago', '/news/yesterday', '/news/this-morning']);
    expect(urls[0]!.lastmod).toBe('2026-11-20T10:00:00.000Z');
  });

  it('lists sections with stories, static pages, and tags and authors that have stories', async () => {
    expect((await chunkUrls('sections')).map((u) => u.loc.replace(siteUrl(), ''))).toEqual(['/news', '/news/asia']);
    expect((await chunkUrls('pages')).map((u) => u.loc.replace(siteUrl(), ''))).toEqual(['/', '/about']);
    expect(await chunkUrls('tags-1')).toEqual([{ loc: `${siteUrl()}/tag/floods`, lastmod: october(14).toISOString() }]);
    expect((await chunkUrls('authors-1')).map((u) => u.loc)).toEqual([`${siteUrl()}/author/kanya-srisuk`]);
    // With one tag per chunk, the second chunk holds the tag without stories: an empty but valid urlset.
    expect(await chunkUrls('tags-2', { chunkSize: 1, batchSize: 1 })).toEqual([]);
    expect(await sitemapChunk('tags-3', { chunkSize: 1 })).toBeNull();
  });

  it('gives a chunk a validator that changes when its month changes', async () => {
    const before = await sitemapChunk('articles-2026-10', { chunkSize: 10 });
    await createArticles([{ slug: 'late-october', section: n.sport, top: n.sport, publishedAt: new Date('2026-10-31T23:00:00Z') }]);
    const after = await sitemapChunk('articles-2026-10', { chunkSize: 10 });
    expect(after!.etag).not.toBe(before!.etag);
    expect(after!.lastModified).toEqual(new Date('2026-10-31T23:00:00Z'));
  });

  it('builds the News sitemap from the last 48 hours, escaping every title', async () => {
    const news = await buildNewsSitemap(NOW);
    const doc = parse(news.body);
    expect(doc.urlset['@_xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
    const urls = doc.urlset.url;
    expect(urls.map((u: { loc: string }) => u.loc.replace(siteUrl(), ''))).toEqual(['/news/this-morning', '/news/yesterday']);
    const item = urls[1]['news:news'];
    expect(item['news:publication']).toEqual({ 'news:name': 'The Lanna Ledger', 'news:language': 'en' });
    expect(item['news:publication_date']).toBe('2026-11-28T09:00:00.000Z');
    // The hostile headline survives as text (minus characters XML cannot carry), never as markup.
    expect(news.body).not.toContain('</script>');
    expect(news.body).not.toContain(']]>');
    const parsedTitle = new XMLParser({ processEntities: true, htmlEntities: false }).parse(news.body).urlset.url[1]['news:news']['news:title'];
    expect(parsedTitle).toBe(HOSTILE.replace(/[\u0001\u000b]/g, ''));
    expect(news.lastModified).toEqual(new Date('2026-11-29T06:30:00Z'));
  });
});
