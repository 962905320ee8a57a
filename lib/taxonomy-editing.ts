/**
 * Sections (two levels, ordered, shown in navigation) and tags: create, rename, reorder, merge,
 * delete. Renaming a slug records 301s from every URL that moves — the section or tag page, its
 * feed, and for a top-level section its sub-sections and articles — and deletes any redirect or
 * 410 standing on the new URLs (DESIGN §4), so renames A→B→A never loop.
 */
import { requireRole, type Actor } from './auth/actor';
import { invalidate, tags } from './cache-tags';
import { db, write, type Tx } from './db';
import { audit } from './media/audit';
import { SqlDate, containsText, sql } from './media/sql';
import { recordGone, recordRedirect, releasePath } from './redirects';
import { listQuerySchema, sectionSchema, tagSchema, topLevelSlugProblem, type SectionInput, type TagInput } from './validation/library';

const EDITORS = ['admin', 'editor'] as const;

export type FormResult<T = undefined> = { ok: true; value: T } | { ok: false; errors: Record<string, string[]> };

const fail = (field: string, message: string) => ({ ok: false as const, errors: { [field]: [message] } });

function fieldErrors(issues: { path: PropertyKey[]; message: string }[]): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of issues) (errors[issue.path.join('.') || 'form'] ??= []).push(issue.message);
  return errors;
}

/**
 * Why `slug` cannot be taken at the top level (shared by sections and static pages), or null.
 * `except` names the record being renamed.
 */
export async function topLevelSlugTaken(tx: Tx, slug: string, except: { sectionId?: number; pageId?: number } = {}): Promise<string | null> {
  const reserved = topLevelSlugProblem(slug);
  if (reserved) return reserved;
  const [section, page] = await Promise.all([
    tx.section.findFirst({ where: { slug, parentId: null, ...(except.sectionId ? { id: { not: except.sectionId } } : {}) }, select: { name: true } }),
    tx.page.findFirst({ where: { slug, ...(except.pageId ? { id: { not: except.pageId } } : {}) }, select: { title: true } }),
  ]);
  if (section) return `The section “${section.name}” already uses /${slug}.`;
  if (page) return `The page “${page.title}” already uses /${slug}.`;
  return null;
}

/** Why a sub-section of `parentId` cannot be called `slug`: a sibling or an article has that URL. */
async function subSlugTaken(tx: Tx, parentId: number, slug: string, exceptId?: number): Promise<string | null> {
  const [sibling, article] = await Promise.all([
    tx.section.findFirst({ where: { parentId, slug, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { name: true } }),
    tx.article.findFirst({ where: { topSectionId: parentId, slug }, select: { headline: true } }),
  ]);
  if (sibling) return `The sub-section “${sibling.name}” already uses this slug.`;
  if (article) return `The article “${article.headline}” already uses this address.`;
  return null;
}

// ---------------------------------------------------------------- sections

export interface SectionNode {
  id: number;
  name: string;
  slug: string;
  path: string;
  description: string | null;
  showInNav: boolean;
  position: number;
  parentId: number | null;
  children: SectionNode[];
}

/** The section tree in navigation order, for the admin. */
export async function listSectionTree(actor: Actor): Promise<SectionNode[]> {
  requireRole(actor, ...EDITORS);
  const rows = await db().section.findMany({
    orderBy: [{ position: 'asc' }, { name: 'asc' }],
    select: { id: true, name: true, slug: true, description: true, showInNav: true, position: true, parentId: true },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const node = (r: (typeof rows)[number]): SectionNode => {
    const parent = r.parentId ? byId.get(r.parentId) : undefined;
    return { ...r, path: parent ? `/${parent.slug}/${r.slug}` : `/${r.slug}`, children: [] };
  };
  const top = rows.filter((r) => r.parentId === null).map(node);
  const index = new Map(top.map((n) => [n.id, n]));
  for (const r of rows) if (r.parentId !== null) index.get(r.parentId)?.children.push(node(r));
  return top;
}

async function checkSectionSlug(tx: Tx, input: SectionInput, exceptId?: number) {
  if (input.parentId === null) {
    const problem = await topLevelSlugTaken(tx, input.slug, { sectionId: exceptId });
    return problem ? fail('slug', problem) : null;
  }
  const parent = await tx.section.findUnique({ where: { id: input.parentId }, select: { parentId: true } });
  if (!parent) return fail('parentId', 'That parent section no longer exists.');
  if (parent.parentId !== null) return fail('parentId', 'Sections have two levels at most: choose a top-level section as the parent.');
  const problem = await subSlugTaken(tx, input.parentId, input.slug, exceptId);
  return problem ? fail('slug', problem) : null;
}

export async function createSection(actor: Actor, input: unknown): Promise<FormResult<{ id: number }>> {
  requireRole(actor, ...EDITORS);
  const parsed = sectionSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error.issues) };
  const data = parsed.data;
  const result = await write(async (tx) => {
    const problem = await checkSectionSlug(tx, data);
    if (problem) return problem;
    const last = await tx.section.findFirst({ where: { parentId: data.parentId }, orderBy: { position: 'desc' }, select: { position: true } });
    const section = await tx.section.create({
      data: { ...data, description: data.description || null, position: (last?.position ?? -1) + 1 },
      select: { id: true, slug: true, parent: { select: { slug: true } } },
    });
    const path = section.parent ? `/${section.parent.slug}/${section.slug}` : `/${section.slug}`;
    await releasePath(tx, path);
    await audit(tx, actor, { action: 'section.create', entityType: 'section', entityId: section.id, summary: `Created section ${data.name}`, after: data });
    return { ok: true as const, value: { id: section.id }, path };
  });
  if (!result.ok) return result;
  // A cached 404 for the new address must go too.
  await invalidate([tags.nav, tags.redirects, tags.missing(result.path)]);
  return { ok: true, value: result.value };
}

/** Ids of articles whose URL or kicker shows this section. */
async function articlesShowingSection(tx: Tx, sectionIds: number[]): Promise<number[]> {
  const rows = await tx.article.findMany({
    where: { OR: [{ primarySectionId: { in: sectionIds } }, { topSectionId: { in: sectionIds } }] },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

/**
 * Moves every public URL under top-level `/from` to `/to`: the section page and feed, its
 * sub-sections and its published articles. Older redirects into the old URLs are repointed.
 */
async function moveTopLevelUrls(tx: Tx, sectionId: number, from: string, to: string): Promise<void> {
  const [oldBase, newBase] = [`/${from}`, `/${to}`];
  const now = new SqlDate(new Date());
  // Chains stay one hop: anything that led into /from/... now leads into /to/...
  await tx.$executeRawUnsafe(
    ...sql`UPDATE "Redirect" SET "toPath" = ${newBase} || substr("toPath", ${oldBase.length + 1})
           WHERE "toPath" = ${oldBase} OR "toPath" LIKE ${`${oldBase}/%`}`,
  );
  const livePaths = (base: string) => sql`
    SELECT ${`${base}/`} || "slug" AS "path" FROM "Article"
      WHERE "topSectionId" = ${sectionId} AND "publicationState" IN ('published', 'archived') AND "deletedAt" IS NULL
    UNION ALL SELECT ${`${base}/`} || "slug" FROM "Section" WHERE "parentId" = ${sectionId}`;
  // New live URLs must not stay hidden behind an old redirect or 410.
  const [moved, ...movedArgs] = livePaths(newBase);
  await tx.$executeRawUnsafe(`DELETE FROM "Redirect" WHERE "fromPath" IN (${moved})`, ...movedArgs);
  await tx.$executeRawUnsafe(
    ...sql`INSERT INTO "Redirect" ("fromPath", "toPath", "reason", "createdAt")
     SELECT ${`${oldBase}/`} || "slug", ${`${newBase}/`} || "slug", 'section-renamed', ${now} FROM "Article"
       WHERE "topSectionId" = ${sectionId} AND "publicationState" IN ('published', 'archived') AND "deletedAt" IS NULL
     UNION ALL
     SELECT ${`${oldBase}/`} || "slug", ${`${newBase}/`} || "slug", 'section-renamed', ${now} FROM "Section" WHERE "parentId" = ${sectionId}
     ON CONFLICT ("fromPath") DO UPDATE SET "toPath" = excluded."toPath", "reason" = excluded."reason"`,
  );
  await recordRedirect(tx, `${oldBase}/feed.xml`, `${newBase}/feed.xml`, 'section-renamed');
  await recordRedirect(tx, oldBase, newBase, 'section-renamed');
}

export async function updateSection(actor: Actor, id: number, input: unknown): Promise<FormResult> {
  requireRole(actor, ...EDITORS);
  const parsed = sectionSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error.issues) };
  const data = parsed.data;
  const result = await write(async (tx) => {
    const before = await tx.section.findUnique({
      where: { id },
      select: { id: true, name: true, slug: true, description: true, showInNav: true, parentId: true, parent: { select: { slug: true } }, children: { select: { id: true } } },
    });
    if (!before) return fail('form', 'That section no longer exists.');
    // Moving a section between parents would move its articles' URLs too; it is not offered.
    if (data.parentId !== before.parentId) return fail('parentId', 'A section cannot move to another parent. Create a new section and move the articles instead.');
    const problem = await checkSectionSlug(tx, data, id);
    if (problem) return problem;
    await tx.section.update({ where: { id }, data: { name: data.name, slug: data.slug, description: data.description || null, showInNav: data.showInNav } });
    const renamed = before.slug !== data.slug;
    if (renamed) {
      if (before.parent) await recordRedirect(tx, `/${before.parent.slug}/${before.slug}`, `/${before.parent.slug}/${data.slug}`, 'section-renamed');
      else await moveTopLevelUrls(tx, id, before.slug, data.slug);
    }
    await audit(tx, actor, {
      action: 'section.update',
      entityType: 'section',
      entityId: id,
      summary: renamed ? `Renamed section /${before.slug} to /${data.slug}` : `Updated section ${data.name}`,
      before: { name: before.name, slug: before.slug, description: before.description, showInNav: before.showInNav },
      after: data,
    });
    const affected = [id, ...before.children.map((c) => c.id)];
    const articleIds = before.name !== data.name || renamed ? await articlesShowingSection(tx, renamed ? affected : [id]) : [];
    const newPath = before.parent ? `/${before.parent.slug}/${data.slug}` : `/${data.slug}`;
    return { ok: true as const, value: undefined, renamed, affected, articleIds, newPath };
  });
  if (!result.ok) return result;
  await invalidate([
    ...result.affected.map(tags.section),
    tags.nav,
    tags.home,
    ...result.articleIds.map(tags.article),
    ...(result.renamed ? [tags.redirects, tags.feeds, tags.sitemaps, tags.missing(result.newPath)] : []),
  ]);
  return { ok: true, value: undefined };
}

/** Moves a section one place up or down among its siblings (navigation order). */
export async function moveSection(actor: Actor, id: number, direction: 'up' | 'down'): Promise<void> {
  requireRole(actor, ...EDITORS);
  const changed = await write(async (tx) => {
    const section = await tx.section.findUnique({ where: { id }, select: { parentId: true } });
    if (!section) return false;
    const siblings = await tx.section.findMany({ where: { parentId: section.parentId }, orderBy: [{ position: 'asc' }, { name: 'asc' }], select: { id: true } });
    const index = siblings.findIndex((s) => s.id === id);
    const swap = direction === 'up' ? index - 1 : index + 1;
    if (swap < 0 || swap >= siblings.length) return false;
    [siblings[index], siblings[swap]] = [siblings[swap]!, siblings[index]!];
    // Positions are rewritten densely, which also repairs ties from imports.
    for (const [position, s] of siblings.entries()) await tx.section.update({ where: { id: s.id }, data: { position } });
    await audit(tx, actor, { action: 'section.move', entityType: 'section', entityId: id, summary: `Moved section ${direction}` });
    return true;
  });
  if (changed) await invalidate([tags.nav, tags.home]);
}

/** Deletes an empty section: one with no sub-sections and no articles. */
export async function deleteSection(actor: Actor, id: number): Promise<FormResult> {
  requireRole(actor, ...EDITORS);
  const result = await write(async (tx) => {
    const section = await tx.section.findUnique({ where: { id }, select: { name: true, slug: true, parent: { select: { slug: true } }, _count: { select: { children: true, primaryArticles: true, topArticles: true, articleLinks: true } } } });
    if (!section) return fail('form', 'That section no longer exists.');
    const c = section._count;
    if (c.children) return fail('form', `“${section.name}” still has ${c.children} sub-section${c.children === 1 ? '' : 's'}; delete or keep them first.`);
    const articles = Math.max(c.primaryArticles, c.topArticles, c.articleLinks);
    if (articles) return fail('form', `“${section.name}” still has articles (including drafts and the trash); move them to another section first.`);
    await tx.section.delete({ where: { id } });
    await recordGone(tx, section.parent ? `/${section.parent.slug}/${section.slug}` : `/${section.slug}`, 'section-deleted');
    await audit(tx, actor, { action: 'section.delete', entityType: 'section', entityId: id, summary: `Deleted section ${section.name}` });
    return { ok: true as const, value: undefined };
  });
  if (result.ok) await invalidate([tags.section(id), tags.nav, tags.home, tags.redirects, tags.sitemaps]);
  return result;
}

// ---------------------------------------------------------------- tags

export interface TagRow {
  id: number;
  name: string;
  slug: string;
  description: string | null;
  articles: number;
}

export const TAG_PAGE_SIZE = 50;

export async function listTags(actor: Actor, query: unknown = {}): Promise<{ items: TagRow[]; page: number; pages: number; total: number }> {
  requireRole(actor, ...EDITORS);
  const { q, page } = listQuerySchema.parse(query);
  const where = q ? { OR: [{ name: containsText(q) }, { slug: containsText(q) }] } : {};
  const [total, rows] = await Promise.all([
    db().tag.count({ where }),
    db().tag.findMany({
      where,
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
      skip: (page - 1) * TAG_PAGE_SIZE,
      take: TAG_PAGE_SIZE,
      select: { id: true, name: true, slug: true, description: true, _count: { select: { articles: true } } },
    }),
  ]);
  return {
    items: rows.map(({ _count, ...r }) => ({ ...r, articles: _count.articles })),
    page,
    pages: Math.max(1, Math.ceil(total / TAG_PAGE_SIZE)),
    total,
  };
}

export async function getTagForEditing(actor: Actor, id: number): Promise<TagRow | null> {
  requireRole(actor, ...EDITORS);
  const row = await db().tag.findUnique({ where: { id }, select: { id: true, name: true, slug: true, description: true, _count: { select: { articles: true } } } });
  if (!row) return null;
  const { _count, ...rest } = row;
  return { ...rest, articles: _count.articles };
}

/** The id of the tag at `/tag/{slug}`, or null: the merge form names its target by slug. */
export async function findTagIdBySlug(actor: Actor, slug: string): Promise<number | null> {
  requireRole(actor, ...EDITORS);
  const row = await db().tag.findUnique({ where: { slug }, select: { id: true } });
  return row?.id ?? null;
}

async function tagSlugTaken(tx: Tx, slug: string, exceptId?: number): Promise<string | null> {
  const other = await tx.tag.findFirst({ where: { slug, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { name: true } });
  return other ? `The tag “${other.name}” already uses this slug; merge into it instead.` : null;
}

export async function createTag(actor: Actor, input: unknown): Promise<FormResult<{ id: number }>> {
  requireRole(actor, ...EDITORS);
  const parsed = tagSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error.issues) };
  const data: TagInput = parsed.data;
  const result = await write(async (tx) => {
    const taken = await tagSlugTaken(tx, data.slug);
    if (taken) return fail('slug', taken);
    const tag = await tx.tag.create({ data: { ...data, description: data.description || null }, select: { id: true } });
    await releasePath(tx, `/tag/${data.slug}`);
    await audit(tx, actor, { action: 'tag.create', entityType: 'tag', entityId: tag.id, summary: `Created tag ${data.name}`, after: data });
    return { ok: true as const, value: { id: tag.id } };
  });
  if (result.ok) await invalidate([tags.redirects, tags.missing(`/tag/${data.slug}`)]);
  return result;
}

async function articlesWithTag(tx: Tx, tagId: number): Promise<number[]> {
  return (await tx.articleTag.findMany({ where: { tagId }, select: { articleId: true } })).map((r) => r.articleId);
}

export async function updateTag(actor: Actor, id: number, input: unknown): Promise<FormResult> {
  requireRole(actor, ...EDITORS);
  const parsed = tagSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error.issues) };
  const data = parsed.data;
  const result = await write(async (tx) => {
    const before = await tx.tag.findUnique({ where: { id }, select: { name: true, slug: true, description: true } });
    if (!before) return fail('form', 'That tag no longer exists.');
    const taken = await tagSlugTaken(tx, data.slug, id);
    if (taken) return fail('slug', taken);
    await tx.tag.update({ where: { id }, data: { ...data, description: data.description || null } });
    const renamed = before.slug !== data.slug;
    if (renamed) {
      await recordRedirect(tx, `/tag/${before.slug}/feed.xml`, `/tag/${data.slug}/feed.xml`, 'tag-renamed');
      await recordRedirect(tx, `/tag/${before.slug}`, `/tag/${data.slug}`, 'tag-renamed');
    }
    await audit(tx, actor, { action: 'tag.update', entityType: 'tag', entityId: id, summary: renamed ? `Renamed tag /tag/${before.slug} to /tag/${data.slug}` : `Updated tag ${data.name}`, before, after: data });
    const articleIds = before.name !== data.name || renamed ? await articlesWithTag(tx, id) : [];
    return { ok: true as const, value: undefined, renamed, articleIds };
  });
  if (!result.ok) return result;
  await invalidate([tags.tag(id), ...result.articleIds.map(tags.article), ...(result.renamed ? [tags.redirects, tags.feeds, tags.sitemaps, tags.missing(`/tag/${data.slug}`)] : [])]);
  return { ok: true, value: undefined };
}

/**
 * Merges `sourceId` into `targetId`: its articles gain the target tag (keeping their listing
 * dates), the source is deleted, and its URLs redirect to the target's.
 */
export async function mergeTags(actor: Actor, sourceId: number, targetId: number): Promise<FormResult> {
  requireRole(actor, ...EDITORS);
  if (sourceId === targetId) return fail('targetId', 'Choose a different tag to merge into.');
  const result = await write(async (tx) => {
    const [source, target] = await Promise.all([
      tx.tag.findUnique({ where: { id: sourceId }, select: { name: true, slug: true } }),
      tx.tag.findUnique({ where: { id: targetId }, select: { name: true, slug: true } }),
    ]);
    if (!source || !target) return fail('targetId', 'One of the tags no longer exists.');
    const articleIds = await articlesWithTag(tx, sourceId);
    await tx.$executeRawUnsafe(
      ...sql`INSERT INTO "ArticleTag" ("articleId", "tagId", "publishedAt")
       SELECT "articleId", ${targetId}, "publishedAt" FROM "ArticleTag" s
       WHERE s."tagId" = ${sourceId} AND NOT EXISTS (SELECT 1 FROM "ArticleTag" t WHERE t."tagId" = ${targetId} AND t."articleId" = s."articleId")`,
    );
    await tx.tag.delete({ where: { id: sourceId } });
    await recordRedirect(tx, `/tag/${source.slug}/feed.xml`, `/tag/${target.slug}/feed.xml`, 'tag-merged');
    await recordRedirect(tx, `/tag/${source.slug}`, `/tag/${target.slug}`, 'tag-merged');
    await audit(tx, actor, {
      action: 'tag.merge',
      entityType: 'tag',
      entityId: targetId,
      summary: `Merged tag ${source.name} into ${target.name} (${articleIds.length} article${articleIds.length === 1 ? '' : 's'})`,
      before: { sourceId, source },
    });
    return { ok: true as const, value: undefined, articleIds };
  });
  if (!result.ok) return result;
  await invalidate([tags.tag(sourceId), tags.tag(targetId), ...result.articleIds.map(tags.article), tags.redirects, tags.feeds, tags.sitemaps]);
  return { ok: true, value: undefined };
}

/** Deletes a tag; its page answers 410 Gone from then on. */
export async function deleteTag(actor: Actor, id: number): Promise<FormResult> {
  requireRole(actor, ...EDITORS);
  const result = await write(async (tx) => {
    const tag = await tx.tag.findUnique({ where: { id }, select: { name: true, slug: true } });
    if (!tag) return fail('form', 'That tag no longer exists.');
    const articleIds = await articlesWithTag(tx, id);
    await tx.tag.delete({ where: { id } });
    await recordGone(tx, `/tag/${tag.slug}`, 'tag-deleted');
    await recordGone(tx, `/tag/${tag.slug}/feed.xml`, 'tag-deleted');
    await audit(tx, actor, { action: 'tag.delete', entityType: 'tag', entityId: id, summary: `Deleted tag ${tag.name}` });
    return { ok: true as const, value: undefined, articleIds };
  });
  if (!result.ok) return result;
  await invalidate([tags.tag(id), ...result.articleIds.map(tags.article), tags.redirects, tags.feeds, tags.sitemaps]);
  return { ok: true, value: undefined };
}
