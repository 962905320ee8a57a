/**
 * What one running instance starts besides its HTTP server: with REDIS_URL the invalidation
 * bridge (so `invalidate` reaches every instance), and the periodic jobs, which run once across
 * all instances. Called from server.ts's `startServer`; stopped by lib/shutdown.ts.
 */
import { config } from './config';
import { installInvalidationBridge } from './invalidation-bridge';
import { startJobs } from './jobs';
import { registerMaintenanceJobs, registerScheduledPublishing, type PublishDue } from './maintenance';
import { redis } from './redis';

export interface InstanceOptions {
  /** Publishes due scheduled articles (the newsroom's `runDueJobs`). */
  publishDue?: PublishDue;
  /** Off for tools that share the process with no wish to run jobs. */
  jobs?: boolean;
}

export async function startInstance({ publishDue, jobs = true }: InstanceOptions = {}): Promise<void> {
  const { REDIS_URL } = config();
  const client = redis();
  if (client && REDIS_URL) {
    const bridge = installInvalidationBridge(client, REDIS_URL);
    // Serve even while Redis is down (readiness reports it); the subscription follows when it is back.
    await Promise.race([bridge.subscribed, new Promise((resolve) => setTimeout(resolve, 2_000).unref())]);
  }
  if (!jobs) return;
  registerMaintenanceJobs();
  if (publishDue) registerScheduledPublishing(publishDue);
  // With the default 30 s lease a dead instance's scheduled publishing is taken over well within a minute.
  startJobs({ leaseMs: config().JOB_LEASE_SECONDS * 1000, tickMs: 5_000 });
}
