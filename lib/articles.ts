import { recordTags, tags } from './cache-tags';
import { db } from './db';
import { bodySchema, type Body } from './validation/body';

export interface ArticleSummary {
  id: number;
  headline: string;
  standfirst: string;
  path: string;
  publishedAt: Date;
}

export interface PublishedArticle extends ArticleSummary {
  body: Body;
  sectionName: string;
  readingMinutes: number;
}

const summarySelect = {
  id: true,
  slug: true,
  headline: true,
  standfirst: true,
  publishedAt: true,
  topSection: { select: { slug: true } },
} as const;

type SummaryRow = {
  id: number;
  slug: string;
  headline: string;
  standfirst: string;
  publishedAt: Date | null;
  topSection: { slug: string };
};

function toSummary(row: SummaryRow): ArticleSummary {
  return {
    id: row.id,
    headline: row.headline,
    standfirst: row.standfirst,
    path: `/${row.topSection.slug}/${row.slug}`,
    publishedAt: row.publishedAt!,
  };
}

const live = { publicationState: 'published', deletedAt: null } as const;

/** The newest published stories, for the home page. */
export async function listLatestArticles({ limit }: { limit: number }): Promise<ArticleSummary[]> {
  recordTags(tags.home);
  const rows = await db().article.findMany({
    where: live,
    orderBy: { publishedAt: 'desc' },
    take: limit,
    select: summarySelect,
  });
  recordTags(...rows.map((r) => tags.article(r.id)));
  return rows.map(toSummary);
}

/** A published article by its URL: the top-level section slug and its own slug. */
export async function getPublishedArticle(sectionSlug: string, slug: string): Promise<PublishedArticle | null> {
  const row = await db().article.findFirst({
    where: { ...live, slug, topSection: { slug: sectionSlug, parentId: null } },
    select: { ...summarySelect, body: true, readingMinutes: true, primarySection: { select: { name: true } } },
  });
  if (!row) {
    recordTags(`missing:/${sectionSlug}/${slug}`);
    return null;
  }
  recordTags(tags.article(row.id));
  return {
    ...toSummary(row),
    body: bodySchema.parse(row.body),
    sectionName: row.primarySection.name,
    readingMinutes: row.readingMinutes,
  };
}
