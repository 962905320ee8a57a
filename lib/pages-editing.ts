/**
 * Static pages (about, contact, privacy…): top-level URLs shared with sections (DESIGN §4).
 * Editors and admins manage them; a renamed page redirects, a trashed one can be restored
 * from the trash for 30 days (lib/trash.ts).
 */
import { requireRole, type Actor } from './auth/actor';
import { invalidate, tags } from './cache-tags';
import { db, write } from './db';
import { audit } from './media/audit';
import { recordRedirect, releasePath } from './redirects';
import { topLevelSlugTaken, type FormResult } from './taxonomy-editing';
import { bodySchema, type Body } from './validation/body';
import { pageSchema } from './validation/library';

const EDITORS = ['admin', 'editor'] as const;

const fail = (field: string, message: string) => ({ ok: false as const, errors: { [field]: [message] } });

function fieldErrors(issues: { path: PropertyKey[]; message: string }[]): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of issues) (errors[issue.path[0] === 'body' ? 'body' : issue.path.join('.') || 'form'] ??= []).push(issue.message);
  return errors;
}

export interface PageSummary {
  id: number;
  title: string;
  slug: string;
  published: boolean;
  showInFooter: boolean;
  updatedAt: Date;
}

export interface EditablePage extends PageSummary {
  body: Body;
}

const summarySelect = { id: true, title: true, slug: true, published: true, showInFooter: true, updatedAt: true } as const;

export async function listPages(actor: Actor): Promise<PageSummary[]> {
  requireRole(actor, ...EDITORS);
  return db().page.findMany({ where: { deletedAt: null }, orderBy: [{ position: 'asc' }, { title: 'asc' }], select: summarySelect });
}

export async function getPageForEditing(actor: Actor, id: number): Promise<EditablePage | null> {
  requireRole(actor, ...EDITORS);
  const row = await db().page.findFirst({ where: { id, deletedAt: null }, select: { ...summarySelect, body: true } });
  if (!row) return null;
  const body = bodySchema.safeParse(row.body);
  return { ...row, body: body.success ? body.data : { blocks: [] } };
}

export async function createPage(actor: Actor, input: unknown): Promise<FormResult<{ id: number }>> {
  requireRole(actor, ...EDITORS);
  const parsed = pageSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error.issues) };
  const data = parsed.data;
  const result = await write(async (tx) => {
    const problem = await topLevelSlugTaken(tx, data.slug);
    if (problem) return fail('slug', problem);
    const last = await tx.page.findFirst({ orderBy: { position: 'desc' }, select: { position: true } });
    const page = await tx.page.create({ data: { ...data, position: (last?.position ?? -1) + 1 }, select: { id: true } });
    await releasePath(tx, `/${data.slug}`);
    await audit(tx, actor, { action: 'page.create', entityType: 'page', entityId: page.id, summary: `Created page ${data.title}` });
    return { ok: true as const, value: { id: page.id } };
  });
  if (result.ok) await invalidate([tags.page(result.value.id), tags.nav, tags.redirects, tags.sitemaps, tags.missing(`/${data.slug}`)]);
  return result;
}

export async function updatePage(actor: Actor, id: number, input: unknown): Promise<FormResult> {
  requireRole(actor, ...EDITORS);
  const parsed = pageSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error.issues) };
  const data = parsed.data;
  const result = await write(async (tx) => {
    const before = await tx.page.findFirst({ where: { id, deletedAt: null }, select: { title: true, slug: true, published: true, showInFooter: true } });
    if (!before) return fail('form', 'That page no longer exists.');
    const renamed = before.slug !== data.slug;
    if (renamed) {
      const problem = await topLevelSlugTaken(tx, data.slug, { pageId: id });
      if (problem) return fail('slug', problem);
    }
    await tx.page.update({ where: { id }, data });
    if (renamed) await recordRedirect(tx, `/${before.slug}`, `/${data.slug}`, 'page-renamed');
    await audit(tx, actor, { action: 'page.update', entityType: 'page', entityId: id, summary: renamed ? `Renamed page /${before.slug} to /${data.slug}` : `Updated page ${data.title}`, before });
    const listed = renamed || before.title !== data.title || before.published !== data.published || before.showInFooter !== data.showInFooter;
    return { ok: true as const, value: undefined, renamed, listed };
  });
  if (!result.ok) return result;
  await invalidate([tags.page(id), ...(result.listed ? [tags.nav, tags.sitemaps] : []), ...(result.renamed ? [tags.redirects, tags.missing(`/${data.slug}`)] : [])]);
  return { ok: true, value: undefined };
}

/** Moves a page to the trash; its URL stops answering until it is restored. */
export async function trashPage(actor: Actor, id: number, now = new Date()): Promise<FormResult> {
  requireRole(actor, ...EDITORS);
  const result = await write(async (tx) => {
    const page = await tx.page.findFirst({ where: { id, deletedAt: null }, select: { title: true } });
    if (!page) return fail('form', 'That page no longer exists.');
    await tx.page.update({ where: { id }, data: { deletedAt: now } });
    await audit(tx, actor, { action: 'page.trash', entityType: 'page', entityId: id, summary: `Moved page ${page.title} to the trash` });
    return { ok: true as const, value: undefined };
  });
  if (result.ok) await invalidate([tags.page(id), tags.nav, tags.sitemaps]);
  return result;
}
