/**
 * Published articles as readers see them: the article page, listings (section, tag, author,
 * date), related stories, continue reading, latest and most read. Listings walk the
 * `(key, publishedAt)` indexes — the denormalised `publishedAt` on the join tables — and then load
 * one page of cards by id, so their cost does not grow with the number of articles.
 */
import { cache } from 'react';
import { recordExpiry, recordTags, tags } from './cache-tags';
import { db, type Prisma } from './db';
import { isLiveArticle, liveArticle, liveStateSelect } from './live-article';
import { heroImage, mediaImage, type ImageRef } from './media-ref';
import { reusedRowsById, reusedWhileFresh } from './reused-reads';
import { bodySchema, type Body } from './validation/body';

export const PAGE_SIZE = 20;
const HOUR = 3600_000;

export interface BylineLink {
  name: string;
  path: string;
}

export interface ArticleCard {
  id: number;
  headline: string;
  standfirst: string;
  path: string;
  publishedAt: Date;
  section: { name: string; path: string };
  image: ImageRef | null;
  isOpinion: boolean;
  bylines: BylineLink[];
}

export interface FullByline extends BylineLink {
  jobTitle: string | null;
}

export interface PublishedArticle extends ArticleCard {
  primarySectionId: number;
  topSection: { id: number; name: string; path: string };
  body: Body;
  /** Inline images of the body by media id; a missing or trashed one is absent. */
  media: Record<number, ImageRef>;
  hero: (ImageRef & { caption: string | null; credit: string | null }) | null;
  bylines: FullByline[];
  tags: { id: number; name: string; path: string }[];
  firstPublishedAt: Date;
  updatedAt: Date | null;
  readingMinutes: number;
  correction: string | null;
  seoTitle: string | null;
  seoDescription: string | null;
  noindex: boolean;
}

export interface Paged<T> {
  items: T[];
  page: number;
  totalPages: number;
  total: number;
}

const mediaSelect = { path: true, width: true, height: true, alt: true, deletedAt: true, variants: true } as const;

const cardSelect = {
  id: true,
  slug: true,
  headline: true,
  standfirst: true,
  publishedAt: true,
  isOpinion: true,
  heroAlt: true,
  topSectionId: true,
  primarySectionId: true,
  heroImage: { select: mediaSelect },
  bylines: { orderBy: { position: 'asc' }, take: 3, select: { person: { select: { id: true, slug: true, name: true } } } },
} satisfies Prisma.ArticleSelect;

type CardRow = Prisma.ArticleGetPayload<{ select: typeof cardSelect }>;


interface SectionEntry {
  slug: string;
  name: string;
  path: string;
}

/**
 * Every section by id, read once per render (React `cache`) and reused across renders until `nav`
 * is invalidated. Cards need their sections' names and paths; selecting them as relations cost
 * three queries per card list, and the home page shows seventeen lists (ADR 015). Sections are
 * few (tens, a few hundred at most).
 */
const sectionDirectory = cache(
  reusedWhileFresh(
    () => '',
    async function sectionDirectory(): Promise<Map<number, SectionEntry>> {
      // Every change to a section's name, slug or place invalidates `nav`.
      recordTags(tags.nav);
      const rows = await db().section.findMany({ select: { id: true, slug: true, name: true, parentId: true } });
      const byId = new Map(rows.map((r) => [r.id, r]));
      return new Map(
        rows.map((r) => {
          const parent = r.parentId === null ? undefined : byId.get(r.parentId);
          return [r.id, { slug: r.slug, name: r.name, path: parent ? `/${parent.slug}/${r.slug}` : `/${r.slug}` }];
        }),
      );
    },
  ),
);

function toCard(row: CardRow, sections: Map<number, SectionEntry>): ArticleCard {
  const primary = sections.get(row.primarySectionId)!;
  return {
    id: row.id,
    headline: row.headline,
    standfirst: row.standfirst,
    path: `/${sections.get(row.topSectionId)!.slug}/${row.slug}`,
    publishedAt: row.publishedAt!,
    section: { name: primary.name, path: primary.path },
    image: heroImage(row.heroImage, row.heroAlt),
    isOpinion: row.isOpinion,
    bylines: row.bylines.map((b) => ({ name: b.person.name, path: `/author/${b.person.slug}` })),
  };
}

/**
 * The live articles among `ids`, as card rows, reused across renders (lib/reused-reads.ts). A card
 * changes when its article or a byline's person changes; its section's name and path are looked up
 * per render, and media edits invalidate the articles showing the media.
 */
const liveCardRows = reusedRowsById(
  async (ids: number[]) => (await db().article.findMany({ where: { id: { in: ids } }, select: { ...cardSelect, ...liveStateSelect } })).filter(isLiveArticle),
  { idOf: (row) => row.id, tagsOf: (row) => [tags.article(row.id), ...row.bylines.map((b) => tags.author(b.person.id))], maxEntries: 2_000 },
);

/** Cards for `ids`, in that order; any that are not live are dropped. */
export async function listArticleCards(ids: number[]): Promise<ArticleCard[]> {
  if (ids.length === 0) return [];
  const rows = await liveCardRows(ids);
  const sections = await sectionDirectory();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toCard(row, sections)] : [];
  });
}

/** The newest live articles matching `where`, as cards: their ids by index, then their (mostly reused) cards. */
async function findCards(where: Prisma.ArticleWhereInput, take: number, skip = 0): Promise<ArticleCard[]> {
  const rows = await db().article.findMany({
    where: { ...liveArticle, ...where },
    orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
    take,
    skip,
    select: { id: true },
  });
  return listArticleCards(rows.map((r) => r.id));
}

function pageWindow(page: number, total: number): { totalPages: number; skip: number; inRange: boolean } {
  const totalPages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return { totalPages, skip: (page - 1) * PAGE_SIZE, inRange: page >= 1 && page <= totalPages };
}

/** The newest published stories, excluding `exclude` (ids already on the page). */
export async function listLatestArticles({ limit, exclude = [] }: { limit: number; exclude?: number[] }): Promise<ArticleCard[]> {
  const skip = new Set(exclude);
  return (await newestCards(limit + skip.size)).filter((card) => !skip.has(card.id)).slice(0, limit);
}

/** The newest `count` stories, shared by the renders of every page with a sidebar (lib/reused-reads.ts). */
const newestCards = reusedWhileFresh(
  (count: number) => String(count),
  (count: number) => {
    // Every publication change touches the newest list, and every such write invalidates `home`.
    recordTags(tags.home);
    return findCards({}, count);
  },
);

/** The newest stories of a top-level section's tree (by `topSectionId`), excluding `exclude`. */
export async function listSectionLatest(sectionId: number, { limit, exclude = [] }: { limit: number; exclude?: number[] }): Promise<ArticleCard[]> {
  recordTags(tags.section(sectionId));
  return findCards({ topSectionId: sectionId, ...(exclude.length ? { id: { notIn: exclude } } : {}) }, limit);
}

/** The newest opinion pieces, excluding `exclude`. */
export async function listOpinion({ limit, exclude = [] }: { limit: number; exclude?: number[] }): Promise<ArticleCard[]> {
  recordTags(tags.home);
  return findCards({ isOpinion: true, ...(exclude.length ? { id: { notIn: exclude } } : {}) }, limit);
}

/**
 * A section's listing: articles whose primary section is it (for a top-level section, anywhere
 * in its tree) merged with those filed there as a secondary section. Both sources are walked in
 * index order up to the end of the requested page.
 */
export async function listSectionArticles(section: { id: number; isTopLevel: boolean }, page: number): Promise<Paged<ArticleCard>> {
  recordTags(tags.section(section.id));
  const primary: Prisma.ArticleWhereInput = section.isTopLevel ? { topSectionId: section.id } : { primarySectionId: section.id };
  const secondary = { sectionId: section.id, publishedAt: { not: null } };
  const [primaryCount, secondaryCount] = await Promise.all([
    db().article.count({ where: { publicationState: 'published', ...primary } }),
    db().articleSection.count({ where: secondary }),
  ]);
  const total = primaryCount + secondaryCount;
  const { totalPages, skip, inRange } = pageWindow(page, total);
  if (!inRange) return { items: [], page, totalPages, total };
  const end = skip + PAGE_SIZE;
  const [fromPrimary, fromSecondary] = await Promise.all([
    db().article.findMany({
      where: { publicationState: 'published', ...primary },
      orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
      take: secondaryCount === 0 ? PAGE_SIZE : end,
      skip: secondaryCount === 0 ? skip : 0,
      select: { id: true, publishedAt: true },
    }),
    secondaryCount === 0
      ? Promise.resolve([])
      : db().articleSection.findMany({
          where: secondary,
          orderBy: [{ publishedAt: 'desc' }, { articleId: 'desc' }],
          take: end,
          select: { articleId: true, publishedAt: true },
        }),
  ]);
  let ids: number[];
  if (secondaryCount === 0) ids = fromPrimary.map((r) => r.id);
  else {
    const merged = [...fromPrimary.map((r) => ({ id: r.id, at: r.publishedAt!.getTime() })), ...fromSecondary.map((r) => ({ id: r.articleId, at: r.publishedAt!.getTime() }))];
    merged.sort((a, b) => b.at - a.at || b.id - a.id);
    ids = [...new Set(merged.map((m) => m.id))].slice(skip, end);
  }
  return { items: await listArticleCards(ids), page, totalPages, total };
}

/** One page of a listing keyed by a join table's denormalised publication date (DESIGN §5). */
async function pageOfListing(page: number, count: () => Promise<number>, ids: (skip: number) => Promise<number[]>): Promise<Paged<ArticleCard>> {
  const total = await count();
  const { totalPages, skip, inRange } = pageWindow(page, total);
  if (!inRange) return { items: [], page, totalPages, total };
  return { items: await listArticleCards(await ids(skip)), page, totalPages, total };
}

const newestListed = [{ publishedAt: 'desc' as const }, { articleId: 'desc' as const }];

export async function listTagArticles(tagId: number, page: number): Promise<Paged<ArticleCard>> {
  recordTags(tags.tag(tagId));
  const where = { tagId, publishedAt: { not: null } };
  return pageOfListing(
    page,
    () => db().articleTag.count({ where }),
    async (skip) => (await db().articleTag.findMany({ where, orderBy: newestListed, skip, take: PAGE_SIZE, select: { articleId: true } })).map((r) => r.articleId),
  );
}

export async function listAuthorArticles(personId: number, page: number): Promise<Paged<ArticleCard>> {
  recordTags(tags.author(personId));
  const where = { personId, publishedAt: { not: null } };
  return pageOfListing(
    page,
    () => db().articleByline.count({ where }),
    async (skip) => (await db().articleByline.findMany({ where, orderBy: newestListed, skip, take: PAGE_SIZE, select: { articleId: true } })).map((r) => r.articleId),
  );
}

/** Articles published in [from, to): a date archive. */
export async function listArticlesBetween(from: Date, to: Date, page: number): Promise<Paged<ArticleCard>> {
  // Publication changes invalidate `home`, which is what moves a story into or out of a date.
  recordTags(tags.home);
  const where = { publicationState: 'published', publishedAt: { gte: from, lt: to } };
  const total = await db().article.count({ where });
  const { totalPages, skip, inRange } = pageWindow(page, total);
  if (!inRange) return { items: [], page, totalPages, total };
  return { items: await findCards(where, PAGE_SIZE, skip), page, totalPages, total };
}

/**
 * The most-read live stories over the last 24 hours (sums of hourly view buckets). The result
 * moves with every view, so a cached page holding it expires within minutes instead of being
 * invalidated by each view.
 */
export async function listMostRead({ limit, exclude = [], now = new Date() }: { limit: number; exclude?: number[]; now?: Date }): Promise<ArticleCard[]> {
  const skip = new Set(exclude);
  // Room for excluded and no-longer-live stories.
  return (await mostReadCards(now, limit + skip.size + 10)).filter((card) => !skip.has(card.id)).slice(0, limit);
}

/**
 * Every reader page shows the most-read list, and summing a day of hourly buckets took 5 ms of
 * each cold render at 1,000,000 articles (thousands of buckets). A ranking up to a minute old is
 * as good as the pages holding it, which expire within minutes anyway.
 */
const mostReadCards = reusedWhileFresh(
  (now: Date, take: number) => `${Math.floor(now.getTime() / HOUR)}:${take}`,
  async (now: Date, take: number) => {
    recordTags(tags.mostRead);
    recordExpiry(Math.min(now.getTime() + 10 * 60_000, Math.ceil((now.getTime() + 1) / HOUR) * HOUR));
    const sums = await db().viewBucket.groupBy({
      by: ['articleId'],
      where: { hour: { gte: new Date(Math.floor(now.getTime() / HOUR) * HOUR - 23 * HOUR) } },
      _sum: { count: true },
      orderBy: [{ _sum: { count: 'desc' } }, { articleId: 'desc' }],
      take,
    });
    return listArticleCards(sums.map((s) => s.articleId));
  },
  { maxAgeMs: 60_000 },
);

const articleSelect = {
  ...cardSelect,
  body: true,
  primarySectionId: true,
  firstPublishedAt: true,
  contentUpdatedAt: true,
  readingMinutes: true,
  correction: true,
  seoTitle: true,
  seoDescription: true,
  noindex: true,
  heroCaption: true,
  heroCredit: true,
  topSection: { select: { id: true, slug: true, name: true } },
  bylines: {
    orderBy: { position: 'asc' },
    select: { person: { select: { id: true, slug: true, name: true, jobTitle: true } } },
  },
  tags: { orderBy: { tag: { name: 'asc' } }, select: { tag: { select: { id: true, slug: true, name: true } } } },
} satisfies Prisma.ArticleSelect;

/**
 * Everything the article page, its metadata and its JSON-LD read about the article: one query set
 * per render instead of one for the page and another for the SEO view (lib/seo/data.ts).
 */
const liveArticleSelect = {
  ...articleSelect,
  canonicalUrl: true,
  version: true,
  wordCount: true,
  heroImage: { select: { ...mediaSelect, mimeType: true, bytes: true } },
  primarySection: { select: { name: true, slug: true, parent: { select: { name: true, slug: true } } } },
} satisfies Prisma.ArticleSelect;

export type LiveArticleRow = Prisma.ArticleGetPayload<{ select: typeof liveArticleSelect }>;

/** The live article at `/{sectionSlug}/{slug}`, memoised per render (React `cache`). Records no tags. */
export const findLiveArticleRow = cache(async function findLiveArticleRow(sectionSlug: string, slug: string): Promise<LiveArticleRow | null> {
  return db().article.findFirst({
    where: { ...liveArticle, slug, topSection: { slug: sectionSlug, parentId: null } },
    select: liveArticleSelect,
  });
});

/** Later changes than this after publication count as an update worth showing. */
const UPDATE_THRESHOLD_MS = 10 * 60_000;

/**
 * A published article by its URL: the top-level section slug and its own slug.
 * Memoised per render (React `cache`): the page, its metadata and the layout ask alike.
 */
export const getPublishedArticle = cache(async function getPublishedArticle(sectionSlug: string, slug: string): Promise<PublishedArticle | null> {
  const row = await findLiveArticleRow(sectionSlug, slug);
  if (!row) {
    recordTags(tags.missing(`/${sectionSlug}/${slug}`));
    return null;
  }
  recordTags(tags.article(row.id), tags.section(row.primarySectionId), ...row.bylines.map((b) => tags.author(b.person.id)), ...row.tags.map((t) => tags.tag(t.tag.id)));
  const parsedBody = bodySchema.safeParse(row.body);
  const body: Body = parsedBody.success ? parsedBody.data : { blocks: [] };
  const mediaIds = [...new Set(body.blocks.flatMap((b) => (b.type === 'image' ? [b.mediaId] : [])))];
  const mediaRows = mediaIds.length
    ? await db().media.findMany({ where: { id: { in: mediaIds } }, select: { id: true, ...mediaSelect } })
    : [];
  const media: Record<number, ImageRef> = {};
  for (const m of mediaRows) {
    const ref = mediaImage(m);
    if (ref) media[m.id] = ref;
  }
  const published = row.publishedAt!;
  const first = row.firstPublishedAt ?? published;
  const updated = row.contentUpdatedAt && row.contentUpdatedAt.getTime() - first.getTime() > UPDATE_THRESHOLD_MS ? row.contentUpdatedAt : null;
  const hero = heroImage(row.heroImage, row.heroAlt);
  return {
    ...toCard({ ...row, bylines: row.bylines }, await sectionDirectory()),
    primarySectionId: row.primarySectionId,
    topSection: { id: row.topSection.id, name: row.topSection.name, path: `/${row.topSection.slug}` },
    body,
    media,
    hero: hero ? { ...hero, caption: row.heroCaption, credit: row.heroCredit } : null,
    bylines: row.bylines.map((b) => ({ name: b.person.name, path: `/author/${b.person.slug}`, jobTitle: b.person.jobTitle })),
    tags: row.tags.map((t) => ({ id: t.tag.id, name: t.tag.name, path: `/tag/${t.tag.slug}` })),
    firstPublishedAt: first,
    updatedAt: updated,
    readingMinutes: row.readingMinutes,
    correction: row.correction,
    seoTitle: row.seoTitle,
    seoDescription: row.seoDescription,
    noindex: row.noindex,
  };
});

const CANDIDATES_PER_SOURCE = 20;
const RECENCY_DAYS = 30;

/**
 * Stories related to `article`: those sharing its tags (two points a tag) or its primary
 * section (one point), scaled down the further their publication is from its own.
 */
export async function listRelatedArticles(
  article: { id: number; primarySectionId: number; publishedAt: Date; tagIds: number[] },
  limit = 4,
): Promise<ArticleCard[]> {
  // Each tag is its own walk of the (tagId, publishedAt) index; one IN query would sort every match.
  const [byTag, bySection] = await Promise.all([
    Promise.all(
      article.tagIds.map((tagId) =>
        db().articleTag.findMany({
          where: { tagId, publishedAt: { not: null }, articleId: { not: article.id } },
          orderBy: { publishedAt: 'desc' },
          take: CANDIDATES_PER_SOURCE,
          select: { articleId: true, publishedAt: true },
        }),
      ),
    ),
    db().article.findMany({
      where: { ...liveArticle, primarySectionId: article.primarySectionId, id: { not: article.id } },
      orderBy: { publishedAt: 'desc' },
      take: CANDIDATES_PER_SOURCE,
      select: { id: true, publishedAt: true },
    }),
  ]);
  const scores = new Map<number, { points: number; at: number }>();
  const add = (id: number, at: Date, points: number) => {
    const entry = scores.get(id) ?? { points: 0, at: at.getTime() };
    entry.points += points;
    scores.set(id, entry);
  };
  for (const rows of byTag) for (const r of rows) add(r.articleId, r.publishedAt!, 2);
  for (const r of bySection) add(r.id, r.publishedAt!, 1);
  const own = article.publishedAt.getTime();
  const ranked = [...scores.entries()]
    .map(([id, { points, at }]) => ({ id, score: points / (1 + Math.abs(own - at) / (RECENCY_DAYS * 24 * HOUR)), at }))
    .sort((a, b) => b.score - a.score || b.at - a.at || b.id - a.id);
  return (await listArticleCards(ranked.slice(0, limit + 4).map((r) => r.id))).slice(0, limit);
}

/** "Continue reading": the story published just before this one in its section, else the section's newest. */
export async function getNextInSection(article: { id: number; primarySectionId: number; publishedAt: Date }): Promise<ArticleCard | null> {
  const [older] = await findCards({ primarySectionId: article.primarySectionId, publishedAt: { lt: article.publishedAt } }, 1);
  if (older) return older;
  const [newest] = await findCards({ primarySectionId: article.primarySectionId, id: { not: article.id } }, 1);
  return newest ?? null;
}
