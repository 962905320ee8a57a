/**
 * What one running instance starts besides its HTTP server: with REDIS_URL the invalidation
 * bridge (so `invalidate` reaches every instance) and the shared login counters, without it the
 * journal that command-line tools write their invalidations to; and the periodic jobs, which run
 * once across all instances. Called from server.ts's `startServer`; stopped by lib/shutdown.ts.
 * Command-line tools call `connectToolInvalidation` so their writes reach running servers.
 */
import { setRateLimitStore } from './auth/rate-limit';
import { applyInvalidation, setInvalidationBroadcaster, setInvalidationCatchUp } from './cache-tags';
import { config } from './config';
import { dbProvider } from './db';
import { installInvalidationBridge, uninstallInvalidationBridge } from './invalidation-bridge';
import { appendToJournal, createJournalReader, journalPath } from './invalidation-journal';
import { registerJob, startJobs } from './jobs';
import { closeRedis, redis } from './redis';
import { createRedisRateLimitStore } from './shared-counters';

const MINUTE = 60 * 1000;
const HOUR = 60 * MINUTE;

export interface InstanceOptions {
  /** One scheduler pass (lib/scheduler.ts `runDueJobs`: due scheduled articles, expired sessions). */
  publishDue?: (now: Date) => Promise<unknown>;
  /** Off for tools that share the process with no wish to run jobs. */
  jobs?: boolean;
}

/**
 * Registers the periodic jobs by name; each runs once per period across all instances. The job
 * modules load here, not at import: they reach Next's request APIs, which must not load in
 * server.ts before Next is prepared.
 */
export async function registerPeriodicJobs({ publishDue }: Pick<InstanceOptions, 'publishDue'>): Promise<void> {
  const [{ SCHEDULER_INTERVAL_MS }, { purgeExpiredTrash }, { pruneViews }, { mergeSearchSegments }, { rebalanceRecentIndex }, { prismaSearchConnection }] = await Promise.all([
    import('./scheduler'),
    import('./trash'),
    import('./views'),
    import('./search/fts-merge'),
    import('./search/recent'),
    import('./search/reindex'),
  ]);
  if (publishDue) registerJob({ name: 'publish-scheduled', everyMs: SCHEDULER_INTERVAL_MS, run: ({ now }) => publishDue(now) });
  registerJob({ name: 'prune-view-buckets', everyMs: 6 * HOUR, run: ({ now }) => pruneViews(now.getTime()) });
  registerJob({ name: 'purge-trash', everyMs: HOUR, run: ({ now }) => purgeExpiredTrash(now) });
  // The SQLite search indexes' upkeep; PostgreSQL's needs none (GIN merges its own pending list).
  if (dbProvider() === 'sqlite') {
    // Renders share the thread the merge steps run on: the job takes half of it at most.
    registerJob({ name: 'merge-search-segments', everyMs: MINUTE, run: ({ signal }) => mergeSearchSegments(prismaSearchConnection(), { signal, rest: 1 }) });
    registerJob({ name: 'size-recent-search-index', everyMs: 10 * MINUTE, run: ({ signal }) => rebalanceRecentIndex(prismaSearchConnection(), { signal }) });
  }
}

export async function startInstance({ publishDue, jobs = true }: InstanceOptions = {}): Promise<void> {
  const { REDIS_URL, JOB_LEASE_SECONDS } = config();
  const client = redis();
  if (client && REDIS_URL) {
    setRateLimitStore(createRedisRateLimitStore(client));
    const bridge = installInvalidationBridge(client, REDIS_URL);
    // Serve even while Redis is down (readiness reports it); the subscription follows when it is back.
    await Promise.race([bridge.subscribed, new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
  } else {
    setInvalidationCatchUp(createJournalReader(journalPath(), (tags) => void applyInvalidation(tags), { reset: true, watch: true }).catchUp);
  }
  if (!jobs) return;
  await registerPeriodicJobs({ publishDue });
  // With the default 30 s lease a dead instance's scheduled publishing is taken over well within a minute.
  startJobs({ leaseMs: JOB_LEASE_SECONDS * 1000, tickMs: 5_000 });
}

/**
 * Makes a command-line tool's `invalidate` reach the servers that are running: through the Redis
 * bridge with REDIS_URL, otherwise through the journal the server on this machine follows
 * (ADR 018). Returns the function that disconnects again (call it before exiting).
 */
export async function connectToolInvalidation(): Promise<() => Promise<void>> {
  const { REDIS_URL } = config();
  const client = redis();
  if (client && REDIS_URL) {
    installInvalidationBridge(client, REDIS_URL);
    return async () => {
      await uninstallInvalidationBridge();
      await closeRedis();
    };
  }
  const path = journalPath();
  setInvalidationBroadcaster((tags) =>
    appendToJournal(tags, path).catch((error: unknown) => {
      // The writes are committed; only a running server's cache is behind until it restarts.
      console.warn(`Could not tell a running server what changed (${(error as Error).message}); restart it to see the changes at once.`);
    }),
  );
  return async () => setInvalidationBroadcaster(undefined);
}
