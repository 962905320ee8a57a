/** Small, exact newsroom fixtures for the read-side tests (lib/articles, lib/home, …). */
import { write } from '../db';

const HOUR = 3600_000;
const body = { blocks: [{ type: 'paragraph', content: [{ text: 'Body text.' }] }] };

export interface ArticleSpec {
  slug: string;
  hoursAgo: number;
  primarySectionId: number;
  topSectionId: number;
  secondarySectionId?: number;
  tagIds?: number[];
  personIds?: number[];
  state?: 'published' | 'unpublished' | 'archived';
  isOpinion?: boolean;
}

/** Inserts articles with their join rows, keeping the denormalised `publishedAt` in step. */
export async function insertArticles(now: Date, specs: ArticleSpec[]): Promise<number[]> {
  return write(async (tx) => {
    const ids: number[] = [];
    for (const spec of specs) {
      const state = spec.state ?? 'published';
      const publishedAt = new Date(now.getTime() - spec.hoursAgo * HOUR);
      const listed = state === 'published' ? publishedAt : null;
      const article = await tx.article.create({
        data: {
          slug: spec.slug,
          headline: `Headline ${spec.slug}`,
          standfirst: `Standfirst ${spec.slug}`,
          body,
          primarySectionId: spec.primarySectionId,
          topSectionId: spec.topSectionId,
          publicationState: state,
          publishedAt: state === 'unpublished' ? null : publishedAt,
          firstPublishedAt: state === 'unpublished' ? null : publishedAt,
          isOpinion: spec.isOpinion ?? false,
        },
      });
      ids.push(article.id);
      if (spec.secondarySectionId) await tx.articleSection.create({ data: { articleId: article.id, sectionId: spec.secondarySectionId, publishedAt: listed } });
      for (const tagId of spec.tagIds ?? []) await tx.articleTag.create({ data: { articleId: article.id, tagId, publishedAt: listed } });
      for (const [position, personId] of (spec.personIds ?? []).entries()) {
        await tx.articleByline.create({ data: { articleId: article.id, personId, position, publishedAt: listed } });
      }
    }
    return ids;
  });
}

export interface Catalog {
  news: number;
  asia: number;
  sport: number;
  football: number;
  floods: number;
  haze: number;
  kanya: number;
  somchai: number;
}

export async function insertCatalog(prefix = ''): Promise<Catalog> {
  return write(async (tx) => {
    const news = await tx.section.create({ data: { slug: `${prefix}news`, name: 'News', position: 0 } });
    const asia = await tx.section.create({ data: { slug: `${prefix}asia`, name: 'Asia', parentId: news.id } });
    const sport = await tx.section.create({ data: { slug: `${prefix}sport`, name: 'Sport', position: 1 } });
    const football = await tx.section.create({ data: { slug: `${prefix}football`, name: 'Football', parentId: sport.id } });
    const floods = await tx.tag.create({ data: { slug: `${prefix}floods`, name: 'Floods' } });
    const haze = await tx.tag.create({ data: { slug: `${prefix}haze`, name: 'Haze' } });
    const kanya = await tx.person.create({ data: { slug: `${prefix}kanya`, name: 'Kanya Srisuk', jobTitle: 'Editor', socialLinks: [{ network: 'x', url: 'https://x.com/kanya' }] } });
    const somchai = await tx.person.create({ data: { slug: `${prefix}somchai`, name: 'Somchai Boon' } });
    return { news: news.id, asia: asia.id, sport: sport.id, football: football.id, floods: floods.id, haze: haze.id, kanya: kanya.id, somchai: somchai.id };
  });
}
