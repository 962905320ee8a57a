/**
 * Revisions of an article (DESIGN §5): one snapshot of the working copy per explicit save,
 * submission, publication or restore, written by lib/article-workflow.ts. Here they are listed,
 * compared (a word-level diff of the fields and body paragraphs that changed) and restored.
 *
 * Who may see them is who may edit the article: authors their own, editors and admins all
 * (checked through `getArticleForEditing`). A restore is an ordinary save of the old copy through
 * `saveArticle`, with its optimistic lock: it never overwrites a newer save unseen, it stages the
 * copy on a live article, and readers only see it after the normal publish workflow.
 */
import { diffArrays, diffWords } from 'diff';
import { z } from 'zod';
import { getArticleForEditing, saveArticle, type StoredCopy } from './article-workflow';
import type { Actor } from './auth/actor';
import { db, dbProvider } from './db';
import { bodyToText } from './validation/body-text';
import { bodySchema, type Body } from './validation/body';

export type RevisionKind = 'save' | 'submit' | 'publish' | 'restore';

export const REVISION_KIND_LABELS: Record<RevisionKind, string> = {
  save: 'Saved',
  submit: 'Submitted for review',
  publish: 'Published',
  restore: 'Restored',
};

export interface RevisionSummary {
  id: number;
  kind: RevisionKind;
  version: number;
  createdAt: Date;
  /** Null for the scheduler or a deleted account. */
  userName: string | null;
  headline: string;
}

export interface RevisionList {
  article: { id: number; headline: string; version: number; canRestore: boolean };
  revisions: RevisionSummary[];
  /** Pass as `before` for the next, older page; null on the last page. */
  nextBefore: number | null;
}

/** A revision that is missing or belongs to another article. */
export class RevisionNotFoundError extends Error {
  readonly status = 404;
  constructor() {
    super('No such revision of this article.');
    this.name = 'RevisionNotFoundError';
  }
}

const PAGE_SIZE = 50;

/**
 * Snapshots are JSON written by older code too, so they are read leniently: a missing field falls
 * back to its empty value instead of breaking the page (never a 500 on stored data).
 */
const ids = z.array(z.number().int()).catch([]);
const text = z.string().catch('');
const optionalText = z.string().nullable().catch(null);
const flag = z.boolean().catch(false);
const snapshotSchema = z.object({
  headline: text,
  standfirst: text,
  slug: text,
  body: bodySchema.catch({ blocks: [] }),
  primarySectionId: z.number().int().catch(0),
  secondarySectionIds: ids,
  tagIds: ids,
  bylinePersonIds: ids,
  heroImageId: z.number().int().nullable().catch(null),
  heroAlt: optionalText,
  heroCaption: optionalText,
  heroCredit: optionalText,
  seoTitle: optionalText,
  seoDescription: optionalText,
  canonicalUrl: optionalText,
  noindex: flag,
  isBreaking: flag,
  isFeatured: flag,
  isOpinion: flag,
  correction: optionalText,
}) satisfies z.ZodType<StoredCopy>;

function readSnapshot(json: unknown): StoredCopy {
  return snapshotSchema.parse(json ?? {});
}

const revisionSelect = { id: true, kind: true, version: true, createdAt: true, snapshot: true, createdBy: { select: { name: true } } } as const;

type RevisionRow = { id: number; kind: string; version: number; createdAt: Date; snapshot: unknown; createdBy: { name: string } | null };

function summary(row: Omit<RevisionRow, 'snapshot'>, headline: string): RevisionSummary {
  const kind = (row.kind in REVISION_KIND_LABELS ? row.kind : 'save') as RevisionKind;
  return { id: row.id, kind, version: row.version, createdAt: row.createdAt, userName: row.createdBy?.name ?? null, headline };
}

/**
 * Each revision's headline, read inside the database: the list would otherwise load every whole
 * snapshot, body included (bench/revisions.ts: 10,000 words × 50 revisions).
 */
async function snapshotHeadlines(ids: number[]): Promise<Map<number, string>> {
  if (!ids.length) return new Map();
  const placeholders = ids.map((_, i) => (dbProvider() === 'postgresql' ? `$${i + 1}` : '?')).join(', ');
  const headline = dbProvider() === 'postgresql' ? `"snapshot"->>'headline'` : `json_extract("snapshot", '$.headline')`;
  const rows = await db().$queryRawUnsafe<{ id: number; headline: unknown }[]>(`SELECT "id", ${headline} AS "headline" FROM "Revision" WHERE "id" IN (${placeholders})`, ...ids);
  return new Map(rows.map((r) => [Number(r.id), typeof r.headline === 'string' ? r.headline : '']));
}

/** Newest first, {@link PAGE_SIZE} at a time. Throws ArticleNotFoundError / AuthorizationError. */
export async function listRevisions(actor: Actor, articleId: number, { before }: { before?: number } = {}): Promise<RevisionList> {
  const article = await getArticleForEditing(actor, articleId, { includeTrashed: true });
  const { snapshot: _snapshot, ...listSelect } = revisionSelect;
  const rows = await db().revision.findMany({
    where: { articleId, ...(before ? { id: { lt: before } } : {}) },
    orderBy: { id: 'desc' },
    take: PAGE_SIZE + 1,
    select: listSelect,
  });
  const page = rows.slice(0, PAGE_SIZE);
  const headlines = await snapshotHeadlines(page.map((r) => r.id));
  return {
    article: { id: article.id, headline: article.copy.headline, version: article.version, canRestore: article.canEdit },
    revisions: page.map((row) => summary(row, headlines.get(row.id) ?? '')),
    nextBefore: rows.length > PAGE_SIZE ? page.at(-1)!.id : null,
  };
}

// ---- Diff ----

export interface DiffPart {
  kind: 'same' | 'ins' | 'del';
  text: string;
}

/** A field that differs between the two revisions. */
export type FieldChange =
  | { field: string; label: string; type: 'text'; parts: DiffPart[] }
  | { field: string; label: string; type: 'list'; added: string[]; removed: string[] };

/** One body block: unchanged, added, removed, or changed (then `parts` is a word-level diff). */
export interface BodyBlockChange {
  kind: 'same' | 'ins' | 'del' | 'changed';
  parts: DiffPart[];
}

export interface RevisionDiff {
  from: RevisionSummary;
  to: RevisionSummary;
  fields: FieldChange[];
  body: BodyBlockChange[];
  bodyChanged: boolean;
}

function wordDiff(before: string, after: string): DiffPart[] {
  return diffWords(before, after).map((c) => ({ kind: c.added ? 'ins' : c.removed ? 'del' : 'same', text: c.value }));
}

function blockTexts(body: Body): string[] {
  return body.blocks.map((block) => bodyToText({ blocks: [block] }));
}

/**
 * Paragraph-level alignment first (so an inserted paragraph does not shift every later one into a
 * "change"), then a word diff inside each removed/added pair that took the same place.
 */
export function diffBodies(before: Body, after: Body): BodyBlockChange[] {
  const out: BodyBlockChange[] = [];
  const chunks = diffArrays(blockTexts(before), blockTexts(after));
  for (let i = 0; i < chunks.length; i++) {
    const chunk = chunks[i]!;
    if (!chunk.added && !chunk.removed) {
      for (const value of chunk.value) out.push({ kind: 'same', parts: [{ kind: 'same', text: value }] });
      continue;
    }
    const next = chunks[i + 1];
    const removed = chunk.removed ? chunk.value : next?.removed ? next.value : [];
    const added = chunk.added ? chunk.value : next?.added ? next.value : [];
    if (next && (next.added || next.removed) && next.added !== chunk.added) i++;
    const paired = Math.min(removed.length, added.length);
    for (let j = 0; j < paired; j++) out.push({ kind: 'changed', parts: wordDiff(removed[j]!, added[j]!) });
    for (const value of removed.slice(paired)) out.push({ kind: 'del', parts: [{ kind: 'del', text: value }] });
    for (const value of added.slice(paired)) out.push({ kind: 'ins', parts: [{ kind: 'ins', text: value }] });
  }
  return out;
}

/** A body diff row for display: a block, or a run of unchanged blocks folded away. */
export type BodyDiffRow = { type: 'block'; index: number; block: BodyBlockChange } | { type: 'fold'; index: number; blocks: BodyBlockChange[] };

/**
 * Keeps `context` unchanged blocks on each side of a change and folds longer unchanged runs, so a
 * one-sentence edit in a 10,000-word article is not buried. A fold never hides a single block.
 */
export function foldUnchanged(blocks: BodyBlockChange[], context = 1): BodyDiffRow[] {
  const rows: BodyDiffRow[] = [];
  for (let i = 0; i < blocks.length; ) {
    if (blocks[i]!.kind !== 'same') {
      rows.push({ type: 'block', index: i, block: blocks[i]! });
      i++;
      continue;
    }
    let end = i;
    while (end < blocks.length && blocks[end]!.kind === 'same') end++;
    const keepBefore = i === 0 ? 0 : context;
    const keepAfter = end === blocks.length ? 0 : context;
    const shown = (from: number, to: number) => {
      for (let j = from; j < to; j++) rows.push({ type: 'block', index: j, block: blocks[j]! });
    };
    if (end - i <= keepBefore + keepAfter + 1) shown(i, end);
    else {
      shown(i, i + keepBefore);
      rows.push({ type: 'fold', index: i + keepBefore, blocks: blocks.slice(i + keepBefore, end - keepAfter) });
      shown(end - keepAfter, end);
    }
    i = end;
  }
  return rows;
}

const TEXT_FIELDS: [keyof StoredCopy, string][] = [
  ['headline', 'Headline'],
  ['standfirst', 'Standfirst'],
  ['slug', 'Slug'],
  ['seoTitle', 'SEO title'],
  ['seoDescription', 'SEO description'],
  ['canonicalUrl', 'Canonical URL'],
  ['heroAlt', 'Hero alt text'],
  ['heroCaption', 'Hero caption'],
  ['heroCredit', 'Hero credit'],
  ['correction', 'Correction'],
];

const FLAG_FIELDS: [keyof StoredCopy, string][] = [
  ['noindex', 'Hidden from search engines'],
  ['isBreaking', 'Breaking'],
  ['isFeatured', 'Featured'],
  ['isOpinion', 'Opinion'],
];

/** Names for the ids two copies refer to; a deleted record shows as “#id (deleted)”. */
async function referenceNames(copies: StoredCopy[]) {
  const sectionIds = [...new Set(copies.flatMap((c) => [c.primarySectionId, ...c.secondarySectionIds]))];
  const tagIds = [...new Set(copies.flatMap((c) => c.tagIds))];
  const personIds = [...new Set(copies.flatMap((c) => c.bylinePersonIds))];
  const mediaIds = [...new Set(copies.flatMap((c) => (c.heroImageId ? [c.heroImageId] : [])))];
  const [sections, tagRows, people, media] = await Promise.all([
    db().section.findMany({ where: { id: { in: sectionIds } }, select: { id: true, name: true } }),
    db().tag.findMany({ where: { id: { in: tagIds } }, select: { id: true, name: true } }),
    db().person.findMany({ where: { id: { in: personIds } }, select: { id: true, name: true } }),
    db().media.findMany({ where: { id: { in: mediaIds } }, select: { id: true, originalName: true } }),
  ]);
  const lookup = (rows: { id: number; name: string }[]) => {
    const names = new Map(rows.map((r) => [r.id, r.name]));
    return (id: number) => names.get(id) ?? `#${id} (deleted)`;
  };
  return { section: lookup(sections), tag: lookup(tagRows), person: lookup(people), media: lookup(media.map((m) => ({ id: m.id, name: m.originalName }))) };
}

function listChange(field: string, label: string, before: string[], after: string[]): FieldChange | null {
  const added = after.filter((n) => !before.includes(n));
  const removed = before.filter((n) => !after.includes(n));
  // A byline order change is a change too, shown as the whole new order.
  if (!added.length && !removed.length && before.join('\n') === after.join('\n')) return null;
  if (!added.length && !removed.length) return { field, label: `${label} (order)`, type: 'text', parts: wordDiff(before.join(', '), after.join(', ')) };
  return { field, label, type: 'list', added, removed };
}

async function fieldChanges(a: StoredCopy, b: StoredCopy): Promise<FieldChange[]> {
  const names = await referenceNames([a, b]);
  const changes: FieldChange[] = [];
  for (const [field, label] of TEXT_FIELDS) {
    const before = (a[field] as string | null) ?? '';
    const after = (b[field] as string | null) ?? '';
    if (before !== after) changes.push({ field, label, type: 'text', parts: wordDiff(before, after) });
  }
  const yesNo = (v: boolean) => (v ? 'yes' : 'no');
  for (const [field, label] of FLAG_FIELDS) {
    if (a[field] !== b[field]) changes.push({ field, label, type: 'text', parts: wordDiff(yesNo(a[field] as boolean), yesNo(b[field] as boolean)) });
  }
  const lists: [string, string, string[], string[]][] = [
    ['primarySectionId', 'Section', [names.section(a.primarySectionId)], [names.section(b.primarySectionId)]],
    ['secondarySectionIds', 'More sections', a.secondarySectionIds.map(names.section), b.secondarySectionIds.map(names.section)],
    ['tagIds', 'Tags', a.tagIds.map(names.tag), b.tagIds.map(names.tag)],
    ['bylinePersonIds', 'Bylines', a.bylinePersonIds.map(names.person), b.bylinePersonIds.map(names.person)],
    ['heroImageId', 'Hero image', a.heroImageId ? [names.media(a.heroImageId)] : [], b.heroImageId ? [names.media(b.heroImageId)] : []],
  ];
  for (const [field, label, before, after] of lists) {
    const change = listChange(field, label, before, after);
    if (change) changes.push(change);
  }
  return changes;
}

async function loadRevision(articleId: number, revisionId: number): Promise<{ row: RevisionRow; copy: StoredCopy }> {
  const row = await db().revision.findFirst({ where: { id: revisionId, articleId }, select: revisionSelect });
  if (!row) throw new RevisionNotFoundError();
  return { row, copy: readSnapshot(row.snapshot) };
}

/** What changed from revision `fromId` to revision `toId` (either order works; both must be this article's). */
export async function diffRevisions(actor: Actor, articleId: number, fromId: number, toId: number): Promise<RevisionDiff> {
  await getArticleForEditing(actor, articleId, { includeTrashed: true });
  const [from, to] = await Promise.all([loadRevision(articleId, fromId), loadRevision(articleId, toId)]);
  const body = diffBodies(from.copy.body, to.copy.body);
  return {
    from: summary(from.row, from.copy.headline),
    to: summary(to.row, to.copy.headline),
    fields: await fieldChanges(from.copy, to.copy),
    body,
    bodyChanged: body.some((b) => b.kind !== 'same'),
  };
}

// ---- Restore ----

export interface RestoreResult {
  version: number;
  /** What the old copy referred to that no longer exists, so it was left out. */
  dropped: string[];
}

/**
 * The old copy as save input. References deleted since (tags, bylines, sections, a trashed hero
 * image) are left out and reported rather than failing the restore; a deleted primary section
 * gives way to the current one.
 */
async function inputFromSnapshot(copy: StoredCopy, currentPrimarySectionId: number) {
  const [sections, tagRows, people, hero] = await Promise.all([
    db().section.findMany({ where: { id: { in: [copy.primarySectionId, ...copy.secondarySectionIds] } }, select: { id: true } }),
    db().tag.findMany({ where: { id: { in: copy.tagIds } }, select: { id: true, name: true } }),
    db().person.findMany({ where: { id: { in: copy.bylinePersonIds } }, select: { id: true } }),
    copy.heroImageId ? db().media.findFirst({ where: { id: copy.heroImageId, deletedAt: null }, select: { id: true } }) : null,
  ]);
  const sectionIds = new Set(sections.map((s) => s.id));
  const tagNames = new Map(tagRows.map((t) => [t.id, t.name]));
  const personIds = new Set(people.map((p) => p.id));
  const dropped: string[] = [];
  const keep = (list: number[], exists: (id: number) => boolean, what: string) => {
    const kept = list.filter(exists);
    if (kept.length < list.length) dropped.push(`${list.length - kept.length} ${what} no longer exist${list.length - kept.length === 1 ? 's' : ''}`);
    return kept;
  };
  const primaryExists = sectionIds.has(copy.primarySectionId);
  if (!primaryExists) dropped.push('its section no longer exists, so the current section is kept');
  if (copy.heroImageId && !hero) dropped.push('its hero image is gone or in the trash');
  const { tagIds, ...rest } = copy;
  const input = {
    ...rest,
    primarySectionId: primaryExists ? copy.primarySectionId : currentPrimarySectionId,
    secondarySectionIds: keep(copy.secondarySectionIds, (id) => sectionIds.has(id), 'extra section(s)'),
    bylinePersonIds: keep(copy.bylinePersonIds, (id) => personIds.has(id), 'byline(s)'),
    tagNames: keep(tagIds, (id) => tagNames.has(id), 'tag(s)').map((id) => tagNames.get(id)!),
    heroImageId: hero ? copy.heroImageId : null,
  };
  return { input, dropped };
}

/**
 * Makes revision `revisionId` the working copy again, as a new version and a new `restore`
 * revision. `baseVersion` is the article version the person saw when choosing: if anyone saved
 * since, EditConflictError, and nothing changes. On a live article the old copy becomes a staged
 * edit; readers keep the published copy until it is published.
 */
export async function restoreRevision(actor: Actor, articleId: number, revisionId: number, { baseVersion, now = new Date() }: { baseVersion: number; now?: Date }): Promise<RestoreResult> {
  const article = await getArticleForEditing(actor, articleId);
  const { row, copy } = await loadRevision(articleId, revisionId);
  const { input, dropped } = await inputFromSnapshot(copy, article.copy.primarySectionId);
  const { version } = await saveArticle(actor, articleId, input, { baseVersion, now, restoredFrom: { version: row.version } });
  return { version, dropped };
}
