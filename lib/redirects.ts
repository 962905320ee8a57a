/**
 * The redirect table (DESIGN §4, §8.12): old paths answered with a 301 to their new home, or with
 * 410 Gone when `toPath` is null. The front layer keeps the table in memory, reloaded when the
 * `redirects` tag is invalidated. Write paths call these inside their own transaction and then
 * invalidate `tags.redirects` with the rest.
 */
import { db, type Tx } from './db';

export interface RedirectEntry {
  fromPath: string;
  /** null means the content is gone for good (410). */
  toPath: string | null;
}

/** Records `from` → `to` and repoints older redirects that led to `from`, so chains stay one hop. */
export async function recordRedirect(tx: Tx, fromPath: string, toPath: string, reason = 'moved'): Promise<void> {
  if (fromPath === toPath) return;
  await tx.redirect.updateMany({ where: { toPath: fromPath }, data: { toPath } });
  await tx.redirect.upsert({
    where: { fromPath },
    create: { fromPath, toPath, reason },
    update: { toPath, reason },
  });
  await releasePath(tx, toPath);
}

/** Marks `path` as gone (410), e.g. an unpublished or deleted article, and anything that led to it. */
export async function recordGone(tx: Tx, path: string, reason = 'retired'): Promise<void> {
  await tx.redirect.updateMany({ where: { toPath: path }, data: { toPath: null, reason } });
  await tx.redirect.upsert({ where: { fromPath: path }, create: { fromPath: path, toPath: null, reason }, update: { toPath: null, reason } });
}

/** A path that is live again must not stay hidden behind a redirect or a 410 (DESIGN §4). */
export async function releasePath(tx: Tx, path: string): Promise<void> {
  await tx.redirect.deleteMany({ where: { fromPath: path } });
}

/** The whole table, for the front layer's in-memory map. */
export async function loadRedirects(): Promise<RedirectEntry[]> {
  return db().redirect.findMany({ select: { fromPath: true, toPath: true } });
}
