/**
 * Next `Metadata` per reader page kind (issue 6): canonical URL from SITE_URL, description,
 * robots with `max-image-preview:large` (or noindex where a page must stay out of search),
 * Open Graph and Twitter cards, and feed autodiscovery links. Next replaces `alternates`,
 * `openGraph` and `twitter` wholesale when a page sets them, so each builder returns them complete.
 */
import type { Metadata } from 'next';
import type { ArticleSeo, MediaImage, SeoSettings } from './data';
import type { ImageRef } from './json-ld';
import { absoluteUrl, feedPath, paginatedPath, paths, siteUrl } from './urls';

type Robots = NonNullable<Metadata['robots']>;

/** Indexable: large image previews allowed, snippets unrestricted. */
const INDEX: Robots = { index: true, follow: true, 'max-image-preview': 'large', 'max-snippet': -1, 'max-video-preview': -1 };
/** Kept out of results, links still followed (search results, date archives, editor-marked articles). */
const NOINDEX: Robots = { index: false, follow: true };
/** Staff-only pages: neither indexed nor followed. */
const PRIVATE: Robots = { index: false, follow: false, nocache: true };

/** Descriptions are cut to what results pages show, at a word boundary. */
const DESCRIPTION_MAX = 200;

export function metaDescription(text: string | null | undefined): string | undefined {
  const flat = (text ?? '').replace(/\s+/g, ' ').trim();
  if (!flat) return undefined;
  if (flat.length <= DESCRIPTION_MAX) return flat;
  const cut = flat.slice(0, DESCRIPTION_MAX - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > DESCRIPTION_MAX / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:–—-]+$/, '')}…`;
}

interface FeedLink {
  path: string;
  title: string;
}

/** RSS and Atom autodiscovery links: the site's feeds, and the listing's own when it has them. */
function feedAlternates(settings: SeoSettings, listing?: FeedLink): NonNullable<Metadata['alternates']>['types'] {
  const rss = [{ url: feedPath('rss'), title: `${settings.name} (RSS)` }];
  const atom = [{ url: feedPath('atom'), title: `${settings.name} (Atom)` }];
  if (listing) {
    rss.unshift({ url: feedPath('rss', listing.path), title: `${listing.title} — ${settings.name} (RSS)` });
    atom.unshift({ url: feedPath('atom', listing.path), title: `${listing.title} — ${settings.name} (Atom)` });
  }
  return { 'application/rss+xml': rss, 'application/atom+xml': atom };
}

function ogImages(image: ImageRef | null | undefined) {
  if (!image) return undefined;
  return [{ url: absoluteUrl(image.url), ...(image.width ? { width: image.width } : {}), ...(image.height ? { height: image.height } : {}), ...(image.alt ? { alt: image.alt } : {}) }];
}

interface PageInput {
  title: string;
  /** true when `title` is the whole `<title>` (home), false to apply the layout's `%s — Site` template. */
  absoluteTitle?: boolean;
  description?: string | null;
  /** The page's own path; with `page`, the `?page=N` of a later listing page. */
  path: string;
  page?: number;
  /** Absolute canonical URL when it is not this page (syndicated articles). */
  canonical?: string | null;
  robots: Robots;
  image?: ImageRef | null;
  feed?: FeedLink;
  openGraph?: Record<string, unknown>;
}

function build(settings: SeoSettings, input: PageInput): Metadata {
  const own = absoluteUrl(paginatedPath(input.path, input.page));
  const canonical = input.canonical ?? own;
  const description = metaDescription(input.description);
  const title = input.page && input.page > 1 ? `${input.title} — page ${input.page}` : input.title;
  const images = ogImages(input.image);
  return {
    title: input.absoluteTitle ? { absolute: title } : title,
    description,
    robots: input.robots,
    alternates: { canonical, types: feedAlternates(settings, input.feed) },
    openGraph: {
      siteName: settings.name,
      title,
      url: canonical,
      type: 'website',
      ...(description ? { description } : {}),
      ...(images ? { images } : {}),
      ...input.openGraph,
    } as Metadata['openGraph'],
    twitter: {
      card: images ? 'summary_large_image' : 'summary',
      title,
      ...(description ? { description } : {}),
      ...(images ? { images: images.map((i) => i.url) } : {}),
    },
  };
}

/** For the `(site)` layout: the absolute base and the title template every page's title uses. */
export function siteMetadata(settings: SeoSettings): Metadata {
  return {
    metadataBase: new URL(`${siteUrl()}/`),
    title: { default: settings.name, template: `%s — ${settings.name}` },
    description: metaDescription(settings.tagline),
    robots: INDEX,
    alternates: { types: feedAlternates(settings) },
    openGraph: { siteName: settings.name, type: 'website' },
  };
}

export function homeMetadata(settings: SeoSettings, page = 1): Metadata {
  return build(settings, {
    title: settings.tagline ? `${settings.name} — ${settings.tagline}` : settings.name,
    absoluteTitle: true,
    description: settings.tagline,
    path: paths.home,
    page,
    robots: INDEX,
    image: settings.logo,
  });
}

/** The picture a share shows: the hero, or the generated card for articles without one. */
export function articleShareImage(article: Pick<ArticleSeo, 'id' | 'version' | 'hero' | 'headline'>): ImageRef {
  return article.hero ?? { url: paths.socialCard(article.id, article.version), width: 1200, height: 630, alt: article.headline };
}

export function articleMetadata(article: ArticleSeo, settings: SeoSettings): Metadata {
  const metadata = build(settings, {
    title: article.title,
    description: article.description,
    path: article.path,
    canonical: article.canonicalUrl,
    robots: article.noindex ? NOINDEX : INDEX,
    image: articleShareImage(article),
    openGraph: {
      type: 'article',
      publishedTime: article.publishedAt.toISOString(),
      ...(article.modifiedAt ? { modifiedTime: article.modifiedAt.toISOString() } : {}),
      authors: article.authors.map((a) => absoluteUrl(paths.author(a.slug))),
      section: article.sectionName,
      tags: article.keywords,
    },
  });
  return metadata;
}

export interface ListingInput {
  name: string;
  description?: string | null;
  /** The listing's path, e.g. `/news/asia`, `/tag/floods`, `/author/kanya-srisuk`. */
  path: string;
  page?: number;
}

export function sectionMetadata(section: ListingInput, settings: SeoSettings): Metadata {
  return build(settings, {
    title: section.name,
    description: section.description || `The latest ${section.name} news from ${settings.name}.`,
    path: section.path,
    page: section.page,
    robots: INDEX,
    feed: { path: section.path, title: section.name },
  });
}

export function tagMetadata(tag: ListingInput, settings: SeoSettings): Metadata {
  return build(settings, {
    title: tag.name,
    description: tag.description || `Stories about ${tag.name} from ${settings.name}.`,
    path: tag.path,
    page: tag.page,
    robots: INDEX,
    feed: { path: tag.path, title: tag.name },
  });
}

export interface AuthorInput extends ListingInput {
  jobTitle?: string | null;
  photo?: MediaImage | ImageRef | null;
}

export function authorMetadata(author: AuthorInput, settings: SeoSettings): Metadata {
  const role = author.jobTitle ? `${author.jobTitle}, ${settings.name}` : settings.name;
  return build(settings, {
    title: author.name,
    description: author.description || `Stories by ${author.name} (${role}).`,
    path: author.path,
    page: author.page,
    robots: INDEX,
    image: author.photo,
    feed: { path: author.path, title: author.name },
    openGraph: { type: 'profile' },
  });
}

export function staticPageMetadata(page: { title: string; description?: string | null; path: string }, settings: SeoSettings): Metadata {
  return build(settings, { title: page.title, description: page.description, path: page.path, robots: INDEX });
}

/**
 * Date archives (`/2026/11`, `/2026/11/29`) repeat what section pages already list, so they are
 * `noindex, follow`: crawlers still reach every story through them, results show the sections.
 */
export function dateArchiveMetadata(archive: ListingInput, settings: SeoSettings): Metadata {
  return build(settings, { title: archive.name, description: archive.description, path: archive.path, page: archive.page, robots: NOINDEX });
}

/** For the search helper's `/search` page: never indexed, with or without a query. */
export function searchMetadata(query?: string | null): Metadata {
  const q = query?.trim();
  return {
    title: q ? `Search: ${q}` : 'Search',
    robots: NOINDEX,
    alternates: { canonical: absoluteUrl(paths.search) },
  };
}

/** Previews and the newsroom: staff only, never indexed or followed. */
export function privateMetadata(title: string): Metadata {
  return { title, robots: PRIVATE };
}
