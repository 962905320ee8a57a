/**
 * The reads behind metadata, JSON-LD, feeds and sitemaps that the reader pages' own getters do
 * not carry (settings flags, SEO overrides, bylines with slugs). Each records its cache tags.
 */
import { cache } from 'react';
import { z } from 'zod';
import { recordTags, tags } from '../cache-tags';
import { findLiveArticleRow } from '../articles';
import { db } from '../db';
import { liveArticle } from '../live-article';
import { readSettingsRow } from '../settings';
import type { ImageRef, PersonRef, Publisher } from './json-ld';
import { paths } from './urls';

export interface SeoSettings {
  name: string;
  tagline: string;
  language: string;
  timeZone: string;
  blockAiCrawlers: boolean;
  feedFullContent: boolean;
  logo: ImageRef | null;
  sameAs: string[];
  updatedAt: Date | null;
}

const socialLinks = z.array(z.object({ url: z.url({ protocol: /^https?$/ }) }).loose()).catch([]);

const DEFAULTS: SeoSettings = {
  name: 'Broadsheet',
  tagline: '',
  language: 'en',
  timeZone: 'UTC',
  blockAiCrawlers: false,
  feedFullContent: true,
  logo: null,
  sameAs: [],
  updatedAt: null,
};

type MediaRow = { path: string; width: number; height: number; alt: string; mimeType: string; bytes: number; deletedAt: Date | null };

export interface MediaImage extends ImageRef {
  url: string;
  width: number;
  height: number;
  mimeType: string;
  bytes: number;
}

export function mediaImage(row: MediaRow | null, alt?: string | null): MediaImage | null {
  if (!row || row.deletedAt) return null;
  return { url: paths.media(row.path), width: row.width, height: row.height, alt: alt || row.alt, mimeType: row.mimeType, bytes: row.bytes };
}

/**
 * Site settings that crawlers and feeds depend on; a fresh database gets neutral defaults.
 * Memoised per render (React `cache`): the page, its metadata and the layout ask alike.
 */
export const getSeoSettings = cache(async function getSeoSettings(): Promise<SeoSettings> {
  const row = await readSettingsRow();
  if (!row) return DEFAULTS;
  return {
    name: row.name,
    tagline: row.tagline,
    language: row.language,
    timeZone: row.timeZone,
    blockAiCrawlers: row.blockAiCrawlers,
    feedFullContent: row.feedFullContent,
    logo: mediaImage(row.logo),
    sameAs: socialLinks.parse(row.socialLinks ?? []).map((l) => l.url),
    updatedAt: row.updatedAt,
  };
});

export function publisherOf(settings: SeoSettings): Publisher {
  return { name: settings.name, logo: settings.logo, sameAs: settings.sameAs };
}

/** Everything about a live article that its metadata and JSON-LD need. */
export interface ArticleSeo {
  id: number;
  /** `/{top-section}/{slug}`: where the article lives on this site. */
  path: string;
  headline: string;
  /** `seoTitle` when an editor set one, else the headline. */
  title: string;
  /** `seoDescription`, else the standfirst. */
  description: string;
  /** Absolute canonical URL override for syndicated copy, or null for the article's own URL. */
  canonicalUrl: string | null;
  noindex: boolean;
  publishedAt: Date;
  modifiedAt: Date | null;
  version: number;
  hero: MediaImage | null;
  authors: PersonRef[];
  sectionName: string;
  /** The primary section's path, and its parent's name and path when it is a sub-section. */
  sectionPath: string;
  parentSection: { name: string; path: string } | null;
  keywords: string[];
  wordCount: number;
}

/**
 * SEO view of the live article at `/{sectionSlug}/{slug}`, or null when there is none.
 * Memoised per render (React `cache`): the page, its metadata and the layout ask alike.
 */
export const getArticleSeo = cache(async function getArticleSeo(sectionSlug: string, slug: string): Promise<ArticleSeo | null> {
  const row = await findLiveArticleRow(sectionSlug, slug);
  if (!row) {
    recordTags(`missing:/${sectionSlug}/${slug}`);
    return null;
  }
  recordTags(tags.article(row.id));
  const primary = row.primarySection;
  return {
    id: row.id,
    path: paths.article(row.topSection.slug, row.slug),
    headline: row.headline,
    title: row.seoTitle?.trim() || row.headline,
    description: row.seoDescription?.trim() || row.standfirst,
    canonicalUrl: row.canonicalUrl?.trim() || null,
    noindex: row.noindex,
    publishedAt: row.publishedAt!,
    modifiedAt: row.contentUpdatedAt,
    version: row.version,
    hero: mediaImage(row.heroImage, row.heroAlt),
    authors: row.bylines.map((b) => ({ name: b.person.name, slug: b.person.slug })),
    sectionName: primary.name,
    sectionPath: paths.section(primary.slug, primary.parent?.slug),
    parentSection: primary.parent ? { name: primary.parent.name, path: paths.section(primary.parent.slug) } : null,
    keywords: row.tags.map((t) => t.tag.name),
    wordCount: row.wordCount,
  };
});

/** What the generated social card shows for a live article, or null. */
export async function getSocialCardArticle(id: number): Promise<{ headline: string; kicker: string; siteName: string; version: number } | null> {
  const [row, settings] = await Promise.all([
    db().article.findFirst({ where: { ...liveArticle, id }, select: { id: true, headline: true, version: true, primarySection: { select: { name: true } } } }),
    getSeoSettings(),
  ]);
  if (!row) return null;
  recordTags(tags.article(row.id));
  return { headline: row.headline, kicker: row.primarySection.name, siteName: settings.name, version: row.version };
}
