/**
 * Absolute URLs for crawlers, feeds and social cards. SITE_URL (config) is their only source
 * (issue 6): nothing here reads the request's Host header, so a proxy cannot change them.
 */
import { config } from '../config';

/** The public origin without a trailing slash, e.g. `https://lannaledger.example`. */
export function siteUrl(): string {
  return config().SITE_URL;
}

/** `path` (site-relative, starting with `/`) made absolute; absolute http(s) URLs pass through. */
export function absoluteUrl(path: string): string {
  if (/^https?:\/\//i.test(path)) return path;
  return `${siteUrl()}${path.startsWith('/') ? path : `/${path}`}`;
}

/** A listing's own URL: page 1 has no parameter, later pages keep theirs (DESIGN §4). */
export function paginatedPath(path: string, page = 1): string {
  return page > 1 ? `${path}?page=${page}` : path;
}

export const paths = {
  home: '/',
  article: (topSectionSlug: string, slug: string) => `/${topSectionSlug}/${slug}`,
  /** A top-level section, or a sub-section under its parent. */
  section: (slug: string, parentSlug?: string | null) => (parentSlug ? `/${parentSlug}/${slug}` : `/${slug}`),
  tag: (slug: string) => `/tag/${slug}`,
  author: (slug: string) => `/author/${slug}`,
  page: (slug: string) => `/${slug}`,
  search: '/search',
  media: (path: string) => `/media/${path.replace(/^\/+/, '')}`,
  /** The generated social card; `version` changes the URL when the headline changes, so networks refetch it. */
  socialCard: (articleId: number, version: number) => `/_broadsheet/social/${articleId}-${version}.png`,
  logo: '/_broadsheet/logo.png',
} as const;

export type FeedFormat = 'rss' | 'atom';

const FEED_FILE: Record<FeedFormat, string> = { rss: 'feed.xml', atom: 'atom.xml' };

/** Public feed paths (DESIGN §4): `/feed.xml`, `/{section}/feed.xml`, `/tag/{slug}/feed.xml`, `/author/{slug}/feed.xml`. */
export function feedPath(format: FeedFormat, listingPath = '/'): string {
  return listingPath === '/' ? `/${FEED_FILE[format]}` : `${listingPath}/${FEED_FILE[format]}`;
}

export const sitemapPaths = {
  index: '/sitemap.xml',
  news: '/news-sitemap.xml',
  chunk: (name: string) => `/sitemaps/${name}.xml`,
} as const;
