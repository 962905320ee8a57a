/**
 * Background jobs that run outside any request: publishing scheduled articles (within a minute of
 * their time, catching up after downtime since it publishes everything already due), purging
 * expired sessions and emptying the trash of items older than 30 days. `runDueJobs` is one pass; `startScheduler` runs it on an interval in the
 * server process, and keeps the recent search index at its size beside it. Each job is safe to run concurrently with itself (publishDueArticles claims each
 * article atomically); a cross-instance lock only saves duplicate work.
 */
import { publishDueArticles } from './article-workflow';
import { purgeExpiredSessions } from './auth/session';
import { rebalanceRecentIndex } from './search/recent';
import { prismaSearchConnection } from './search/reindex';
import { purgeExpiredTrash } from './trash';

export const SCHEDULER_INTERVAL_MS = 15_000;
/** How often the recent search index is trimmed or refilled to its size (lib/search/recent.ts). */
export const SEARCH_MAINTENANCE_INTERVAL_MS = 10 * 60_000;

export interface JobReport {
  publishedArticleIds: number[];
  purgedSessions: number;
  purgedFromTrash: { articles: number; pages: number; media: number };
}

/** One pass over every job that is due at `now`. */
export async function runDueJobs(now = new Date()): Promise<JobReport> {
  const publishedArticleIds = await publishDueArticles(now);
  const purgedSessions = await purgeExpiredSessions(now);
  const purgedFromTrash = await purgeExpiredTrash(now);
  return { publishedArticleIds, purgedSessions, purgedFromTrash };
}

export interface RunningScheduler {
  stop(): void;
}

/** Runs `work` unless its previous run is still going; a failure is reported and the next run tries again. */
function nonOverlapping(work: () => Promise<void>, onError: (error: unknown) => void): () => Promise<void> {
  let running = false;
  return async () => {
    if (running) return;
    running = true;
    try {
      await work();
    } catch (error) {
      onError(error);
    } finally {
      running = false;
    }
  };
}

// One scheduler per process even if server.ts and the Next bundle both start it (DESIGN §8.8).
const KEY = Symbol.for('broadsheet.scheduler');
type Holder = { [KEY]?: RunningScheduler };

/**
 * Runs {@link runDueJobs} now and then every `intervalMs`. A pass never overlaps the previous
 * one; a failing pass is logged and the next one tries again.
 */
export function startScheduler({ intervalMs = SCHEDULER_INTERVAL_MS, log = console }: { intervalMs?: number; log?: Pick<Console, 'error' | 'info'> } = {}): RunningScheduler {
  const holder = globalThis as Holder;
  if (holder[KEY]) return holder[KEY];
  const every = (ms: number, what: string, work: () => Promise<void>) => {
    const run = nonOverlapping(work, (error) => log.error(`${what} failed:`, error));
    void run();
    const timer = setInterval(() => void run(), ms);
    timer.unref();
    return timer;
  };
  const timers = [
    every(intervalMs, 'Scheduler pass', async () => {
      const report = await runDueJobs();
      if (report.publishedArticleIds.length) log.info(`Scheduler published article(s) ${report.publishedArticleIds.join(', ')}`);
    }),
    // Apart from the jobs: moving the recent index's floor can take a minute on a big site the
    // first time, and scheduled stories must not wait for it.
    every(SEARCH_MAINTENANCE_INTERVAL_MS, 'Search index maintenance', () => rebalanceRecentIndex(prismaSearchConnection())),
  ];
  const scheduler = {
    stop() {
      for (const timer of timers) clearInterval(timer);
      delete holder[KEY];
    },
  };
  holder[KEY] = scheduler;
  return scheduler;
}
