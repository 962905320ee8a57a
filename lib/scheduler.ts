/**
 * Background work that runs outside any request: publishing scheduled articles (within a minute of
 * their time, catching up after downtime since it publishes everything already due), purging
 * expired sessions and emptying the trash of items older than 30 days. `runDueJobs` is one pass;
 * the server runs it as the periodic job `publish-scheduled` (lib/instance.ts). Each part is safe
 * to run concurrently with itself (publishDueArticles claims each article atomically); the job's
 * lease only saves duplicate work.
 */
import { publishDueArticles } from './article-workflow';
import { purgeExpiredSessions } from './auth/session';
import { purgeExpiredTrash } from './trash';

export const SCHEDULER_INTERVAL_MS = 15_000;

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
