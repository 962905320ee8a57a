/**
 * The newsroom's article list: filters, sort and keyset pagination that stay fast at a million
 * articles (each page walks an index from the cursor instead of counting past an offset).
 * Staff reads are never cached. Authors see only their own articles.
 */
import { z } from 'zod';
import { requireRole, type Actor } from './auth/actor';
import { db, dbProvider, type Prisma } from './db';
import { matchStaffArticleIds } from './search';
import { MAX_ID, parseId } from './validation/ids';
import { plainText } from './validation/text';

export const STATE_FILTERS = ['all', 'draft', 'in_review', 'approved', 'staged', 'scheduled', 'published', 'unpublished', 'archived', 'trash'] as const;
export type StateFilter = (typeof STATE_FILTERS)[number];

export const articleListQuerySchema = z.object({
  state: z.enum(STATE_FILTERS).catch('all'),
  section: z.coerce.number().int().positive().max(MAX_ID).optional().catch(undefined),
  author: z.coerce.number().int().positive().max(MAX_ID).optional().catch(undefined),
  q: plainText().trim().max(200).optional().catch(undefined),
  sort: z.enum(['updated', 'published']).catch('updated'),
  /** Opaque keyset cursor from the previous page. */
  after: z
    .string()
    .regex(/^\d{1,15}_\d{1,10}$/)
    .refine((cursor) => Number(cursor.split('_')[1]) <= MAX_ID)
    .optional()
    .catch(undefined),
});

export type ArticleListQuery = z.infer<typeof articleListQuerySchema>;

export interface ArticleListRow {
  id: number;
  headline: string;
  sectionName: string;
  bylines: string[];
  publicationState: string;
  editorialState: string;
  hasStagedEdit: boolean;
  trashed: boolean;
  updatedAt: Date;
  publishedAt: Date | null;
  scheduledAt: Date | null;
  path: string | null;
}

export interface ArticleListPage {
  rows: ArticleListRow[];
  /** Cursor for the next page, or null on the last one. */
  next: string | null;
}

export const PAGE_SIZE = 50;

/** The articles a state filter of the list (and the dashboard) shows. */
export function stateWhere(state: StateFilter): Prisma.ArticleWhereInput {
  switch (state) {
    case 'all':
      return { deletedAt: null, publicationState: { not: 'archived' } };
    case 'trash':
      return { deletedAt: { not: null } };
    case 'staged':
      return { deletedAt: null, stagedAt: { not: null } };
    case 'draft':
    case 'in_review':
    case 'approved':
      // The editorial state of copies still on their way: drafts of unpublished work or staged edits.
      return { deletedAt: null, editorialState: state, OR: [{ publicationState: { not: 'published' } }, { stagedAt: { not: null } }] };
    default:
      return { deletedAt: null, publicationState: state };
  }
}

/**
 * Bound parameters per `id IN (…)`: SQLite takes at most 999 in a statement and the text filter
 * can match the whole ranking window (1,000 ids), so longer lists are queried in parts.
 */
const ID_CHUNK = 500;

/**
 * The text filter: the staff full-text index (working copies, lib/search.ts) for live and draft
 * work, as a list of ids; the trash is not indexed, so there it falls back to the headline. A
 * number also finds that id.
 */
async function textFilter(actor: Actor, q: string, state: StateFilter): Promise<{ ids: number[] } | { where: Prisma.ArticleWhereInput }> {
  const asId = parseId(q);
  const id = asId === null ? [] : [asId];
  const matches = state === 'trash' ? null : await matchStaffArticleIds(actor, q);
  if (matches) return { ids: [...new Set([...matches, ...id])] };
  // PostgreSQL's LIKE is case-sensitive; SQLite's is not for ASCII (DESIGN §5: wrap provider differences here).
  const contains = dbProvider() === 'postgresql' ? ({ contains: q, mode: 'insensitive' } as unknown as Prisma.StringFilter) : { contains: q };
  return { where: { OR: [{ headline: contains }, ...id.map((n) => ({ id: n }))] } };
}

/** An actor's own articles: created by them or bylined to their person. */
export function ownArticlesWhere(actor: Actor): Prisma.ArticleWhereInput {
  return { OR: [{ createdById: actor.userId }, ...(actor.personId ? [{ bylines: { some: { personId: actor.personId } } }] : [])] };
}

/** One page of articles for the newsroom, newest first by the chosen date. */
export async function listArticlesForStaff(actor: Actor, query: ArticleListQuery): Promise<ArticleListPage> {
  requireRole(actor, 'admin', 'editor', 'author');
  const byPublished = query.sort === 'published';
  const dateField = byPublished ? 'publishedAt' : 'updatedAt';
  const where: Prisma.ArticleWhereInput[] = [stateWhere(query.state)];
  if (byPublished) where.push({ publishedAt: { not: null } });
  if (query.section) where.push({ OR: [{ primarySectionId: query.section }, { topSectionId: query.section }, { sections: { some: { sectionId: query.section } } }] });
  if (query.author) where.push({ bylines: { some: { personId: query.author } } });
  const text = query.q ? await textFilter(actor, query.q, query.state) : null;
  if (text && 'where' in text) where.push(text.where);
  if (actor.role === 'author') where.push(ownArticlesWhere(actor));
  if (query.after) {
    const [ms, id] = query.after.split('_').map(Number) as [number, number];
    const at = new Date(ms);
    where.push({ OR: [{ [dateField]: { lt: at } }, { [dateField]: at, id: { lt: id } }] });
  }
  const page = (extra: Prisma.ArticleWhereInput[]) => db().article.findMany({
    where: { AND: [...where, ...extra] },
    orderBy: [{ [dateField]: 'desc' }, { id: 'desc' }],
    take: PAGE_SIZE + 1,
    select: {
      id: true,
      headline: true,
      slug: true,
      publicationState: true,
      editorialState: true,
      stagedAt: true,
      deletedAt: true,
      updatedAt: true,
      publishedAt: true,
      scheduledAt: true,
      primarySection: { select: { name: true } },
      topSection: { select: { slug: true } },
      bylines: { select: { person: { select: { name: true } } }, orderBy: { position: 'asc' } },
    },
  });
  let rows: Awaited<ReturnType<typeof page>>;
  if (text && 'ids' in text) {
    // Each part yields its own first page; the first page of their union is among them.
    const parts: number[][] = [];
    for (let i = 0; i < text.ids.length; i += ID_CHUNK) parts.push(text.ids.slice(i, i + ID_CHUNK));
    const pages = await Promise.all(parts.map((ids) => page([{ id: { in: ids } }])));
    const time = (row: (typeof rows)[number]) => (byPublished ? row.publishedAt! : row.updatedAt).getTime();
    rows = pages
      .flat()
      .sort((a, b) => time(b) - time(a) || b.id - a.id)
      .slice(0, PAGE_SIZE + 1);
  } else rows = await page([]);
  const shown = rows.slice(0, PAGE_SIZE);
  const last = shown.at(-1);
  const lastDate = last ? (byPublished ? last.publishedAt : last.updatedAt) : null;
  return {
    rows: shown.map((r) => ({
      id: r.id,
      headline: r.headline,
      sectionName: r.primarySection.name,
      bylines: r.bylines.map((b) => b.person.name),
      publicationState: r.publicationState,
      editorialState: r.editorialState,
      hasStagedEdit: r.stagedAt !== null,
      trashed: r.deletedAt !== null,
      updatedAt: r.updatedAt,
      publishedAt: r.publishedAt,
      scheduledAt: r.scheduledAt,
      path: r.publicationState === 'published' && !r.deletedAt ? `/${r.topSection.slug}/${r.slug}` : null,
    })),
    next: rows.length > PAGE_SIZE && last && lastDate ? `${lastDate.getTime()}_${last.id}` : null,
  };
}

export interface SectionOption {
  id: number;
  name: string;
  /** Sub-sections are listed under their parent. */
  parentName: string | null;
}

/** Sections for the article form and list filter, parents first, each followed by its children. */
export async function listSectionOptions(actor: Actor): Promise<SectionOption[]> {
  requireRole(actor, 'admin', 'editor', 'author');
  const rows = await db().section.findMany({ orderBy: [{ position: 'asc' }, { name: 'asc' }], select: { id: true, name: true, parentId: true } });
  const out: SectionOption[] = [];
  for (const top of rows.filter((r) => r.parentId === null)) {
    out.push({ id: top.id, name: top.name, parentName: null });
    for (const child of rows.filter((r) => r.parentId === top.id)) out.push({ id: child.id, name: child.name, parentName: top.name });
  }
  return out;
}

export interface PersonOption {
  id: number;
  name: string;
}

export async function listPeopleOptions(actor: Actor): Promise<PersonOption[]> {
  requireRole(actor, 'admin', 'editor', 'author');
  return db().person.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true }, take: 2000 });
}
