/**
 * Autosaves (DESIGN §5): one row per article and user, overwritten a few seconds after typing
 * stops and when the editor leaves the page. Not a revision and not the article: the editor offers
 * it back when the article is opened again, and an explicit save removes it. Only someone who may
 * edit the article can autosave it, and each user sees only their own autosave.
 */
import type { Actor } from './auth/actor';
import { requireArticleEditAccess } from './article-workflow';
import { db, write, type Prisma } from './db';
import { autosaveSchema, type AutosaveInput } from './validation/autosave';

export interface Autosave {
  values: Record<string, string>;
  /** The article version the text was written on; older than the article means someone saved since. */
  baseVersion: number;
  savedAt: Date;
}

/** The input is not an autosave (wrong shape or too large); `message` says why. */
export class AutosaveInputError extends Error {
  readonly status = 422;
}

export async function saveAutosave(actor: Actor, articleId: number, input: unknown, now = new Date()): Promise<{ savedAt: Date }> {
  const parsed = autosaveSchema.safeParse(input);
  if (!parsed.success) throw new AutosaveInputError(parsed.error.issues[0]!.message);
  const { values, baseVersion }: AutosaveInput = parsed.data;
  return write(async (tx) => {
    await requireArticleEditAccess(actor, articleId, tx);
    const data = { values } as Prisma.InputJsonValue;
    await tx.autosave.upsert({
      where: { articleId_userId: { articleId, userId: actor.userId } },
      create: { articleId, userId: actor.userId, data, baseVersion, updatedAt: now },
      update: { data, baseVersion, updatedAt: now },
    });
    return { savedAt: now };
  });
}

/** The actor's autosave of the article, or null. */
export async function getAutosave(actor: Actor, articleId: number): Promise<Autosave | null> {
  await requireArticleEditAccess(actor, articleId);
  const row = await db().autosave.findUnique({ where: { articleId_userId: { articleId, userId: actor.userId } }, select: { data: true, baseVersion: true, updatedAt: true } });
  if (!row) return null;
  const values = (row.data as { values?: unknown } | null)?.values;
  const parsed = autosaveSchema.shape.values.safeParse(values);
  return parsed.success ? { values: parsed.data, baseVersion: row.baseVersion, savedAt: row.updatedAt } : null;
}

/** Removes the actor's autosave (after an explicit save, or when they discard it). */
export async function discardAutosave(actor: Actor, articleId: number): Promise<void> {
  await write(async (tx) => {
    await requireArticleEditAccess(actor, articleId, tx);
    await tx.autosave.deleteMany({ where: { articleId, userId: actor.userId } });
  });
}
