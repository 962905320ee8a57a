/**
 * RSS 2.0 and Atom feeds for the site, each section (with its sub-sections), tag and author
 * (DESIGN §4). Full content or summary per the `feedFullContent` setting; every item carries its
 * authors and its hero image. Feeds are small (the newest {@link FEED_ITEMS}), so they are built
 * whole and get an ETag of their bytes.
 */
import { recordTags, tags } from './cache-tags';
import { db } from './db';
import { bodyImageIds, bodyToHtml, type BodyImage } from './seo/body-html';
import { liveArticle, liveStateSelect, isLiveArticle } from './live-article';
import { getSeoSettings, mediaImage, type MediaImage, type SeoSettings } from './seo/data';
import { bodyEtag } from './seo/http';
import { absoluteUrl, feedPath, paths, siteUrl, type FeedFormat } from './seo/urls';
import { element, rfc822Date, w3cDate, xmlEscape, XML_DECLARATION } from './seo/xml';
import { bodySchema } from './validation/body';

export const FEED_ITEMS = 50;

export type FeedScope =
  | { kind: 'site' }
  /** `[top]` or `[top, sub]`. */
  | { kind: 'section'; slugs: readonly string[] }
  | { kind: 'tag'; slug: string }
  | { kind: 'author'; slug: string };

export interface FeedDocument {
  body: string;
  contentType: string;
  etag: string;
  lastModified: Date | null;
}

export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
};

interface Channel {
  title: string;
  description: string;
  /** The listing page the feed mirrors. */
  path: string;
  articleIds: number[];
}

type Desc = { publishedAt: 'desc' };
const newestFirst: [Desc, { articleId: 'desc' }] = [{ publishedAt: 'desc' }, { articleId: 'desc' }];

/** Ids from two newest-first lists, merged and de-duplicated, newest first. */
function mergeNewest(limit: number, ...lists: { id: number; at: Date }[][]): number[] {
  const seen = new Set<number>();
  return lists
    .flat()
    .sort((a, b) => b.at.getTime() - a.at.getTime() || b.id - a.id)
    .filter((row) => !seen.has(row.id) && seen.add(row.id))
    .slice(0, limit)
    .map((row) => row.id);
}

async function resolveChannel(scope: FeedScope, settings: SeoSettings, limit: number): Promise<Channel | null> {
  const client = db();
  switch (scope.kind) {
    case 'site': {
      const rows = await client.article.findMany({
        where: liveArticle,
        orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
        take: limit,
        select: { id: true },
      });
      return { title: settings.name, description: settings.tagline || `The latest from ${settings.name}`, path: paths.home, articleIds: rows.map((r) => r.id) };
    }
    case 'section': {
      const [topSlug, subSlug] = scope.slugs;
      const top = await client.section.findFirst({ where: { slug: topSlug, parentId: null }, select: { id: true, slug: true, name: true, description: true, children: { select: { id: true } } } });
      const section = subSlug
        ? top && (await client.section.findFirst({ where: { slug: subSlug, parentId: top.id }, select: { id: true, slug: true, name: true, description: true, children: { select: { id: true } } } }))
        : top;
      if (!top || !section) {
        recordTags(`missing:/${scope.slugs.join('/')}`);
        return null;
      }
      recordTags(tags.section(section.id));
      // A top-level section lists everything under it; a sub-section its own primary stories. Both add secondary placements.
      const own = await client.article.findMany({
        where: { ...liveArticle, ...(subSlug ? { primarySectionId: section.id } : { topSectionId: section.id }) },
        orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
        take: limit,
        select: { id: true, publishedAt: true },
      });
      const secondary = await client.articleSection.findMany({
        where: { sectionId: { in: [section.id, ...section.children.map((c) => c.id)] }, publishedAt: { not: null } },
        orderBy: newestFirst,
        take: limit,
        select: { articleId: true, publishedAt: true },
      });
      return {
        title: `${section.name} — ${settings.name}`,
        description: section.description || `The latest ${section.name} stories from ${settings.name}`,
        path: paths.section(section.slug, subSlug ? top.slug : null),
        articleIds: mergeNewest(
          limit,
          own.map((r) => ({ id: r.id, at: r.publishedAt! })),
          secondary.map((r) => ({ id: r.articleId, at: r.publishedAt! })),
        ),
      };
    }
    case 'tag': {
      const tag = await client.tag.findUnique({ where: { slug: scope.slug }, select: { id: true, slug: true, name: true, description: true } });
      if (!tag) {
        recordTags(`missing:${paths.tag(scope.slug)}`);
        return null;
      }
      recordTags(tags.tag(tag.id));
      const rows = await client.articleTag.findMany({ where: { tagId: tag.id, publishedAt: { not: null } }, orderBy: newestFirst, take: limit, select: { articleId: true } });
      return {
        title: `${tag.name} — ${settings.name}`,
        description: tag.description || `Stories about ${tag.name} from ${settings.name}`,
        path: paths.tag(tag.slug),
        articleIds: rows.map((r) => r.articleId),
      };
    }
    case 'author': {
      const person = await client.person.findUnique({ where: { slug: scope.slug }, select: { id: true, slug: true, name: true, jobTitle: true } });
      if (!person) {
        recordTags(`missing:${paths.author(scope.slug)}`);
        return null;
      }
      recordTags(tags.author(person.id));
      const rows = await client.articleByline.findMany({ where: { personId: person.id, publishedAt: { not: null } }, orderBy: newestFirst, take: limit, select: { articleId: true } });
      return {
        title: `${person.name} — ${settings.name}`,
        description: person.jobTitle ? `Stories by ${person.name}, ${person.jobTitle}` : `Stories by ${person.name}`,
        path: paths.author(person.slug),
        articleIds: rows.map((r) => r.articleId),
      };
    }
  }
}

interface FeedItem {
  id: number;
  url: string;
  title: string;
  summary: string;
  html: string | null;
  publishedAt: Date;
  updatedAt: Date;
  authors: { name: string; url: string }[];
  categories: string[];
  image: MediaImage | null;
}

const mediaSelect = { path: true, width: true, height: true, alt: true, mimeType: true, bytes: true, deletedAt: true } as const;

async function loadItems(ids: number[], full: boolean, settings: SeoSettings): Promise<FeedItem[]> {
  if (ids.length === 0) return [];
  const found = await db().article.findMany({
    where: { id: { in: ids } },
    select: {
      ...liveStateSelect,
      id: true,
      slug: true,
      headline: true,
      standfirst: true,
      seoDescription: true,
      body: full,
      publishedAt: true,
      contentUpdatedAt: true,
      heroAlt: true,
      heroImage: { select: mediaSelect },
      topSection: { select: { slug: true } },
      primarySection: { select: { name: true } },
      bylines: { orderBy: { position: 'asc' }, select: { person: { select: { name: true, slug: true } } } },
      tags: { orderBy: { tag: { name: 'asc' } }, select: { tag: { select: { name: true } } } },
    },
  });
  const rows = found.filter(isLiveArticle);
  recordTags(...rows.map((r) => tags.article(r.id)));
  const bodies = new Map(rows.map((r) => [r.id, full ? bodySchema.safeParse(r.body).data ?? null : null]));
  const imageIds = [...new Set([...bodies.values()].flatMap((b) => (b ? bodyImageIds(b) : [])))];
  const images = new Map<number, BodyImage>();
  if (imageIds.length) {
    const media = await db().media.findMany({ where: { id: { in: imageIds }, deletedAt: null }, select: { id: true, path: true, width: true, height: true } });
    for (const m of media) images.set(m.id, { url: paths.media(m.path), width: m.width, height: m.height });
  }
  const order = new Map(ids.map((id, i) => [id, i]));
  return rows
    .sort((a, b) => order.get(a.id)! - order.get(b.id)!)
    .map((row) => {
      const body = bodies.get(row.id);
      const publishedAt = row.publishedAt!;
      const authors = row.bylines.map(({ person }) => ({ name: person.name, url: absoluteUrl(paths.author(person.slug)) }));
      return {
        id: row.id,
        url: absoluteUrl(paths.article(row.topSection.slug, row.slug)),
        title: row.headline,
        summary: row.seoDescription?.trim() || row.standfirst,
        html: body ? bodyToHtml(body, images) : null,
        publishedAt,
        updatedAt: row.contentUpdatedAt && row.contentUpdatedAt > publishedAt ? row.contentUpdatedAt : publishedAt,
        // Feed readers show an author on every item; unsigned pieces are the paper's own.
        authors: authors.length ? authors : [{ name: settings.name, url: absoluteUrl(paths.home) }],
        categories: [row.primarySection.name, ...row.tags.map((t) => t.tag.name)],
        image: mediaImage(row.heroImage, row.heroAlt),
      };
    });
}

/** A stable, never-reused item id that survives slug and section changes (RFC 4151 tag URI). */
function itemId(id: number): string {
  return `tag:${new URL(siteUrl()).hostname},2026:article:${id}`;
}

function renderRss(channel: Channel, items: FeedItem[], settings: SeoSettings, updated: Date): string {
  const self = absoluteUrl(feedPath('rss', channel.path));
  const out: string[] = [
    XML_DECLARATION,
    '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:media="http://search.yahoo.com/mrss/">\n<channel>\n',
    element('title', channel.title),
    element('link', absoluteUrl(channel.path)),
    element('description', channel.description),
    element('language', settings.language),
    element('lastBuildDate', rfc822Date(updated)),
    element('generator', 'Broadsheet'),
    `<atom:link href="${xmlEscape(self)}" rel="self" type="application/rss+xml"/>\n`,
  ];
  if (settings.logo) {
    out.push(`<image>${element('url', absoluteUrl(settings.logo.url))}${element('title', channel.title)}${element('link', absoluteUrl(channel.path))}</image>\n`);
  }
  for (const item of items) {
    out.push('<item>');
    out.push(element('title', item.title), element('link', item.url));
    out.push(`<guid isPermaLink="false">${xmlEscape(itemId(item.id))}</guid>`);
    out.push(element('pubDate', rfc822Date(item.publishedAt)));
    out.push(element('dc:creator', item.authors.map((a) => a.name).join(', ')));
    for (const category of item.categories) out.push(element('category', category));
    out.push(element('description', item.summary));
    if (item.html !== null) out.push(element('content:encoded', item.html));
    if (item.image) {
      const src = xmlEscape(absoluteUrl(item.image.url));
      out.push(`<enclosure url="${src}" length="${item.image.bytes}" type="${xmlEscape(item.image.mimeType)}"/>`);
      out.push(
        `<media:content url="${src}" type="${xmlEscape(item.image.mimeType)}" medium="image" width="${item.image.width}" height="${item.image.height}">${item.image.alt ? element('media:description', item.image.alt) : ''}</media:content>`,
      );
    }
    out.push('</item>\n');
  }
  out.push('</channel>\n</rss>\n');
  return out.join('');
}

function renderAtom(channel: Channel, items: FeedItem[], settings: SeoSettings, updated: Date): string {
  const out: string[] = [
    XML_DECLARATION,
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${xmlEscape(settings.language)}">\n`,
    element('title', channel.title),
    element('subtitle', channel.description),
    `<link rel="alternate" type="text/html" href="${xmlEscape(absoluteUrl(channel.path))}"/>`,
    `<link rel="self" type="application/atom+xml" href="${xmlEscape(absoluteUrl(feedPath('atom', channel.path)))}"/>`,
    element('id', absoluteUrl(channel.path)),
    element('updated', w3cDate(updated)),
    element('generator', 'Broadsheet'),
    settings.logo ? element('logo', absoluteUrl(settings.logo.url)) : '',
    '\n',
  ];
  for (const item of items) {
    out.push('<entry>');
    out.push(element('title', item.title));
    out.push(`<link rel="alternate" type="text/html" href="${xmlEscape(item.url)}"/>`);
    out.push(element('id', itemId(item.id)));
    out.push(element('published', w3cDate(item.publishedAt)), element('updated', w3cDate(item.updatedAt)));
    for (const author of item.authors) out.push(`<author>${element('name', author.name)}${element('uri', author.url)}</author>`);
    for (const category of item.categories) out.push(`<category term="${xmlEscape(category)}"/>`);
    out.push(`<summary type="text">${xmlEscape(item.summary)}</summary>`);
    if (item.html !== null) out.push(`<content type="html">${xmlEscape(item.html)}</content>`);
    if (item.image) {
      out.push(`<link rel="enclosure" type="${xmlEscape(item.image.mimeType)}" length="${item.image.bytes}" href="${xmlEscape(absoluteUrl(item.image.url))}"/>`);
    }
    out.push('</entry>\n');
  }
  out.push('</feed>\n');
  return out.join('');
}

/** The feed for `scope` in `format`, or null when the section, tag or author does not exist. */
export async function buildFeed(format: FeedFormat, scope: FeedScope, { limit = FEED_ITEMS }: { limit?: number } = {}): Promise<FeedDocument | null> {
  recordTags(tags.feeds);
  const settings = await getSeoSettings();
  const channel = await resolveChannel(scope, settings, limit);
  if (!channel) return null;
  const items = await loadItems(channel.articleIds, settings.feedFullContent, settings);
  const newest = Math.max(0, settings.updatedAt?.getTime() ?? 0, ...items.map((i) => i.updatedAt.getTime()));
  const lastModified = newest > 0 ? new Date(newest) : null;
  const updated = lastModified ?? new Date(0);
  const body = format === 'rss' ? renderRss(channel, items, settings, updated) : renderAtom(channel, items, settings, updated);
  return { body, contentType: FEED_CONTENT_TYPES[format], etag: bodyEtag(body), lastModified };
}
