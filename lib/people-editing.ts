/**
 * People: the bylines readers see at /author/<slug> — name, job title, bio, photo, social links,
 * and the staff account they belong to. Editors manage everyone; an author may edit the bio,
 * photo and links of their own profile.
 */
import { AuthorizationError, requireRole, type Actor } from './auth/actor';
import { invalidate, tags } from './cache-tags';
import type { Prisma} from './db';
import { db, write, type Tx } from './db';
import { audit } from './media/audit';
import { containsText } from './media/sql';
import { recordRedirect, releasePath } from './redirects';
import { listQuerySchema, ownProfileSchema, personSchema } from './validation/library';
import type { FormResult } from './taxonomy-editing';

const EDITORS = ['admin', 'editor'] as const;

const fail = (field: string, message: string) => ({ ok: false as const, errors: { [field]: [message] } });

function fieldErrors(issues: { path: PropertyKey[]; message: string }[]): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  for (const issue of issues) (errors[issue.path.join('.') || 'form'] ??= []).push(issue.message);
  return errors;
}

export interface PersonRow {
  id: number;
  name: string;
  slug: string;
  jobTitle: string | null;
  bio: string | null;
  photo: { id: number; url: string; alt: string } | null;
  socialLinks: { network: string; url: string }[];
  user: { id: number; name: string; email: string } | null;
  bylines: number;
}

const personSelect = {
  id: true,
  name: true,
  slug: true,
  jobTitle: true,
  bio: true,
  socialLinks: true,
  photo: { select: { id: true, path: true, alt: true } },
  user: { select: { id: true, name: true, email: true } },
  _count: { select: { bylines: true } },
} as const;

type Row = {
  id: number;
  name: string;
  slug: string;
  jobTitle: string | null;
  bio: string | null;
  socialLinks: unknown;
  photo: { id: number; path: string; alt: string } | null;
  user: { id: number; name: string; email: string } | null;
  _count: { bylines: number };
};

function toRow(r: Row): PersonRow {
  const links = personSchema.shape.socialLinks.safeParse(r.socialLinks ?? []);
  return {
    id: r.id,
    name: r.name,
    slug: r.slug,
    jobTitle: r.jobTitle,
    bio: r.bio,
    photo: r.photo ? { id: r.photo.id, url: `/media/${r.photo.path}`, alt: r.photo.alt } : null,
    socialLinks: links.success ? links.data : [],
    user: r.user,
    bylines: r._count.bylines,
  };
}

export const PEOPLE_PAGE_SIZE = 50;

export async function listPeople(actor: Actor, query: unknown = {}): Promise<{ items: PersonRow[]; page: number; pages: number; total: number }> {
  requireRole(actor, ...EDITORS);
  const { q, page } = listQuerySchema.parse(query);
  const where = q ? { OR: [{ name: containsText(q) }, { slug: containsText(q) }] } : {};
  const [total, rows] = await Promise.all([
    db().person.count({ where }),
    db().person.findMany({ where, orderBy: [{ name: 'asc' }, { id: 'asc' }], skip: (page - 1) * PEOPLE_PAGE_SIZE, take: PEOPLE_PAGE_SIZE, select: personSelect }),
  ]);
  return { items: rows.map(toRow), page, pages: Math.max(1, Math.ceil(total / PEOPLE_PAGE_SIZE)), total };
}

export async function getPerson(actor: Actor, id: number): Promise<PersonRow | null> {
  requireRole(actor, 'admin', 'editor', 'author');
  if (actor.role === 'author' && actor.personId !== id) throw new AuthorizationError('Authors can open only their own profile.');
  const row = await db().person.findUnique({ where: { id }, select: personSelect });
  return row ? toRow(row) : null;
}

/** Staff accounts a profile can be linked to: not yet linked to another person. */
export async function listLinkableUsers(actor: Actor, personId?: number): Promise<{ id: number; name: string; email: string }[]> {
  requireRole(actor, ...EDITORS);
  return db().user.findMany({
    where: { disabledAt: null, OR: [{ person: null }, ...(personId ? [{ person: { id: personId } }] : [])] },
    orderBy: { name: 'asc' },
    select: { id: true, name: true, email: true },
    take: 500,
  });
}

async function checkReferences(tx: Tx, data: { photoId?: number | null; userId?: number | null }, personId?: number) {
  if (data.photoId) {
    const photo = await tx.media.findUnique({ where: { id: data.photoId }, select: { deletedAt: true } });
    if (!photo || photo.deletedAt) return fail('photoId', 'That photo is no longer in the media library.');
  }
  if (data.userId) {
    const user = await tx.user.findUnique({ where: { id: data.userId }, select: { person: { select: { id: true, name: true } } } });
    if (!user) return fail('userId', 'That staff account no longer exists.');
    if (user.person && user.person.id !== personId) return fail('userId', `That account is already linked to ${user.person.name}.`);
  }
  return null;
}

async function slugTaken(tx: Tx, slug: string, exceptId?: number) {
  const other = await tx.person.findFirst({ where: { slug, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { name: true } });
  return other ? fail('slug', `${other.name} already uses /author/${slug}.`) : null;
}

async function bylineArticles(tx: Tx, personId: number): Promise<number[]> {
  return (await tx.articleByline.findMany({ where: { personId }, select: { articleId: true } })).map((r) => r.articleId);
}

export async function createPerson(actor: Actor, input: unknown): Promise<FormResult<{ id: number }>> {
  requireRole(actor, ...EDITORS);
  const parsed = personSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error.issues) };
  const data = parsed.data;
  const result = await write(async (tx) => {
    const problem = (await slugTaken(tx, data.slug)) ?? (await checkReferences(tx, data));
    if (problem) return problem;
    const person = await tx.person.create({ data: { ...data, jobTitle: data.jobTitle || null, bio: data.bio || null }, select: { id: true } });
    await releasePath(tx, `/author/${data.slug}`);
    await audit(tx, actor, { action: 'person.create', entityType: 'person', entityId: person.id, summary: `Created profile for ${data.name}`, after: data });
    return { ok: true as const, value: { id: person.id } };
  });
  if (result.ok) await invalidate([tags.redirects, tags.missing(`/author/${data.slug}`)]);
  return result;
}

/**
 * Saves a profile. Editors change everything (a new slug redirects the old author page and
 * feed); an author may change the bio, job title, photo and links of their own profile.
 */
export async function updatePerson(actor: Actor, id: number, input: unknown): Promise<FormResult> {
  requireRole(actor, 'admin', 'editor', 'author');
  const own = actor.role === 'author';
  if (own && actor.personId !== id) throw new AuthorizationError('Authors can edit only their own profile.');
  const parsed = own ? ownProfileSchema.safeParse(input) : personSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error.issues) };
  const data = parsed.data as Partial<ReturnType<typeof personSchema.parse>>;
  const result = await write(async (tx) => {
    const before = await tx.person.findUnique({ where: { id }, select: { name: true, slug: true, jobTitle: true, bio: true, photoId: true, userId: true, socialLinks: true } });
    if (!before) return fail('form', 'That profile no longer exists.');
    const problem = (data.slug ? await slugTaken(tx, data.slug, id) : null) ?? (await checkReferences(tx, data, id));
    if (problem) return problem;
    await tx.person.update({
      where: { id },
      data: {
        ...data,
        ...(data.jobTitle !== undefined ? { jobTitle: data.jobTitle || null } : {}),
        ...(data.bio !== undefined ? { bio: data.bio || null } : {}),
        ...(data.socialLinks ? { socialLinks: data.socialLinks as Prisma.InputJsonValue } : {}),
      },
    });
    const renamed = data.slug !== undefined && data.slug !== before.slug;
    if (renamed) {
      await recordRedirect(tx, `/author/${before.slug}/feed.xml`, `/author/${data.slug}/feed.xml`, 'author-renamed');
      await recordRedirect(tx, `/author/${before.slug}`, `/author/${data.slug}`, 'author-renamed');
    }
    await audit(tx, actor, { action: 'person.update', entityType: 'person', entityId: id, summary: `Updated profile of ${data.name ?? before.name}`, before, after: data });
    // Bylines show the name and link to the slug on every article.
    const articleIds = renamed || (data.name !== undefined && data.name !== before.name) ? await bylineArticles(tx, id) : [];
    return { ok: true as const, value: undefined, renamed, articleIds };
  });
  if (!result.ok) return result;
  await invalidate([tags.author(id), ...result.articleIds.map(tags.article), ...(result.renamed ? [tags.redirects, tags.feeds, tags.sitemaps, tags.missing(`/author/${data.slug}`)] : [])]);
  return { ok: true, value: undefined };
}

/** Deletes a profile that has no bylines. */
export async function deletePerson(actor: Actor, id: number): Promise<FormResult> {
  requireRole(actor, ...EDITORS);
  const result = await write(async (tx) => {
    const person = await tx.person.findUnique({ where: { id }, select: { name: true, _count: { select: { bylines: true } } } });
    if (!person) return fail('form', 'That profile no longer exists.');
    if (person._count.bylines) return fail('form', `${person.name} has ${person._count.bylines} byline${person._count.bylines === 1 ? '' : 's'}; the profile must stay.`);
    await tx.person.delete({ where: { id } });
    await audit(tx, actor, { action: 'person.delete', entityType: 'person', entityId: id, summary: `Deleted profile of ${person.name}` });
    return { ok: true as const, value: undefined };
  });
  if (result.ok) await invalidate([tags.author(id)]);
  return result;
}
