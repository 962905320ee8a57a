import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

const parser = new XMLParser({ ignoreAttributes: false, isArray: (name) => ['url', 'sitemap', 'item', 'entry'].includes(name) });

async function xml(request: APIRequestContext, path: string, type: RegExp) {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  expect(response.headers()['content-type']).toMatch(type);
  const body = await response.text();
  expect(XMLValidator.validate(body), path).toBe(true);
  return { response, doc: parser.parse(body) };
}

/** The JSON-LD blocks of a page, parsed. */
async function jsonLd(page: Page): Promise<Record<string, unknown>[]> {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  return blocks.flatMap((text) => [JSON.parse(text) as Record<string, unknown> | Record<string, unknown>[]].flat());
}

test('robots.txt opens the site, closes the newsroom and names the sitemaps', async ({ request, baseURL }) => {
  const response = await request.get('/robots.txt');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/^text\/plain/);
  const text = await response.text();
  expect(text).toContain('Disallow: /admin');
  expect(text).toContain('Disallow: /search');
  expect(text).toContain(`Sitemap: ${baseURL}/sitemap.xml`);
  expect(text).toContain(`Sitemap: ${baseURL}/news-sitemap.xml`);
});

test('the sitemap index leads to chunks whose URLs are live pages', async ({ request, baseURL }) => {
  const { doc } = await xml(request, '/sitemap.xml', /^application\/xml/);
  const locs: string[] = doc.sitemapindex.sitemap.map((s: { loc: string }) => s.loc);
  expect(locs).toContain(`${baseURL}/sitemaps/sections.xml`);
  const monthly = locs.find((l) => /\/sitemaps\/articles-\d{4}-\d{2}\.xml$/.test(l));
  expect(monthly).toBeTruthy();
  const chunk = await xml(request, new URL(monthly!).pathname, /^application\/xml/);
  const urls: { loc: string; lastmod: string }[] = chunk.doc.urlset.url;
  expect(urls.length).toBeGreaterThan(0);
  expect(urls.length).toBeLessThanOrEqual(50_000);
  for (const url of urls.slice(0, 3)) {
    const page = await request.get(new URL(url.loc).pathname);
    expect(page.status(), url.loc).toBe(200);
  }
  expect((await request.get('/sitemaps/articles-1999-01.xml')).status()).toBe(404);
});

test('the News sitemap is valid and declares the publication', async ({ request }) => {
  const { doc } = await xml(request, '/news-sitemap.xml', /^application\/xml/);
  expect(doc.urlset['@_xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
  for (const url of doc.urlset.url ?? []) {
    expect(url['news:news']['news:publication']['news:name']).toBeTruthy();
    expect(Date.now() - Date.parse(url['news:news']['news:publication_date'])).toBeLessThanOrEqual(48 * 3600_000 + 60_000);
  }
});

test('feeds are valid RSS and Atom and answer conditional requests with 304', async ({ request, baseURL }) => {
  const rss = await xml(request, '/feed.xml', /^application\/rss\+xml/);
  const items = rss.doc.rss.channel.item;
  expect(items.length).toBeGreaterThan(0);
  for (const item of items) expect(item['dc:creator']).toBeTruthy();
  const etag = rss.response.headers()['etag']!;
  expect(etag).toBeTruthy();
  expect((await request.get('/feed.xml', { headers: { 'If-None-Match': etag } })).status()).toBe(304);

  const atom = await xml(request, '/atom.xml', /^application\/atom\+xml/);
  expect(atom.doc.feed.entry.length).toBe(items.length);

  const section = new URL(items[0].link).pathname.split('/')[1];
  const sectionFeed = await xml(request, `/${section}/feed.xml`, /^application\/rss\+xml/);
  expect(sectionFeed.doc.rss.channel.link).toBe(`${baseURL}/${section}`);
  expect((await request.get('/no-such-section/feed.xml')).status()).toBe(404);
});

test('pages carry their canonical URL, robots, cards, feed links and JSON-LD', async ({ page, baseURL }) => {
  await page.goto('/');
  // Next writes the origin's canonical without its trailing slash; both name the same URL.
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`^${baseURL}/?$`));
  await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]').first()).toHaveAttribute('href', /\/feed\.xml$/);
  const home = await jsonLd(page);
  expect(home.map((b) => b['@type'])).toEqual(expect.arrayContaining(['NewsMediaOrganization', 'WebSite']));

  // The newest story, as the feed names it.
  const feed = parser.parse(await (await page.request.get('/feed.xml')).text());
  const path = new URL(feed.rss.channel.item[0].link).pathname;
  await page.goto(path);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${baseURL}${path}`);
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute('content', /max-image-preview:large/);
  await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article');
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
  const image = await page.locator('meta[property="og:image"]').first().getAttribute('content');
  expect((await page.request.get(new URL(image!).pathname)).headers()['content-type']).toMatch(/^image\//);
  const article = (await jsonLd(page)).find((b) => b['@type'] === 'NewsArticle')!;
  expect(article).toMatchObject({ mainEntityOfPage: { '@id': `${baseURL}${path}` }, isAccessibleForFree: true });
  for (const field of ['headline', 'image', 'datePublished', 'dateModified', 'author', 'publisher']) expect(article[field], field).toBeTruthy();
});
