/**
 * A small newsroom for the SEO tests: sections with a sub-section, tags, people, a hero image,
 * and articles written directly (with the listing keys kept in step, ADR 002), so each test
 * controls exactly what is live, when, and with which hostile text.
 */
import { write } from '../db';
import type { Body } from '../validation/body';

export const HOSTILE = 'Floods & <b>"bold"</b> ]]> </script><script>alert(1)</script> \u0001\u000b\u2028 end';

/** When the fixture's settings were last saved: before every fixture story. */
export const SETTINGS_SAVED = new Date('2026-01-01T00:00:00Z');

export interface Newsroom {
  news: number;
  asia: number;
  sport: number;
  floods: number;
  election: number;
  kanya: number;
  niran: number;
  hero: number;
}

export async function createNewsroom(): Promise<Newsroom> {
  return write(async (tx) => {
    await tx.siteSettings.create({ data: { id: 1, name: 'The Lanna Ledger', tagline: 'News from the North', language: 'en', timeZone: 'Asia/Bangkok', feedFullContent: true, updatedAt: SETTINGS_SAVED } });
    const news = await tx.section.create({ data: { slug: 'news', name: 'News', description: 'The main stories.' } });
    const asia = await tx.section.create({ data: { slug: 'asia', name: 'Asia', parentId: news.id } });
    const sport = await tx.section.create({ data: { slug: 'sport', name: 'Sport' } });
    const floods = await tx.tag.create({ data: { slug: 'floods', name: 'Floods' } });
    const election = await tx.tag.create({ data: { slug: 'election', name: 'Election' } });
    const kanya = await tx.person.create({ data: { slug: 'kanya-srisuk', name: 'Kanya Srisuk', jobTitle: 'Editor' } });
    const niran = await tx.person.create({ data: { slug: 'niran-chai', name: 'Niran Chai' } });
    const hero = await tx.media.create({ data: { path: 'seed/river.jpg', originalName: 'river.jpg', mimeType: 'image/jpeg', width: 1600, height: 900, bytes: 123456, alt: 'The Kok river' } });
    await tx.page.create({ data: { slug: 'about', title: 'About us', body: { blocks: [] } } });
    return { news: news.id, asia: asia.id, sport: sport.id, floods: floods.id, election: election.id, kanya: kanya.id, niran: niran.id, hero: hero.id };
  });
}

export interface ArticleSpec {
  slug: string;
  headline?: string;
  standfirst?: string;
  body?: Body;
  /** Primary section id; the top section is derived from `top`. */
  section: number;
  top: number;
  publishedAt: Date | null;
  contentUpdatedAt?: Date | null;
  state?: 'published' | 'unpublished' | 'archived';
  tags?: number[];
  bylines?: number[];
  secondary?: number[];
  heroImageId?: number | null;
  noindex?: boolean;
  canonicalUrl?: string | null;
  seoDescription?: string | null;
}

const paragraph = (text: string): Body => ({ blocks: [{ type: 'paragraph', content: [{ text }] }] });

/** Creates the articles (in one transaction) and returns their ids in order. */
export async function createArticles(specs: ArticleSpec[]): Promise<number[]> {
  return write(async (tx) => {
    const ids: number[] = [];
    for (const spec of specs) {
      const state = spec.state ?? (spec.publishedAt ? 'published' : 'unpublished');
      const listed = state === 'published' ? spec.publishedAt : null;
      const article = await tx.article.create({
        data: {
          slug: spec.slug,
          headline: spec.headline ?? `Story ${spec.slug}`,
          standfirst: spec.standfirst ?? `Standfirst of ${spec.slug}`,
          body: spec.body ?? paragraph(`Body of ${spec.slug}.`),
          primarySectionId: spec.section,
          topSectionId: spec.top,
          publicationState: state,
          publishedAt: spec.publishedAt,
          firstPublishedAt: spec.publishedAt,
          contentUpdatedAt: spec.contentUpdatedAt ?? null,
          heroImageId: spec.heroImageId ?? null,
          noindex: spec.noindex ?? false,
          canonicalUrl: spec.canonicalUrl ?? null,
          seoDescription: spec.seoDescription ?? null,
        },
        select: { id: true },
      });
      ids.push(article.id);
      if (spec.tags?.length) await tx.articleTag.createMany({ data: spec.tags.map((tagId) => ({ articleId: article.id, tagId, publishedAt: listed })) });
      if (spec.bylines?.length) await tx.articleByline.createMany({ data: spec.bylines.map((personId, position) => ({ articleId: article.id, personId, position, publishedAt: listed })) });
      if (spec.secondary?.length) await tx.articleSection.createMany({ data: spec.secondary.map((sectionId) => ({ articleId: article.id, sectionId, publishedAt: listed })) });
    }
    return ids;
  });
}

/** Collects a streamed body into one string. */
export async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let out = '';
  for await (const chunk of chunks) out += chunk;
  return out;
}
