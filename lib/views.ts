/**
 * Article views, write side (DESIGN §5): counted in hourly buckets so "most read" is a rolling
 * window. Beacons are added up in memory and written in one short transaction every few seconds;
 * bots are ignored and each address may count only so many views a minute. No cookies.
 */
import { db, write } from './db';

/** User agents that are not readers: crawlers, link previews, monitors, scripts. */
const BOT = /bot|crawl|spider|slurp|archiver|facebookexternalhit|embedly|preview|headless|lighthouse|pingdom|uptime|monitor|curl|wget|python|httpclient|okhttp|java\/|go-http|node-fetch|axios|libwww|scrapy/i;

export const VIEW_RETENTION_DAYS = 90;
const HOUR_MS = 3_600_000;
const FLUSH_MS = 5_000;
/** Views one address may count per minute; a reader opening stories in tabs stays well below. */
const PER_IP_PER_MINUTE = 30;

export function isBot(userAgent: string | undefined): boolean {
  return !userAgent || BOT.test(userAgent);
}

export function hourOf(at: number): Date {
  return new Date(Math.floor(at / HOUR_MS) * HOUR_MS);
}

interface ViewState {
  /** `${articleId}:${hourMs}` → count */
  pending: Map<string, number>;
  /** address → views counted in the current minute */
  perIp: Map<string, number>;
  minute: number;
  timer?: NodeJS.Timeout;
  flushing?: Promise<void>;
  lastPrune: number;
}

// Shared through globalThis: server.ts and the Next bundle may both load this module (DESIGN §8.8).
const KEY = Symbol.for('broadsheet.views');
type Holder = { [KEY]?: ViewState };

function state(): ViewState {
  const holder = globalThis as Holder;
  return (holder[KEY] ??= { pending: new Map(), perIp: new Map(), minute: 0, lastPrune: 0 });
}

export type ViewOutcome = 'counted' | 'bot' | 'limited';

/** Counts one view of `articleId` (validated by the caller) unless it comes from a bot or a busy address. */
export function recordView({ articleId, userAgent, ip, now = Date.now() }: { articleId: number; userAgent?: string; ip: string; now?: number }): ViewOutcome {
  if (isBot(userAgent)) return 'bot';
  const s = state();
  const minute = Math.floor(now / 60_000);
  if (minute !== s.minute) {
    s.minute = minute;
    s.perIp.clear();
  }
  const used = s.perIp.get(ip) ?? 0;
  if (used >= PER_IP_PER_MINUTE) return 'limited';
  s.perIp.set(ip, used + 1);

  const key = `${articleId}:${hourOf(now).getTime()}`;
  s.pending.set(key, (s.pending.get(key) ?? 0) + 1);
  s.timer ??= setTimeout(() => void flushViews().catch((error: unknown) => console.error('Writing view counts failed:', error)), FLUSH_MS);
  s.timer.unref();
  return 'counted';
}

/**
 * Writes the pending counts: one transaction adding to each (article, hour) bucket. Views of
 * articles that do not exist or are not live are dropped. Prunes old buckets at most hourly.
 */
export async function flushViews(now = Date.now()): Promise<void> {
  const s = state();
  clearTimeout(s.timer);
  s.timer = undefined;
  await s.flushing;
  if (s.pending.size === 0) return;
  const batch = s.pending;
  s.pending = new Map();
  s.flushing = (async () => {
    const counts = [...batch].map(([key, count]) => {
      const [articleId, hour] = key.split(':').map(Number) as [number, number];
      return { articleId, hour: new Date(hour), count };
    });
    const ids = [...new Set(counts.map((c) => c.articleId))];
    const live = await db().article.findMany({
      where: { id: { in: ids }, publicationState: 'published', deletedAt: null },
      select: { id: true },
    });
    const liveIds = new Set(live.map((row) => row.id));
    const rows = counts.filter((c) => liveIds.has(c.articleId));
    if (rows.length) {
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
