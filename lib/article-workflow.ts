/**
 * The editorial workflow (DESIGN §5, ADR 002). Every function takes the acting `Actor` and checks
 * its role here, in the data layer:
 *   - authors create articles and edit, submit and discard edits of their own (bylined or created
 *     by them); they never approve, publish, schedule, unpublish, archive, trash or restore;
 *   - editors and admins do everything to every article.
 * A never-published article is edited in its columns; an edit to a live article is staged whole in
 * `stagedCopy` and readers keep the published copy until an editor publishes the edit.
 * Publication changes keep the join tables' `publishedAt` in step, write the redirect table, add a
 * Revision (save, submission, publication, restore) and invalidate exactly the affected cache tags.
 */
import { audit } from './audit';
import { copyChanges } from './copy-changes';
import { AuthorizationError, requireRole, type Actor } from './auth/actor';
import { invalidate, tags } from './cache-tags';
import { db, Prisma, write, type Tx } from './db';
import { assertMediaPublishable, MediaNotPublishableError, type ImageUse } from './media';
import { mediaImage, type ImageRef } from './media-ref';
import { recordGone, recordRedirect, releasePath } from './redirects';
import { restoreFromTrash } from './trash';
import { slugify, withSuffix } from './seed/slug';
import { articleInputSchema, type ArticleInput, type ParsedArticleInput } from './validation/article';
import { bodySchema, bodyText, countWords, readingMinutes, type Body } from './validation/body';

export type PublicationState = 'unpublished' | 'scheduled' | 'published' | 'archived';
export type EditorialState = 'draft' | 'in_review' | 'approved';

/** The editable copy as stored: in the columns and join tables, or whole in `stagedCopy`. */
export interface StoredCopy {
  headline: string;
  standfirst: string;
  slug: string;
  body: Body;
  primarySectionId: number;
  secondarySectionIds: number[];
  tagIds: number[];
  bylinePersonIds: number[];
  heroImageId: number | null;
  heroAlt: string | null;
  heroCaption: string | null;
  heroCredit: string | null;
  seoTitle: string | null;
  seoDescription: string | null;
  canonicalUrl: string | null;
  noindex: boolean;
  isBreaking: boolean;
  isFeatured: boolean;
  isOpinion: boolean;
  correction: string | null;
}

/** Input that breaks a rule; `field` names the form field (an `ArticleInput` key). */
export class ArticleInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'ArticleInputError';
  }
}

/** The action does not fit the article's current state (e.g. approving a published article). */
export class WorkflowError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkflowError';
  }
}

/** Someone saved the article since this editor loaded it; their text must not be overwritten blindly. */
export class EditConflictError extends Error {
  constructor() {
    super('Someone else saved this article while you were editing. Copy your changes, reload, and apply them again.');
    this.name = 'EditConflictError';
  }
}

/** The revision a save restores (lib/revisions.ts), by the article version it recorded. */
export interface RestoredFrom {
  version: number;
}

export class ArticleNotFoundError extends Error {
  readonly status = 404;
  constructor() {
    super('No such article.');
    this.name = 'ArticleNotFoundError';
  }
}

const EDITORS = ['admin', 'editor'] as const;

const articleSelect = {
  id: true,
  slug: true,
  headline: true,
  standfirst: true,
  body: true,
  primarySectionId: true,
  topSectionId: true,
  heroImageId: true,
  heroAlt: true,
  heroCaption: true,
  heroCredit: true,
  publicationState: true,
  editorialState: true,
  stagedCopy: true,
  stagedAt: true,
  publishedAt: true,
  firstPublishedAt: true,
  scheduledAt: true,
  contentUpdatedAt: true,
  isBreaking: true,
  isFeatured: true,
  isOpinion: true,
  seoTitle: true,
  seoDescription: true,
  canonicalUrl: true,
  noindex: true,
  correction: true,
  version: true,
  deletedAt: true,
  createdById: true,
  createdAt: true,
  updatedAt: true,
  topSection: { select: { slug: true } },
  sections: { select: { sectionId: true } },
  tags: { select: { tagId: true } },
  bylines: { select: { personId: true }, orderBy: { position: 'asc' } },
} satisfies Prisma.ArticleSelect;

type ArticleRow = Prisma.ArticleGetPayload<{ select: typeof articleSelect }>;

function columnsCopy(row: ArticleRow): StoredCopy {
  return {
    headline: row.headline,
    standfirst: row.standfirst,
    slug: row.slug,
    body: bodySchema.parse(row.body),
    primarySectionId: row.primarySectionId,
    secondarySectionIds: row.sections.map((s) => s.sectionId),
    tagIds: row.tags.map((t) => t.tagId),
    bylinePersonIds: row.bylines.map((b) => b.personId),
    heroImageId: row.heroImageId,
    heroAlt: row.heroAlt,
    heroCaption: row.heroCaption,
    heroCredit: row.heroCredit,
    seoTitle: row.seoTitle,
    seoDescription: row.seoDescription,
    canonicalUrl: row.canonicalUrl,
    noindex: row.noindex,
    isBreaking: row.isBreaking,
    isFeatured: row.isFeatured,
    isOpinion: row.isOpinion,
    correction: row.correction,
  };
}

/** The copy staff work on: the staged edit of a live article, otherwise the columns. */
function workingCopy(row: ArticleRow): StoredCopy {
  return row.stagedCopy ? (row.stagedCopy as unknown as StoredCopy) : columnsCopy(row);
}

function isLive(row: { publicationState: string }): boolean {
  return row.publicationState === 'published';
}

/** An author's own articles: bylined to their person (published or staged) or created by them. */
function isOwn(actor: Actor, row: ArticleRow): boolean {
  if (row.createdById === actor.userId) return true;
  if (actor.personId === null) return false;
  const staged = row.stagedCopy ? (row.stagedCopy as unknown as StoredCopy).bylinePersonIds : [];
  return row.bylines.some((b) => b.personId === actor.personId) || staged.includes(actor.personId);
}

function requireEditAccess(actor: Actor, row: ArticleRow): void {
  requireRole(actor, 'admin', 'editor', 'author');
  if (actor.role === 'author' && !isOwn(actor, row)) throw new AuthorizationError('Authors can only work on their own articles.');
}

async function loadArticle(tx: Tx | ReturnType<typeof db>, id: number, { includeTrashed = false } = {}): Promise<ArticleRow> {
  const row = await tx.article.findUnique({ where: { id }, select: articleSelect });
  if (!row || (row.deletedAt && !includeTrashed)) throw new ArticleNotFoundError();
  return row;
}

// ---- Copy preparation: references, slug, derived figures ----

async function topSectionOf(tx: Tx, sectionId: number): Promise<{ id: number; slug: string }> {
  const section = await tx.section.findUnique({ where: { id: sectionId }, select: { id: true, slug: true, parentId: true, parent: { select: { id: true, slug: true } } } });
  if (!section) throw new ArticleInputError('primarySectionId', 'Choose a section that exists.');
  return section.parent ?? { id: section.id, slug: section.slug };
}

/** Tag ids for names, creating the tags that do not exist yet (tags are created inline). */
async function resolveTags(tx: Tx, names: string[]): Promise<number[]> {
  const ids: number[] = [];
  for (const name of names) {
    const slug = slugify(name);
    if (!slug) throw new ArticleInputError('tagNames', `“${name}” cannot be a tag: use letters or digits.`);
    const tag = await tx.tag.upsert({ where: { slug }, create: { slug, name }, update: {}, select: { id: true } });
    if (!ids.includes(tag.id)) ids.push(tag.id);
  }
  return ids;
}

async function assertAllExist(count: Promise<number>, expected: number, field: string, message: string): Promise<void> {
  if ((await count) !== expected) throw new ArticleInputError(field, message);
}

/** Checks references and resolves tag names: the copy as it will be stored (slug not yet made unique). */
async function prepareCopy(tx: Tx, input: ParsedArticleInput): Promise<StoredCopy> {
  const secondary = [...new Set(input.secondarySectionIds)].filter((id) => id !== input.primarySectionId);
  const bylines = [...new Set(input.bylinePersonIds)];
  await topSectionOf(tx, input.primarySectionId);
  await assertAllExist(tx.section.count({ where: { id: { in: secondary } } }), secondary.length, 'secondarySectionIds', 'One of the extra sections no longer exists.');
  await assertAllExist(tx.person.count({ where: { id: { in: bylines } } }), bylines.length, 'bylinePersonIds', 'One of the bylines no longer exists.');
  if (input.heroImageId !== null) {
    await assertAllExist(tx.media.count({ where: { id: input.heroImageId, deletedAt: null } }), 1, 'heroImageId', 'That hero image does not exist (or is in the trash).');
  }
  const tagIds = await resolveTags(tx, input.tagNames);
  const { tagNames: _names, ...rest } = input;
  return { ...rest, slug: input.slug || slugify(input.headline) || 'article', secondarySectionIds: secondary, bylinePersonIds: bylines, tagIds };
}

/**
 * `base`, or `base-2`, `base-3`… — the first slug that no other article in the top-level section
 * holds and no sub-section of it uses (DESIGN §4: `/{a}/{b}` finds a sub-section first).
 */
async function uniqueSlug(tx: Tx, topSectionId: number, base: string, articleId: number | null): Promise<string> {
  for (let n = 1; n < 1000; n++) {
    const candidate = withSuffix(base, n);
    const [article, section] = await Promise.all([
      tx.article.findFirst({ where: { topSectionId, slug: candidate, ...(articleId ? { id: { not: articleId } } : {}) }, select: { id: true } }),
      tx.section.findFirst({ where: { parentId: topSectionId, slug: candidate }, select: { id: true } }),
    ]);
    if (!article && !section) return candidate;
  }
  throw new ArticleInputError('slug', 'Too many articles share this slug; choose another.');
}

function derived(copy: StoredCopy) {
  const words = countWords(`${copy.headline}\n${copy.standfirst}\n${bodyText(copy.body)}`);
  return { wordCount: words, readingMinutes: readingMinutes(words) };
}

function copyColumns(copy: StoredCopy) {
  return {
    headline: copy.headline,
    standfirst: copy.standfirst,
    slug: copy.slug,
    body: copy.body as unknown as Prisma.InputJsonValue,
    primarySectionId: copy.primarySectionId,
    heroImageId: copy.heroImageId,
    heroAlt: copy.heroAlt,
    heroCaption: copy.heroCaption,
    heroCredit: copy.heroCredit,
    seoTitle: copy.seoTitle,
    seoDescription: copy.seoDescription,
    canonicalUrl: copy.canonicalUrl,
    noindex: copy.noindex,
    isBreaking: copy.isBreaking,
    isFeatured: copy.isFeatured,
    isOpinion: copy.isOpinion,
    correction: copy.correction,
    ...derived(copy),
  };
}

/** Rewrites the join tables from `copy`, each row carrying the listing key `publishedAt` (null unless live). */
async function writeLinks(tx: Tx, articleId: number, copy: StoredCopy, publishedAt: Date | null): Promise<void> {
  await tx.articleSection.deleteMany({ where: { articleId } });
  await tx.articleTag.deleteMany({ where: { articleId } });
  await tx.articleByline.deleteMany({ where: { articleId } });
  if (copy.secondarySectionIds.length) await tx.articleSection.createMany({ data: copy.secondarySectionIds.map((sectionId) => ({ articleId, sectionId, publishedAt })) });
  if (copy.tagIds.length) await tx.articleTag.createMany({ data: copy.tagIds.map((tagId) => ({ articleId, tagId, publishedAt })) });
  if (copy.bylinePersonIds.length) await tx.articleByline.createMany({ data: copy.bylinePersonIds.map((personId, position) => ({ articleId, personId, position, publishedAt })) });
}

/** Sets the listing key on every join row of an article (publish, unpublish, re-date). */
async function setListingKey(tx: Tx, articleId: number, publishedAt: Date | null): Promise<void> {
  await tx.articleSection.updateMany({ where: { articleId }, data: { publishedAt } });
  await tx.articleTag.updateMany({ where: { articleId }, data: { publishedAt } });
  await tx.articleByline.updateMany({ where: { articleId }, data: { publishedAt } });
}

async function addRevision(tx: Tx, articleId: number, kind: 'save' | 'submit' | 'publish' | 'restore', copy: StoredCopy, version: number, userId: number | null): Promise<void> {
  await tx.revision.create({ data: { articleId, kind, snapshot: copy as unknown as Prisma.InputJsonValue, version, createdById: userId } });
}

/** The audit log's before/after for a state change: the named fields as they were and as they become. */
function transition(row: ArticleRow, after: { publicationState?: PublicationState; editorialState?: EditorialState; scheduledAt?: string }) {
  const before = Object.fromEntries(Object.keys(after).map((key) => [key, key === 'scheduledAt' ? (row.scheduledAt?.toISOString() ?? null) : row[key as keyof typeof after]]));
  return { before, after };
}

/** Reader-facing tags an article touches in the copies given (old and new, so both pages refresh). */
async function readerTags(tx: Tx, articleId: number, copies: StoredCopy[]): Promise<string[]> {
  const sectionIds = new Set<number>();
  for (const copy of copies) {
    for (const id of [copy.primarySectionId, ...copy.secondarySectionIds]) sectionIds.add(id);
  }
  const parents = await tx.section.findMany({ where: { id: { in: [...sectionIds] }, parentId: { not: null } }, select: { parentId: true } });
  for (const p of parents) sectionIds.add(p.parentId!);
  return [
    tags.article(articleId),
    ...[...sectionIds].map(tags.section),
    ...[...new Set(copies.flatMap((c) => c.tagIds))].map(tags.tag),
    ...[...new Set(copies.flatMap((c) => c.bylinePersonIds))].map(tags.author),
    tags.home,
    tags.feeds,
    tags.sitemaps,
    tags.search,
    tags.mostRead,
  ];
}

function articlePath(topSlug: string, slug: string): string {
  return `/${topSlug}/${slug}`;
}

function parseInput(input: ArticleInput): ParsedArticleInput {
  const result = articleInputSchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ArticleInputError(String(issue.path[0] ?? 'headline'), issue.message);
  }
  return result.data;
}

// ---- Reads for staff ----

export interface ArticleForEditing {
  id: number;
  version: number;
  copy: StoredCopy;
  tagNames: string[];
  /** Name of the working copy's primary section. */
  sectionName: string;
  /** The hero and body images of the working copy, by media id, for the preview. */
  images: Record<number, ImageRef>;
  publicationState: PublicationState;
  editorialState: EditorialState;
  /** A live article with edits readers do not see yet. */
  hasStagedEdit: boolean;
  /** Where readers find it while it is live. */
  publicPath: string | null;
  publishedAt: Date | null;
  scheduledAt: Date | null;
  updatedAt: Date;
  trashed: boolean;
  canEdit: boolean;
  canPublish: boolean;
}

/** The working copy for the editor and the preview; authors may open only their own. */
export async function getArticleForEditing(actor: Actor, id: number, { includeTrashed = false } = {}): Promise<ArticleForEditing> {
  const row = await loadArticle(db(), id, { includeTrashed });
  requireEditAccess(actor, row);
  const copy = workingCopy(row);
  const tagRows = copy.tagIds.length ? await db().tag.findMany({ where: { id: { in: copy.tagIds } }, select: { id: true, name: true } }) : [];
  const names = new Map(tagRows.map((t) => [t.id, t.name]));
  const section = await db().section.findUnique({ where: { id: copy.primarySectionId }, select: { name: true } });
  const mediaIds = [...new Set([...(copy.heroImageId ? [copy.heroImageId] : []), ...copy.body.blocks.flatMap((b) => (b.type === 'image' ? [b.mediaId] : []))])];
  const mediaRows = mediaIds.length ? await db().media.findMany({ where: { id: { in: mediaIds } }, select: { id: true, path: true, width: true, height: true, alt: true, deletedAt: true } }) : [];
  const images: Record<number, ImageRef> = {};
  for (const m of mediaRows) {
    const ref = mediaImage(m, m.id === copy.heroImageId ? copy.heroAlt : undefined);
    if (ref) images[m.id] = ref;
  }
  return {
    id: row.id,
    version: row.version,
    copy,
    tagNames: copy.tagIds.map((t) => names.get(t)).filter((n): n is string => n !== undefined),
    sectionName: section?.name ?? '',
    images,
    publicationState: row.publicationState as PublicationState,
    editorialState: row.editorialState as EditorialState,
    hasStagedEdit: row.stagedCopy !== null,
    publicPath: isLive(row) ? articlePath(row.topSection.slug, row.slug) : null,
    publishedAt: row.publishedAt,
    scheduledAt: row.scheduledAt,
    updatedAt: row.updatedAt,
    trashed: row.deletedAt !== null,
    canEdit: row.deletedAt === null,
    canPublish: actor.role !== 'author',
  };
}

// ---- Writes ----

/** Creates a draft. An author without bylines given is bylined themselves. */
export async function createArticle(actor: Actor, input: ArticleInput, now = new Date()): Promise<{ id: number }> {
  requireRole(actor, 'admin', 'editor', 'author');
  const parsed = parseInput(input);
  if (actor.role === 'author' && actor.personId !== null && !parsed.bylinePersonIds.includes(actor.personId)) {
    parsed.bylinePersonIds = [actor.personId, ...parsed.bylinePersonIds];
  }
  return write(async (tx) => {
    const prepared = await prepareCopy(tx, parsed);
    const top = await topSectionOf(tx, prepared.primarySectionId);
    const copy = { ...prepared, slug: await uniqueSlug(tx, top.id, prepared.slug, null) };
    const created = await tx.article.create({
      data: { ...copyColumns(copy), topSectionId: top.id, createdById: actor.userId, createdAt: now, publicationState: 'unpublished', editorialState: 'draft', version: 1 },
      select: { id: true },
    });
    await writeLinks(tx, created.id, copy, null);
    await addRevision(tx, created.id, 'save', copy, 1, actor.userId);
    await audit(tx, { userId: actor.userId, action: 'article.create', entityType: 'article', entityId: created.id, summary: `Created “${copy.headline}”` });
    return created;
  });
}

/**
 * Saves the working copy. `baseVersion` is the version the editor loaded: a save on top of someone
 * else's newer save is refused ({@link EditConflictError}) rather than silently overwriting it.
 * On a live article the copy is staged; otherwise it replaces the columns. An author's save sends
 * a submitted or approved copy back to draft (and takes a scheduled article off the schedule),
 * since what was reviewed is no longer what is there. With `restoredFrom` the save is a restore of
 * an older revision (lib/revisions.ts): same path and checks, recorded as a `restore` revision.
 */
export async function saveArticle(
  actor: Actor,
  id: number,
  input: ArticleInput,
  { baseVersion, now = new Date(), restoredFrom }: { baseVersion: number; now?: Date; restoredFrom?: RestoredFrom },
): Promise<{ version: number; slug: string }> {
  requireRole(actor, 'admin', 'editor', 'author');
  const parsed = parseInput(input);
  return write(async (tx) => {
    const row = await loadArticle(tx, id);
    requireEditAccess(actor, row);
    if (row.version !== baseVersion) throw new EditConflictError();
    const prepared = await prepareCopy(tx, parsed);
    const top = await topSectionOf(tx, prepared.primarySectionId);
    const copy = { ...prepared, slug: await uniqueSlug(tx, top.id, prepared.slug, id) };
    const version = row.version + 1;
    const byAuthor = actor.role === 'author';
    const editorialState = byAuthor ? 'draft' : row.editorialState;
    if (isLive(row)) {
      await tx.article.update({
        where: { id },
        data: { stagedCopy: copy as unknown as Prisma.InputJsonValue, stagedAt: now, editorialState: row.stagedCopy ? editorialState : 'draft', version },
      });
    } else {
      const unschedule = byAuthor && row.publicationState === 'scheduled';
      await tx.article.update({
        where: { id },
        data: { ...copyColumns(copy), topSectionId: top.id, editorialState, version, ...(unschedule ? { publicationState: 'unpublished', scheduledAt: null } : {}) },
      });
      await writeLinks(tx, id, copy, null);
    }
    await addRevision(tx, id, restoredFrom ? 'restore' : 'save', copy, version, actor.userId);
    const staged = isLive(row) ? ' (staged edit)' : '';
    await audit(tx, {
      userId: actor.userId,
      action: restoredFrom ? 'article.restore-revision' : 'article.save',
      entityType: 'article',
      entityId: id,
      summary: restoredFrom ? `Restored “${copy.headline}” to version ${restoredFrom.version}${staged}` : `Saved “${copy.headline}”${staged}`,
      ...copyChanges(workingCopy(row), copy),
    });
    return { version, slug: copy.slug };
  });
}

/** Working copy: draft → in review. Authors submit their own articles. */
export async function submitForReview(actor: Actor, id: number): Promise<void> {
  await write(async (tx) => {
    const row = await loadArticle(tx, id);
    requireEditAccess(actor, row);
    if (row.editorialState !== 'draft') throw new WorkflowError('Only a draft can be submitted for review.');
    if (isLive(row) && !row.stagedCopy) throw new WorkflowError('There is no edit to submit: the article is published as it is.');
    const version = row.version + 1;
    await tx.article.update({ where: { id }, data: { editorialState: 'in_review', version } });
    await addRevision(tx, id, 'submit', workingCopy(row), version, actor.userId);
    await audit(tx, { userId: actor.userId, action: 'article.submit', entityType: 'article', entityId: id, summary: `Submitted “${workingCopy(row).headline}” for review`, ...transition(row, { editorialState: 'in_review' }) });
  });
}

/** Working copy: in review (or draft) → approved. Editors and admins only. */
export async function approveArticle(actor: Actor, id: number): Promise<void> {
  requireRole(actor, ...EDITORS);
  await write(async (tx) => {
    const row = await loadArticle(tx, id);
    if (row.editorialState === 'approved') throw new WorkflowError('This copy is already approved.');
    if (isLive(row) && !row.stagedCopy) throw new WorkflowError('There is no edit to approve.');
    await tx.article.update({ where: { id }, data: { editorialState: 'approved', version: row.version + 1 } });
    await audit(tx, { userId: actor.userId, action: 'article.approve', entityType: 'article', entityId: id, summary: `Approved “${workingCopy(row).headline}”`, ...transition(row, { editorialState: 'approved' }) });
  });
}

/** Sends a submitted copy back to its author as a draft. Editors and admins only. */
export async function returnToDraft(actor: Actor, id: number): Promise<void> {
  requireRole(actor, ...EDITORS);
  await write(async (tx) => {
    const row = await loadArticle(tx, id);
    if (row.editorialState === 'draft') throw new WorkflowError('This copy is already a draft.');
    await tx.article.update({ where: { id }, data: { editorialState: 'draft', version: row.version + 1 } });
    await audit(tx, { userId: actor.userId, action: 'article.return', entityType: 'article', entityId: id, summary: `Returned “${workingCopy(row).headline}” to draft`, ...transition(row, { editorialState: 'draft' }) });
  });
}

/** Throws away a live article's staged edit; readers never saw it. */
export async function discardStagedEdit(actor: Actor, id: number): Promise<void> {
  await write(async (tx) => {
    const row = await loadArticle(tx, id);
    requireEditAccess(actor, row);
    if (!row.stagedCopy) throw new WorkflowError('There is no staged edit to discard.');
    await tx.article.update({ where: { id }, data: { stagedCopy: Prisma.DbNull, stagedAt: null, editorialState: 'approved', version: row.version + 1 } });
    await audit(tx, { userId: actor.userId, action: 'article.discard', entityType: 'article', entityId: id, summary: `Discarded the staged edit of “${row.headline}”`, ...copyChanges(workingCopy(row), columnsCopy(row)) });
  });
}

interface Publication {
  tags: string[];
  path: string;
}

/** The images a copy shows readers: the hero, then each image block, with the alt text given there. */
function imageUses(copy: StoredCopy): ImageUse[] {
  const body = copy.body.blocks.flatMap((b) => (b.type === 'image' ? [{ mediaId: b.mediaId, alt: b.alt }] : []));
  return [...(copy.heroImageId ? [{ mediaId: copy.heroImageId, alt: copy.heroAlt }] : []), ...body];
}

/**
 * Makes the working copy the published one, inside `tx`. Throws MediaNotPublishableError, before
 * writing anything, when an image in it lacks alt text or has left the library. Used by "publish now" and by the
 * scheduler (userId null). A slug or section change on a live article leaves a 301 behind.
 */
async function applyPublication(tx: Tx, row: ArticleRow, userId: number | null, now: Date): Promise<Publication> {
  const before = columnsCopy(row);
  const wasLive = isLive(row);
  const copy = workingCopy(row);
  await assertMediaPublishable(imageUses(copy), tx);
  const top = await topSectionOf(tx, copy.primarySectionId);
  const slug = await uniqueSlug(tx, top.id, copy.slug, row.id);
  const published = { ...copy, slug };
  // Re-publishing after a takedown keeps the original date; a first publication is dated now.
  const publishedAt = row.publishedAt && row.firstPublishedAt ? row.publishedAt : now;
  const version = row.version + 1;
  await tx.article.update({
    where: { id: row.id },
    data: {
      ...copyColumns(published),
      topSectionId: top.id,
      publicationState: 'published',
      editorialState: 'approved',
      stagedCopy: Prisma.DbNull,
      stagedAt: null,
      scheduledAt: null,
      publishedAt,
      firstPublishedAt: row.firstPublishedAt ?? now,
      contentUpdatedAt: wasLive ? now : row.contentUpdatedAt ?? null,
      version,
    },
  });
  await writeLinks(tx, row.id, published, publishedAt);
  const oldPath = articlePath(row.topSection.slug, row.slug);
  const path = articlePath(top.slug, slug);
  if (wasLive && oldPath !== path) await recordRedirect(tx, oldPath, path, 'article-moved');
  else await releasePath(tx, path);
  await addRevision(tx, row.id, 'publish', published, version, userId);
  const changes = copyChanges(before, published);
  await audit(tx, {
    userId,
    action: 'article.publish',
    entityType: 'article',
    entityId: row.id,
    summary: `Published “${published.headline}”${wasLive ? ' (update)' : ''}`,
    // What readers saw before and see now: state, address and, for an update, the fields that changed.
    before: { publicationState: row.publicationState, path: wasLive ? oldPath : null, ...(wasLive ? changes.before : {}) },
    after: { publicationState: 'published', path, ...(wasLive ? changes.after : {}) },
  });
  return { tags: [...(await readerTags(tx, row.id, [before, published])), tags.redirects], path };
}

/** Publishes the working copy now (a live article's staged edit replaces what readers see). */
export async function publishArticle(actor: Actor, id: number, now = new Date()): Promise<{ path: string }> {
  requireRole(actor, ...EDITORS);
  const result = await write(async (tx) => {
    const row = await loadArticle(tx, id);
    if (isLive(row) && !row.stagedCopy) throw new WorkflowError('This article is already published and has no staged edit.');
    return applyPublication(tx, row, actor.userId, now);
  });
  await invalidate(result.tags);
  return { path: result.path };
}

/** Sets an unpublished article to go live at `at`; the scheduler publishes it within a minute of then. */
export async function scheduleArticle(actor: Actor, id: number, at: Date, now = new Date()): Promise<void> {
  requireRole(actor, ...EDITORS);
  if (!(at instanceof Date) || Number.isNaN(at.getTime())) throw new ArticleInputError('scheduledAt', 'Enter a date and time.');
  if (at.getTime() <= now.getTime()) throw new ArticleInputError('scheduledAt', 'Choose a time in the future, or publish now.');
  await write(async (tx) => {
    const row = await loadArticle(tx, id);
    if (isLive(row)) throw new WorkflowError('This article is live. Publish its staged edit now instead.');
    // Checked again at publication time: the copy or the library may change in between.
    await assertMediaPublishable(imageUses(workingCopy(row)), tx);
    await tx.article.update({ where: { id }, data: { publicationState: 'scheduled', scheduledAt: at, version: row.version + 1 } });
    await audit(tx, { userId: actor.userId, action: 'article.schedule', entityType: 'article', entityId: id, summary: `Scheduled “${row.headline}” for ${at.toISOString()}`, ...transition(row, { publicationState: 'scheduled', scheduledAt: at.toISOString() }) });
  });
}

/** Takes a scheduled article off the schedule; it stays unpublished. */
export async function cancelSchedule(actor: Actor, id: number): Promise<void> {
  requireRole(actor, ...EDITORS);
  await write(async (tx) => {
    const row = await loadArticle(tx, id);
    if (row.publicationState !== 'scheduled') throw new WorkflowError('This article is not scheduled.');
    await tx.article.update({ where: { id }, data: { publicationState: 'unpublished', scheduledAt: null, version: row.version + 1 } });
    await audit(tx, { userId: actor.userId, action: 'article.unschedule', entityType: 'article', entityId: id, summary: `Took “${row.headline}” off the schedule`, ...transition(row, { publicationState: 'unpublished' }) });
  });
}

/** Takes a live article down (its URL answers 410) into `state`. */
async function takeDown(tx: Tx, row: ArticleRow, userId: number, state: 'unpublished' | 'archived', extra: Prisma.ArticleUpdateInput = {}): Promise<string[]> {
  await tx.article.update({ where: { id: row.id }, data: { publicationState: state, scheduledAt: null, version: row.version + 1, ...extra } });
  await setListingKey(tx, row.id, null);
  await recordGone(tx, articlePath(row.topSection.slug, row.slug), state === 'archived' ? 'archived' : 'unpublished');
  return [...(await readerTags(tx, row.id, [columnsCopy(row)])), tags.redirects];
}

/** Readers lose the article at once (410 at its URL); staff keep it, staged edit included. */
export async function unpublishArticle(actor: Actor, id: number): Promise<void> {
  requireRole(actor, ...EDITORS);
  const invalidated = await write(async (tx) => {
    const row = await loadArticle(tx, id);
    if (row.publicationState === 'scheduled') {
      await tx.article.update({ where: { id }, data: { publicationState: 'unpublished', scheduledAt: null, version: row.version + 1 } });
      await audit(tx, { userId: actor.userId, action: 'article.unschedule', entityType: 'article', entityId: id, summary: `Took “${row.headline}” off the schedule`, ...transition(row, { publicationState: 'unpublished' }) });
      return [];
    }
    if (!isLive(row)) throw new WorkflowError('This article is not published.');
    const names = await takeDown(tx, row, actor.userId, 'unpublished');
    await audit(tx, { userId: actor.userId, action: 'article.unpublish', entityType: 'article', entityId: id, summary: `Unpublished “${row.headline}”`, ...transition(row, { publicationState: 'unpublished' }) });
    return names;
  });
  await invalidate(invalidated);
}

/** Retires a published article: gone for readers (410), kept out of the newsroom's default lists. */
export async function archiveArticle(actor: Actor, id: number): Promise<void> {
  requireRole(actor, ...EDITORS);
  const invalidated = await write(async (tx) => {
    const row = await loadArticle(tx, id);
    if (!isLive(row)) throw new WorkflowError('Only a published article can be archived.');
    const names = await takeDown(tx, row, actor.userId, 'archived');
    await audit(tx, { userId: actor.userId, action: 'article.archive', entityType: 'article', entityId: id, summary: `Archived “${row.headline}”`, ...transition(row, { publicationState: 'archived' }) });
    return names;
  });
  await invalidate(invalidated);
}

/**
 * Moves an article to the trash (purged after 30 days, lib/trash.ts). Its publication state is
 * kept so that restoring puts it back as it was; while trashed, a live article's URL answers 410
 * and it leaves every listing.
 */
export async function trashArticle(actor: Actor, id: number, now = new Date()): Promise<void> {
  requireRole(actor, ...EDITORS);
  const invalidated = await write(async (tx) => {
    const row = await loadArticle(tx, id);
    await tx.article.update({ where: { id }, data: { deletedAt: now, version: row.version + 1 } });
    await audit(tx, { userId: actor.userId, action: 'article.trash', entityType: 'article', entityId: id, summary: `Moved “${row.headline}” to the trash` });
    if (!isLive(row)) return [];
    await setListingKey(tx, id, null);
    await recordGone(tx, articlePath(row.topSection.slug, row.slug), 'trashed');
    return [...(await readerTags(tx, id, [columnsCopy(row)])), tags.redirects];
  });
  await invalidate(invalidated);
}

/** Brings an article back from the trash as it was (a live one at its old URL), with a restore revision. */
export async function restoreArticle(actor: Actor, id: number): Promise<void> {
  requireRole(actor, ...EDITORS);
  const row = await loadArticle(db(), id, { includeTrashed: true });
  if (!row.deletedAt) throw new WorkflowError('This article is not in the trash.');
  await restoreFromTrash(actor, 'article', id);
  await write(async (tx) => {
    const version = row.version + 1;
    await tx.article.update({ where: { id }, data: { version } });
    await addRevision(tx, id, 'restore', workingCopy(row), version, actor.userId);
  });
}

/**
 * Publishes every scheduled article whose time has come (the scheduler's job). Each one is claimed
 * with a conditional update inside its own transaction, so two runs — or two instances — never
 * publish one article twice.
 */
export async function publishDueArticles(now = new Date(), limit = 100): Promise<number[]> {
  const due = await db().article.findMany({
    where: { publicationState: 'scheduled', scheduledAt: { lte: now }, deletedAt: null },
    orderBy: { scheduledAt: 'asc' },
    take: limit,
    select: { id: true },
  });
  const published: number[] = [];
  for (const { id } of due) {
    const result = await write(async (tx) => {
      const claimed = await tx.article.updateMany({ where: { id, publicationState: 'scheduled', scheduledAt: { lte: now }, deletedAt: null }, data: { publicationState: 'unpublished' } });
      if (claimed.count !== 1) return null;
      const row = await loadArticle(tx, id);
      try {
        return await applyPublication(tx, row, null, now);
      } catch (error) {
        if (!(error instanceof MediaNotPublishableError)) throw error;
        // The claim left it unpublished; take it off the schedule so it is not retried every pass,
        // and say why in the audit log.
        await tx.article.update({ where: { id }, data: { scheduledAt: null, version: row.version + 1 } });
        await audit(tx, { userId: null, action: 'article.schedule-failed', entityType: 'article', entityId: id, summary: `Did not publish “${row.headline}” as scheduled: ${error.message}` });
        return null;
      }
    });
    if (result) {
      published.push(id);
      await invalidate(result.tags);
    }
  }
  return published;
}

/** Throws unless `actor` may edit article `id` (authors: their own). For writes beside the workflow, such as autosaves. */
export async function requireArticleEditAccess(actor: Actor, id: number, tx?: Tx): Promise<{ version: number }> {
  const row = await loadArticle(tx ?? db(), id);
  requireEditAccess(actor, row);
  return { version: row.version };
}
