/**
 * What one running instance starts besides its HTTP server: with REDIS_URL the invalidation
 * bridge (so `invalidate` reaches every instance) and the shared login counters, and the periodic
 * jobs, which run once across all instances. Called from server.ts's `startServer`; stopped by
 * lib/shutdown.ts.
 */
import { setRateLimitStore } from './auth/rate-limit';
import { config } from './config';
import { installInvalidationBridge } from './invalidation-bridge';
import { registerJob, startJobs } from './jobs';
import { redis } from './redis';
import { createRedisRateLimitStore } from './shared-counters';

const HOUR = 60 * 60 * 1000;

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
  const [{ SCHEDULER_INTERVAL_MS }, { purgeExpiredTrash }, { pruneViews }] = await Promise.all([import('./scheduler'), import('./trash'), import('./views')]);
  if (publishDue) registerJob({ name: 'publish-scheduled', everyMs: SCHEDULER_INTERVAL_MS, run: ({ now }) => publishDue(now) });
  registerJob({ name: 'prune-view-buckets', everyMs: 6 * HOUR, run: ({ now }) => pruneViews(now.getTime()) });
  registerJob({ name: 'purge-trash', everyMs: HOUR, run: ({ now }) => purgeExpiredTrash(now) });
}

export async function startInstance({ publishDue, jobs = true }: InstanceOptions = {}): Promise<void> {
  const { REDIS_URL, JOB_LEASE_SECONDS } = config();
  const client = redis();
  if (client && REDIS_URL) {
    setRateLimitStore(createRedisRateLimitStore(client));
    const bridge = installInvalidationBridge(client, REDIS_URL);
    // Serve even while Redis is down (readiness reports it); the subscription follows when it is back.
    await Promise.race([bridge.subscribed, new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
  }
  if (!jobs) return;
  await registerPeriodicJobs({ publishDue });
  // With the default 30 s lease a dead instance's scheduled publishing is taken over well within a minute.
  startJobs({ leaseMs: JOB_LEASE_SECONDS * 1000, tickMs: 5_000 });
}
