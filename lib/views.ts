/**
 * Article views, write side (DESIGN §5): counted in hourly buckets so "most read" is a rolling
 * window. Bots are ignored and each address may count only so many views a minute; counted views
 * are tallied and written in one short transaction every few seconds. No cookies.
 *
 * The per-address limit and the tally live in lib/shared-counters.ts: in memory on one instance,
 * in Redis with REDIS_URL. With several instances an address gets one allowance across all of
 * them, and views wait in Redis rather than in one instance's memory: whichever instance flushes
 * next writes everybody's, and an instance that dies takes no views with it.
 */
import { db, write } from './db';
import { isLiveArticle, liveStateSelect } from './live-article';
import { sharedCounters } from './shared-counters';

/** User agents that are not readers: crawlers, link previews, monitors, scripts. */
const BOT = /bot|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview|headless|lighthouse|pingdom|uptime|monitor|curl|wget|python|httpclient|okhttp|java\/|go-http|node-fetch|axios|libwww|scrapy/i;

export const VIEW_RETENTION_DAYS = 90;
const HOUR_MS = 3_600_000;
const FLUSH_MS = 5_000;
/** Views one address may count per minute; a reader opening stories in tabs stays well below. */
export const VIEWS_PER_IP_PER_MINUTE = 30;
/** The shared tally of counted views not yet written: field `${articleId}:${hourMs}` → count. */
const TALLY = 'views';

export function isBot(userAgent: string | undefined): boolean {
  return !userAgent || BOT.test(userAgent);
}

export function hourOf(at: number): Date {
  return new Date(Math.floor(at / HOUR_MS) * HOUR_MS);
}

interface ViewState {
  timer?: NodeJS.Timeout;
  flushing?: Promise<void>;
  lastPrune: number;
}

// Shared through globalThis: server.ts and the Next bundle may both load this module (DESIGN §8.8).
const KEY = Symbol.for('broadsheet.views');
type Holder = { [KEY]?: ViewState };

function state(): ViewState {
  const holder = globalThis as Holder;
  return (holder[KEY] ??= { lastPrune: 0 });
}

export type ViewOutcome = 'counted' | 'bot' | 'limited';

/** Counts one view of `articleId` (validated by the caller) unless it comes from a bot or a busy address. */
export async function recordView({ articleId, userAgent, ip, now = Date.now() }: { articleId: number; userAgent?: string; ip: string; now?: number }): Promise<ViewOutcome> {
  if (isBot(userAgent)) return 'bot';
  const counters = sharedCounters();
  // One window per calendar minute, so every instance agrees on when an address's allowance renews.
  const minute = Math.floor(now / 60_000);
  const { count } = await counters.hit(`views:ip:${ip}:${minute}`, 60_000);
  if (count > VIEWS_PER_IP_PER_MINUTE) return 'limited';
  await counters.add(TALLY, `${articleId}:${hourOf(now).getTime()}`);
  const s = state();
  s.timer ??= setTimeout(() => void flushViews().catch((error: unknown) => console.error('Writing view counts failed:', error)), FLUSH_MS);
  s.timer.unref();
  return 'counted';
}

/**
 * Writes the tallied counts (this instance's and, with Redis, every other's): one transaction
 * adding to each (article, hour) bucket. Views of articles that do not exist or are not live are
 * dropped. If the write fails the counts go back into the tally for the next flush. Prunes old
 * buckets at most hourly.
 */
export async function flushViews(now = Date.now()): Promise<void> {
  const s = state();
  clearTimeout(s.timer);
  s.timer = undefined;
  await s.flushing;
  s.flushing = (async () => {
    const counters = sharedCounters();
    const batch = await counters.drain(TALLY);
    if (batch.size > 0) {
      try {
        await writeBuckets(batch);
      } catch (error) {
        for (const [field, count] of batch) await counters.add(TALLY, field, count);
        throw error;
      }
    }
    if (now - s.lastPrune >= HOUR_MS) {
      s.lastPrune = now;
      await pruneViews(now);
    }
  })();
  try {
    await s.flushing;
  } finally {
    s.flushing = undefined;
  }
}

async function writeBuckets(batch: Map<string, number>): Promise<void> {
  const counts = [...batch].map(([field, count]) => {
    const [articleId, hour] = field.split(':').map(Number) as [number, number];
    return { articleId, hour: new Date(hour), count };
  });
  const ids = [...new Set(counts.map((c) => c.articleId))];
  const found = await db().article.findMany({ where: { id: { in: ids } }, select: { id: true, ...liveStateSelect } });
  const liveIds = new Set(found.filter(isLiveArticle).map((row) => row.id));
  const rows = counts.filter((c) => liveIds.has(c.articleId));
  if (rows.length === 0) return;
  await write(async (tx) => {
    for (const { articleId, hour, count } of rows) {
      await tx.viewBucket.upsert({
        where: { articleId_hour: { articleId, hour } },
        create: { articleId, hour, count },
        update: { count: { increment: count } },
      });
    }
  });
}

/** Deletes buckets older than the retention window; returns how many went. */
export async function pruneViews(now = Date.now()): Promise<number> {
  const cutoff = new Date(hourOf(now).getTime() - VIEW_RETENTION_DAYS * 24 * HOUR_MS);
  const { count } = await write((tx) => tx.viewBucket.deleteMany({ where: { hour: { lt: cutoff } } }));
  return count;
}

/** The URL of the no-JavaScript view pixel for an article page (`<noscript><img src=…></noscript>`). */
export function viewPixelPath(articleId: number): string {
  return `/api/views?a=${articleId}`;
}
