/**
 * Sitemaps (issue 6): an index at /sitemap.xml of chunks — articles by month (split into pages
 * when a month holds more than a chunk), sections, static pages, tags and authors — each at most
 * `chunkSize` URLs (10,000; the protocol allows 50,000), and the Google News sitemap.
 *
 * Built for 1,000,000 articles: the index reads only the covering index
 * (publicationState, publishedAt, contentUpdatedAt), one aggregate per month; a chunk is streamed
 * in keyset batches, so memory holds one batch whatever the chunk's size.
 */
import { recordExpiry, recordTags, tags } from './cache-tags';
import { db } from './db';
import { liveArticle } from './live-article';
import { getSeoSettings } from './seo/data';
import { bodyEtag, weakEtag } from './seo/http';
import { absoluteUrl, paths, sitemapPaths } from './seo/urls';
import { element, w3cDate, XML_DECLARATION } from './seo/xml';

/**
 * URLs per chunk. A chunk of 10,000 stays under ~2 MB, so the front layer stores it and renders it
 * once per invalidation; at 1,000,000 articles a month of 50,000-URL chunks held 33,489 URLs
 * (5.5 MB), rendered afresh for every fetch (ADR 026).
 */
export const SITEMAP_CHUNK_URLS = 10_000;
/** Rows per query while streaming a chunk. */
const BATCH = 2_000;
export const NEWS_WINDOW_MS = 48 * 3600_000;
export const NEWS_LIMIT = 1_000;

export interface SitemapOptions {
  /** URLs per chunk; tests lower it to prove chunking. */
  chunkSize?: number;
  /** Rows per query; tests lower it to cross batch boundaries. */
  batchSize?: number;
}

export interface SitemapRef {
  name: string;
  lastmod: Date | null;
}

export interface XmlDocument {
  body: string;
  etag: string;
  lastModified: Date | null;
}

export interface XmlStream {
  chunks: AsyncIterable<string>;
  etag: string;
  lastModified: Date | null;
}

export const SITEMAP_CONTENT_TYPE = 'application/xml; charset=utf-8';

/** Only what a search engine should index: live, not marked noindex, not canonical elsewhere. */
const indexable = { ...liveArticle, noindex: false, canonicalUrl: null } as const;

type Chunk =
  | { kind: 'articles'; year: number; month: number; page: number }
  | { kind: 'sections' }
  | { kind: 'pages' }
  | { kind: 'tags'; page: number }
  | { kind: 'authors'; page: number };

const NAME = /^(?:articles-(\d{4})-(\d{2})(?:-p(\d{1,5}))?|sections|pages|(tags|authors)-(\d{1,5}))$/;

/** The chunk a `/sitemaps/{name}.xml` name stands for, or null for anything malformed. */
export function parseSitemapName(name: string): Chunk | null {
  const m = NAME.exec(name);
  if (!m) return null;
  if (m[1]) {
    const month = Number(m[2]);
    const page = m[3] ? Number(m[3]) : 1;
    if (month < 1 || month > 12 || page < 1 || (m[3] && page === 1)) return null;
    return { kind: 'articles', year: Number(m[1]), month, page };
  }
  if (m[4]) {
    const page = Number(m[5]);
    return page >= 1 ? { kind: m[4] as 'tags' | 'authors', page } : null;
  }
  return { kind: name as 'sections' | 'pages' };
}

function chunkName(chunk: Chunk): string {
  switch (chunk.kind) {
    case 'articles':
      return `articles-${chunk.year}-${String(chunk.month).padStart(2, '0')}${chunk.page > 1 ? `-p${chunk.page}` : ''}`;
    case 'tags':
    case 'authors':
      return `${chunk.kind}-${chunk.page}`;
    default:
      return chunk.kind;
  }
}

/** UTC month [start, end). */
function monthRange(year: number, month: number): { gte: Date; lt: Date } {
  return { gte: new Date(Date.UTC(year, month - 1, 1)), lt: new Date(Date.UTC(year, month, 1)) };
}

function later(a: Date | null | undefined, b: Date | null | undefined): Date | null {
  if (!a) return b ?? null;
  if (!b) return a;
  return a > b ? a : b;
}

interface MonthStats {
  /** Live articles in the month: an upper bound of its indexable ones, read from the index alone. */
  count: number;
  lastmod: Date | null;
}

async function monthStats(year: number, month: number): Promise<MonthStats> {
  const result = await db().article.aggregate({
    where: { publicationState: 'published', publishedAt: monthRange(year, month) },
    _count: { _all: true },
    _max: { publishedAt: true, contentUpdatedAt: true },
  });
  return { count: result._count._all, lastmod: later(result._max.publishedAt, result._max.contentUpdatedAt) };
}

async function newestPublication(): Promise<Date | null> {
  const row = await db().article.findFirst({ where: { publicationState: 'published' }, orderBy: { publishedAt: 'desc' }, select: { publishedAt: true } });
  return row?.publishedAt ?? null;
}

/** Every chunk with its lastmod, in the order the index lists them. */
export async function listSitemaps({ chunkSize = SITEMAP_CHUNK_URLS }: SitemapOptions = {}): Promise<SitemapRef[]> {
  recordTags(tags.sitemaps);
  const client = db();
  const [first, newest, tagCount, personCount, newestPage] = await Promise.all([
    client.article.findFirst({ where: { publicationState: 'published' }, orderBy: { publishedAt: 'asc' }, select: { publishedAt: true } }),
    newestPublication(),
    client.tag.count(),
    client.person.count(),
    client.page.findFirst({ where: { published: true, deletedAt: null }, orderBy: { updatedAt: 'desc' }, select: { updatedAt: true } }),
  ]);
  const refs: SitemapRef[] = [
    { name: 'pages', lastmod: later(newest, newestPage?.updatedAt) },
    { name: 'sections', lastmod: newest },
  ];
  // Tag and author pages change when a story is published under them; the newest publication bounds them all.
  for (let page = 1; page <= Math.ceil(tagCount / chunkSize); page++) refs.push({ name: chunkName({ kind: 'tags', page }), lastmod: newest });
  for (let page = 1; page <= Math.ceil(personCount / chunkSize); page++) refs.push({ name: chunkName({ kind: 'authors', page }), lastmod: newest });
  if (first?.publishedAt && newest) {
    const months: { year: number; month: number }[] = [];
    const firstMonth = first.publishedAt.getUTCFullYear() * 12 + first.publishedAt.getUTCMonth();
    for (let m = newest.getUTCFullYear() * 12 + newest.getUTCMonth(); m >= firstMonth; m--) {
      months.push({ year: Math.floor(m / 12), month: (m % 12) + 1 });
    }
    // Newest month first: crawlers that stop early still see what changed. Sequential to keep one query in flight.
    for (const { year, month } of months) {
      const stats = await monthStats(year, month);
      for (let page = 1; page <= Math.ceil(stats.count / chunkSize); page++) {
        refs.push({ name: chunkName({ kind: 'articles', year, month, page }), lastmod: stats.lastmod });
      }
    }
  }
  return refs;
}

export async function buildSitemapIndex(options: SitemapOptions = {}): Promise<XmlDocument> {
  const refs = await listSitemaps(options);
  const out = [XML_DECLARATION, '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'];
  for (const ref of refs) {
    out.push(`<sitemap>${element('loc', absoluteUrl(sitemapPaths.chunk(ref.name)))}${ref.lastmod ? element('lastmod', w3cDate(ref.lastmod)) : ''}</sitemap>\n`);
  }
  out.push('</sitemapindex>\n');
  const body = out.join('');
  const lastModified = refs.reduce<Date | null>((max, r) => later(max, r.lastmod), null);
  return { body, etag: bodyEtag(body), lastModified };
}

function urlEntry(path: string, lastmod: Date | null): string {
  return `<url>${element('loc', absoluteUrl(path))}${lastmod ? element('lastmod', w3cDate(lastmod)) : ''}</url>\n`;
}

async function* once(text: string): AsyncGenerator<string> {
  yield text;
}

async function* wrapUrlset(entries: AsyncIterable<string>): AsyncGenerator<string> {
  yield `${XML_DECLARATION}<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n`;
  for await (const entry of entries) yield entry;
  yield '</urlset>\n';
}

async function* articleEntries(year: number, month: number, page: number, chunkSize: number, batchSize: number): AsyncGenerator<string> {
  const client = db();
  const sections = new Map((await client.section.findMany({ where: { parentId: null }, select: { id: true, slug: true } })).map((s) => [s.id, s.slug]));
  const range = monthRange(year, month);
  let remaining = chunkSize;
  let after: { publishedAt: Date; id: number } | null = null;
  // A later page starts after the earlier pages' live rows; `skip` walks the index once, then keyset batches follow.
  let skip = (page - 1) * chunkSize;
  while (remaining > 0) {
    const take = Math.min(batchSize, remaining);
    const rows: { id: number; slug: string; topSectionId: number; publishedAt: Date | null; contentUpdatedAt: Date | null; noindex: boolean; canonicalUrl: string | null; deletedAt: Date | null }[] =
      await client.article.findMany({
        where: {
          publicationState: 'published',
          publishedAt: range,
          ...(after ? { OR: [{ publishedAt: { gt: after.publishedAt } }, { publishedAt: after.publishedAt, id: { gt: after.id } }] } : {}),
        },
        orderBy: [{ publishedAt: 'asc' }, { id: 'asc' }],
        skip,
        take,
        select: { id: true, slug: true, topSectionId: true, publishedAt: true, contentUpdatedAt: true, noindex: true, canonicalUrl: true, deletedAt: true },
      });
    if (rows.length === 0) return;
    skip = 0;
    remaining -= rows.length;
    const last = rows[rows.length - 1]!;
    after = { publishedAt: last.publishedAt!, id: last.id };
    let batch = '';
    for (const row of rows) {
      // Counted with the live rows that fill the chunk (so pages never overlap), but not listed.
      if (row.noindex || row.canonicalUrl || row.deletedAt) continue;
      const top = sections.get(row.topSectionId);
      if (top) batch += urlEntry(paths.article(top, row.slug), later(row.publishedAt, row.contentUpdatedAt));
    }
    yield batch;
    if (rows.length < take) return;
  }
}

async function* sectionEntries(): AsyncGenerator<string> {
  const client = db();
  const all = await client.section.findMany({ orderBy: [{ position: 'asc' }, { id: 'asc' }], select: { id: true, slug: true, parentId: true, parent: { select: { slug: true } } } });
  // Each top-level section followed by its sub-sections, in navigation order.
  const sections = all.filter((s) => s.parentId === null).flatMap((top) => [top, ...all.filter((s) => s.parentId === top.id)]);
  let out = '';
  for (const section of sections) {
    const newest = await client.article.findFirst({
      where: { ...liveArticle, ...(section.parentId === null ? { topSectionId: section.id } : { primarySectionId: section.id }) },
      orderBy: { publishedAt: 'desc' },
      select: { publishedAt: true },
    });
    if (newest) out += urlEntry(paths.section(section.slug, section.parent?.slug), newest.publishedAt);
  }
  yield out;
}

async function* pageEntries(): AsyncGenerator<string> {
  const pages = await db().page.findMany({ where: { published: true, deletedAt: null }, orderBy: { position: 'asc' }, select: { slug: true, updatedAt: true } });
  yield urlEntry(paths.home, await newestPublication()) + pages.map((p) => urlEntry(paths.page(p.slug), p.updatedAt)).join('');
}

/** Tags or authors with at least one live story, by id, with that story's date as lastmod. */
async function* listingEntries(kind: 'tags' | 'authors', page: number, chunkSize: number, batchSize: number): AsyncGenerator<string> {
  const client = db();
  let remaining = chunkSize;
  let afterId = 0;
  let skip = (page - 1) * chunkSize;
  while (remaining > 0) {
    const take = Math.min(batchSize, remaining);
    const query = { where: { id: { gt: afterId } }, orderBy: { id: 'asc' as const }, skip, take, select: { id: true, slug: true } };
    const rows = kind === 'tags' ? await client.tag.findMany(query) : await client.person.findMany(query);
    if (rows.length === 0) return;
    skip = 0;
    remaining -= rows.length;
    afterId = rows[rows.length - 1]!.id;
    const ids = rows.map((r) => r.id);
    const newest = new Map<number, Date>();
    if (kind === 'tags') {
      const groups = await client.articleTag.groupBy({ by: ['tagId'], where: { tagId: { in: ids }, publishedAt: { not: null } }, _max: { publishedAt: true } });
      for (const g of groups) if (g._max.publishedAt) newest.set(g.tagId, g._max.publishedAt);
    } else {
      const groups = await client.articleByline.groupBy({ by: ['personId'], where: { personId: { in: ids }, publishedAt: { not: null } }, _max: { publishedAt: true } });
      for (const g of groups) if (g._max.publishedAt) newest.set(g.personId, g._max.publishedAt);
    }
    const path = kind === 'tags' ? paths.tag : paths.author;
    yield rows.flatMap((r) => (newest.has(r.id) ? [urlEntry(path(r.slug), newest.get(r.id)!)] : [])).join('');
    if (rows.length < take) return;
  }
}

/**
 * One chunk as a stream, with validators computed up front from the chunk's aggregate, or null
 * when the name is malformed or names a chunk that does not exist (404).
 */
export async function sitemapChunk(name: string, { chunkSize = SITEMAP_CHUNK_URLS, batchSize = BATCH }: SitemapOptions = {}): Promise<XmlStream | null> {
  const chunk = parseSitemapName(name);
  if (!chunk) return null;
  recordTags(tags.sitemaps);
  const client = db();
  switch (chunk.kind) {
    case 'articles': {
      const stats = await monthStats(chunk.year, chunk.month);
      if (stats.count <= (chunk.page - 1) * chunkSize) return null;
      return {
        chunks: wrapUrlset(articleEntries(chunk.year, chunk.month, chunk.page, chunkSize, batchSize)),
        etag: weakEtag(name, stats.count, stats.lastmod?.getTime() ?? 0),
        lastModified: stats.lastmod,
      };
    }
    case 'tags':
    case 'authors': {
      const count = chunk.kind === 'tags' ? await client.tag.count() : await client.person.count();
      if (count <= (chunk.page - 1) * chunkSize) return null;
      const newest = await newestPublication();
      return {
        chunks: wrapUrlset(listingEntries(chunk.kind, chunk.page, chunkSize, batchSize)),
        etag: weakEtag(name, count, newest?.getTime() ?? 0),
        lastModified: newest,
      };
    }
    case 'sections':
    case 'pages': {
      // Small: built whole, so the ETag is of the bytes.
      let body = '';
      for await (const part of wrapUrlset(chunk.kind === 'sections' ? sectionEntries() : pageEntries())) body += part;
      const newest = await newestPublication();
      return { chunks: once(body), etag: bodyEtag(body), lastModified: newest };
    }
  }
}

/** Google News wants ISO 639 codes; only Chinese keeps its script/region (zh-cn, zh-tw). */
function newsLanguage(language: string): string {
  const lower = language.toLowerCase();
  return lower.startsWith('zh-') ? lower : lower.split(/[-_]/)[0]!;
}

/** The Google News sitemap: indexable stories of the last 48 hours, newest first, at most 1,000. */
export async function buildNewsSitemap(now: Date = new Date()): Promise<XmlDocument> {
  recordTags(tags.sitemaps);
  const settings = await getSeoSettings();
  const rows = await db().article.findMany({
    where: { ...indexable, publishedAt: { gte: new Date(now.getTime() - NEWS_WINDOW_MS), lte: now } },
    orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
    take: NEWS_LIMIT,
    select: { slug: true, headline: true, publishedAt: true, topSection: { select: { slug: true } } },
  });
  // The oldest story drops out of the window by itself; the cached copy must not outlive that.
  const oldest = rows[rows.length - 1];
  if (oldest) recordExpiry(oldest.publishedAt!.getTime() + NEWS_WINDOW_MS);
  const publication = `<news:publication>${element('news:name', settings.name)}${element('news:language', newsLanguage(settings.language))}</news:publication>`;
  const out = [XML_DECLARATION, '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n'];
  for (const row of rows) {
    out.push(
      `<url>${element('loc', absoluteUrl(paths.article(row.topSection.slug, row.slug)))}<news:news>${publication}${element('news:publication_date', w3cDate(row.publishedAt!))}${element('news:title', row.headline)}</news:news></url>\n`,
    );
  }
  out.push('</urlset>\n');
  const body = out.join('');
  return { body, etag: bodyEtag(body), lastModified: rows[0]?.publishedAt ?? null };
}
