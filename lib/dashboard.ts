/**
 * The newsroom dashboard: short lists of work in progress and of what readers are reading.
 * Authors see their own articles only; editors and admins see everyone's (except "my drafts",
 * which is always the actor's own). Staff reads, never cached.
 */
import { requireRole, type Actor } from './auth/actor';
import { ownArticlesWhere, stateWhere } from './article-list';
import { db, type Prisma } from './db';
import { localDate, zonedMidnight } from './format';

export const DASHBOARD_LIST_SIZE = 5;

export interface DashboardItem {
  id: number;
  headline: string;
  /** The date that matters for the list: last change, scheduled time or publication. */
  at: Date | null;
}

export interface MostReadItem extends DashboardItem {
  views: number;
  /** The reader URL. */
  path: string;
}

export interface Dashboard {
  myDrafts: DashboardItem[];
  inReview: DashboardItem[];
  scheduled: DashboardItem[];
  recentlyPublished: DashboardItem[];
  mostReadToday: MostReadItem[];
}

type DateField = 'updatedAt' | 'scheduledAt' | 'publishedAt';

async function list(where: Prisma.ArticleWhereInput[], field: DateField, direction: 'asc' | 'desc'): Promise<DashboardItem[]> {
  const rows = await db().article.findMany({
    where: { AND: where },
    orderBy: [{ [field]: direction }, { id: direction }],
    take: DASHBOARD_LIST_SIZE,
    select: { id: true, headline: true, updatedAt: true, scheduledAt: true, publishedAt: true },
  });
  return rows.map((r) => ({ id: r.id, headline: r.headline, at: r[field] }));
}

/** Most read since local midnight in the site's time zone, from the hourly view buckets. */
async function mostReadToday(scope: Prisma.ArticleWhereInput[], now: Date, timeZone: string): Promise<MostReadItem[]> {
  const { year, month, day } = localDate(now, timeZone);
  const since = zonedMidnight(year, month, day, timeZone);
  const sums = await db().viewBucket.groupBy({
    by: ['articleId'],
    where: { hour: { gte: since }, article: { AND: [...scope, { publicationState: 'published', deletedAt: null }] } },
    _sum: { count: true },
    orderBy: [{ _sum: { count: 'desc' } }, { articleId: 'desc' }],
    take: DASHBOARD_LIST_SIZE,
  });
  const rows = await db().article.findMany({
    where: { id: { in: sums.map((s) => s.articleId) } },
    select: { id: true, headline: true, slug: true, publishedAt: true, topSection: { select: { slug: true } } },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return sums.flatMap((s) => {
    const row = byId.get(s.articleId);
    return row ? [{ id: row.id, headline: row.headline, at: row.publishedAt, views: s._sum.count ?? 0, path: `/${row.topSection.slug}/${row.slug}` }] : [];
  });
}

export async function getDashboard(actor: Actor, { timeZone, now = new Date() }: { timeZone: string; now?: Date }): Promise<Dashboard> {
  requireRole(actor, 'admin', 'editor', 'author');
  const own = ownArticlesWhere(actor);
  const scope = actor.role === 'author' ? [own] : [];
  const [myDrafts, inReview, scheduled, recentlyPublished, mostRead] = await Promise.all([
    list([stateWhere('draft'), own], 'updatedAt', 'desc'),
    list([stateWhere('in_review'), ...scope], 'updatedAt', 'desc'),
    list([stateWhere('scheduled'), ...scope], 'scheduledAt', 'asc'),
    list([stateWhere('published'), ...scope], 'publishedAt', 'desc'),
    mostReadToday(scope, now, timeZone),
  ]);
  return { myDrafts, inReview, scheduled, recentlyPublished, mostReadToday: mostRead };
}
