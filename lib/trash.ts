/**
 * The trash (DESIGN §5): trashed articles, static pages and images stay restorable for 30 days,
 * then `purgeExpiredTrash` (run by the scheduler) deletes them for good. Editors list and
 * restore; only admins purge early.
 */
import { requireRole, type Actor } from './auth/actor';
import { invalidate, tags } from './cache-tags';
import { restoreArticle } from './article-workflow';
import { db, write, type Tx } from './db';
import { MediaNotFoundError, mediaFilePaths, restoreMediaRow } from './media';
import { audit } from './media/audit';
import { removeFiles } from './media/storage';
import { recordGone, releasePath } from './redirects';
import { topLevelSlugTaken } from './taxonomy-editing';

export const TRASH_DAYS = 30;
const DAY = 86_400_000;
const EDITORS = ['admin', 'editor'] as const;

export type TrashKind = 'article' | 'page' | 'media';
export const TRASH_KINDS: readonly TrashKind[] = ['article', 'page', 'media'];

export interface TrashItem {
  kind: TrashKind;
  id: number;
  title: string;
  deletedAt: Date;
  purgeAt: Date;
}

export const TRASH_PAGE_SIZE = 50;

/** Everything in the trash, the most recently trashed first, optionally of one kind. */
export async function listTrash(actor: Actor, { kind, page = 1 }: { kind?: TrashKind; page?: number } = {}): Promise<{ items: TrashItem[]; total: number; page: number; pages: number }> {
  requireRole(actor, ...EDITORS);
  const take = page * TRASH_PAGE_SIZE;
  const trashed = { deletedAt: { not: null } } as const;
  const order = [{ deletedAt: 'desc' as const }, { id: 'desc' as const }];
  const want = (k: TrashKind) => !kind || kind === k;
  const [articles, pages, media, counts] = await Promise.all([
    want('article') ? db().article.findMany({ where: trashed, orderBy: order, take, select: { id: true, headline: true, deletedAt: true } }) : [],
    want('page') ? db().page.findMany({ where: trashed, orderBy: order, take, select: { id: true, title: true, deletedAt: true } }) : [],
    want('media') ? db().media.findMany({ where: trashed, orderBy: order, take, select: { id: true, originalName: true, deletedAt: true } }) : [],
    Promise.all([
      want('article') ? db().article.count({ where: trashed }) : 0,
      want('page') ? db().page.count({ where: trashed }) : 0,
      want('media') ? db().media.count({ where: trashed }) : 0,
    ]),
  ]);
  const item = (k: TrashKind, id: number, title: string, deletedAt: Date | null): TrashItem => ({ kind: k, id, title, deletedAt: deletedAt!, purgeAt: new Date(deletedAt!.getTime() + TRASH_DAYS * DAY) });
  const all = [
    ...articles.map((a) => item('article', a.id, a.headline, a.deletedAt)),
    ...pages.map((p) => item('page', p.id, p.title, p.deletedAt)),
    ...media.map((m) => item('media', m.id, m.originalName, m.deletedAt)),
  ].sort((a, b) => b.deletedAt.getTime() - a.deletedAt.getTime() || b.id - a.id);
  const total = counts.reduce((s, n) => s + n, 0);
  return { items: all.slice((page - 1) * TRASH_PAGE_SIZE, take), total, page, pages: Math.max(1, Math.ceil(total / TRASH_PAGE_SIZE)) };
}

export class TrashConflictError extends Error {
  readonly status = 409;
  constructor(message: string) {
    super(message);
    this.name = 'TrashConflictError';
  }
}

/** Tags of the pages that list or show an article. */
async function articleTags(tx: Tx, id: number): Promise<string[]> {
  const article = await tx.article.findUnique({
    where: { id },
    select: { primarySectionId: true, topSectionId: true, sections: { select: { sectionId: true } }, tags: { select: { tagId: true } }, bylines: { select: { personId: true } } },
  });
  if (!article) return [];
  return [
    tags.article(id),
    ...new Set([article.primarySectionId, article.topSectionId, ...article.sections.map((s) => s.sectionId)].map(tags.section)),
    ...article.tags.map((t) => tags.tag(t.tagId)),
    ...article.bylines.map((b) => tags.author(b.personId)),
    tags.home,
    tags.feeds,
    tags.sitemaps,
    tags.mostRead,
  ];
}

/** Brings an item back: an article as an unpublished copy (the workflow's restore), a page at its old URL. */
export async function restoreFromTrash(actor: Actor, kind: TrashKind, id: number): Promise<void> {
  requireRole(actor, ...EDITORS);
  if (kind === 'article') return restoreArticle(actor, id);
  const affected = await write(async (tx): Promise<string[]> => {
    if (kind === 'page') {
      const page = await tx.page.findFirst({ where: { id, deletedAt: { not: null } }, select: { title: true, slug: true } });
      if (!page) throw new TrashConflictError('That page is no longer in the trash.');
      const taken = await topLevelSlugTaken(tx, page.slug, { pageId: id });
      if (taken) throw new TrashConflictError(`${taken} Rename that first, then restore “${page.title}”.`);
      await tx.page.update({ where: { id }, data: { deletedAt: null } });
      await releasePath(tx, `/${page.slug}`);
      await audit(tx, actor, { action: 'page.restore', entityType: 'page', entityId: id, summary: `Restored page ${page.title} from the trash` });
      return [tags.page(id), tags.nav, tags.sitemaps, tags.redirects, tags.missing(`/${page.slug}`)];
    }
    const media = await tx.media.findFirst({ where: { id, deletedAt: { not: null } }, select: { originalName: true } });
    if (!media) throw new MediaNotFoundError('That image is no longer in the trash.');
    await restoreMediaRow(tx, id);
    await audit(tx, actor, { action: 'media.restore', entityType: 'media', entityId: id, summary: `Restored ${media.originalName} from the trash` });
    return [];
  });
  await invalidate(affected);
}

interface Purged {
  tags: string[];
  files: string[];
}

/** Deletes one trashed item for good, inside `tx`. Images still referenced somewhere are kept. */
async function purgeOne(tx: Tx, actor: Actor | null, kind: TrashKind, id: number): Promise<Purged | null> {
  if (kind === 'article') {
    const article = await tx.article.findFirst({
      where: { id, deletedAt: { not: null } },
      select: { headline: true, slug: true, firstPublishedAt: true, topSection: { select: { slug: true } } },
    });
    if (!article) return null;
    const affected = await articleTags(tx, id);
    await tx.article.delete({ where: { id } });
    // A URL readers once had answers 410 Gone rather than 404.
    if (article.firstPublishedAt) await recordGone(tx, `/${article.topSection.slug}/${article.slug}`, 'purged');
    await audit(tx, actor, { action: 'article.purge', entityType: 'article', entityId: id, summary: `Deleted ${article.headline} for good` });
    return { tags: [...affected, tags.redirects, tags.search], files: [] };
  }
  if (kind === 'page') {
    const page = await tx.page.findFirst({ where: { id, deletedAt: { not: null } }, select: { title: true, slug: true, published: true } });
    if (!page) return null;
    await tx.page.delete({ where: { id } });
    if (page.published) await recordGone(tx, `/${page.slug}`, 'purged');
    await audit(tx, actor, { action: 'page.purge', entityType: 'page', entityId: id, summary: `Deleted page ${page.title} for good` });
    return { tags: [tags.page(id), tags.redirects], files: [] };
  }
  const media = await tx.media.findFirst({
    where: { id, deletedAt: { not: null } },
    select: { originalName: true, path: true, variants: true, _count: { select: { heroOf: true, personPhotos: true, settingsLogos: true } } },
  });
  if (!media) return null;
  const c = media._count;
  if (c.heroOf || c.personPhotos || c.settingsLogos) return null;
  await tx.media.delete({ where: { id } });
  await audit(tx, actor, { action: 'media.purge', entityType: 'media', entityId: id, summary: `Deleted ${media.originalName} for good` });
  return { tags: [], files: mediaFilePaths(media) };
}

/** Admins may empty an item from the trash before its 30 days are up. */
export async function purgeFromTrash(actor: Actor, kind: TrashKind, id: number): Promise<boolean> {
  requireRole(actor, 'admin');
  const purged = await write((tx) => purgeOne(tx, actor, kind, id));
  if (!purged) return false;
  // Files go after the row: a crash in between leaves orphan files, never a row without files.
  await removeFiles(purged.files);
  await invalidate(purged.tags);
  return true;
}

/**
 * Deletes everything trashed more than 30 days before `now`, in short transactions of at most
 * `batch` items. For the scheduler; returns how many items went.
 */
export async function purgeExpiredTrash(now: Date = new Date(), batch = 200): Promise<{ articles: number; pages: number; media: number }> {
  const cutoff = new Date(now.getTime() - TRASH_DAYS * DAY);
  const expired = { deletedAt: { not: null, lt: cutoff } } as const;
  const counts = { articles: 0, pages: 0, media: 0 };
  const kinds: [TrashKind, keyof typeof counts, () => Promise<{ id: number }[]>][] = [
    ['article', 'articles', () => db().article.findMany({ where: expired, select: { id: true }, take: batch, orderBy: { id: 'asc' } })],
    ['page', 'pages', () => db().page.findMany({ where: expired, select: { id: true }, take: batch, orderBy: { id: 'asc' } })],
    ['media', 'media', () => db().media.findMany({ where: expired, select: { id: true }, take: batch, orderBy: { id: 'asc' } })],
  ];
  for (const [kind, key, next] of kinds) {
    const skipped = new Set<number>();
    for (;;) {
      const ids = (await next()).map((r) => r.id).filter((id) => !skipped.has(id));
      if (!ids.length) break;
      const results = await write(async (tx) => {
        const done: (readonly [number, Purged | null])[] = [];
        for (const id of ids) done.push([id, await purgeOne(tx, null, kind, id)]);
        return done;
      });
      const files: string[] = [];
      const affected: string[] = [];
      for (const [id, purged] of results) {
        if (!purged) skipped.add(id);
        else {
          counts[key] += 1;
          files.push(...purged.files);
          affected.push(...purged.tags);
        }
      }
      await removeFiles(files);
      await invalidate(affected);
      // Everything left in this batch is kept (still in use), so stop rather than loop on it.
      if (results.every(([, p]) => !p)) break;
    }
  }
  return counts;
}
