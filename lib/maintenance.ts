/**
 * Housekeeping run as periodic jobs (lib/jobs.ts): view buckets past the 90-day window
 * (DESIGN §5) and trash older than 30 days. (Expired sessions are purged by the scheduler's
 * pass, `runDueJobs` in lib/scheduler.ts.) Deletes go in batches so one run never
 * holds a long transaction (on SQLite that would stall every other write behind the queue).
 */
import { invalidate, tags } from './cache-tags';
import { db, write } from './db';
import { registerJob } from './jobs';
import { SCHEDULER_INTERVAL_MS } from './scheduler';

const DAY = 24 * 60 * 60 * 1000;
export const VIEW_RETENTION_DAYS = 90;
export const TRASH_RETENTION_DAYS = 30;
const BATCH = 500;

export async function pruneViewBuckets(now: Date): Promise<number> {
  const before = new Date(now.getTime() - VIEW_RETENTION_DAYS * DAY);
  const { count } = await write((tx) => tx.viewBucket.deleteMany({ where: { hour: { lt: before } } }));
  return count;
}

/**
 * Deletes articles and pages trashed more than 30 days ago (their revisions, bylines, slots and
 * buckets cascade). Media are left to the library, which also removes their files.
 */
export async function purgeTrash(now: Date, signal?: AbortSignal): Promise<{ articles: number; pages: number }> {
  const before = new Date(now.getTime() - TRASH_RETENTION_DAYS * DAY);
  const purged = { articles: 0, pages: 0 };
  while (!signal?.aborted) {
    const batch = await db().article.findMany({ where: { deletedAt: { lt: before } }, select: { id: true }, take: BATCH });
    if (batch.length === 0) break;
    const ids = batch.map((a) => a.id);
    const { count } = await write((tx) => tx.article.deleteMany({ where: { id: { in: ids }, deletedAt: { lt: before } } }));
    purged.articles += count;
    // Trashed articles are not on reader pages, but a stale entry may still name them.
    await invalidate(ids.map(tags.article));
  }
  if (!signal?.aborted) {
    const pages = await db().page.findMany({ where: { deletedAt: { lt: before } }, select: { id: true } });
    if (pages.length) {
      const { count } = await write((tx) => tx.page.deleteMany({ where: { id: { in: pages.map((p) => p.id) } } }));
      purged.pages = count;
      await invalidate(pages.map((p) => tags.page(p.id)));
    }
  }
  return purged;
}

const HOUR = 60 * 60 * 1000;

/** Registers the housekeeping jobs by name. */
export function registerMaintenanceJobs(): void {
  registerJob({ name: 'prune-view-buckets', everyMs: 6 * HOUR, run: ({ now }) => pruneViewBuckets(now) });
  registerJob({ name: 'purge-trash', everyMs: HOUR, run: ({ now, signal }) => purgeTrash(now, signal) });
}

/** One scheduler pass (lib/scheduler.ts `runDueJobs`: due scheduled articles, expired sessions). */
export type PublishDue = (now: Date) => Promise<unknown>;

/**
 * Registers scheduled publishing. Every 15 s, so an article goes live well within 60 s of its time;
 * if the instance running it dies, another takes over once the lease lapses (30 s, see startCluster).
 */
export function registerScheduledPublishing(publishDue: PublishDue): void {
  registerJob({ name: 'publish-scheduled', everyMs: SCHEDULER_INTERVAL_MS, run: ({ now }) => publishDue(now) });
}
