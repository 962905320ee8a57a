/**
 * Graceful shutdown on SIGTERM (systemd stop, a rolling restart): report not ready so balancers
 * stop choosing this instance, stop accepting connections, let in-flight requests finish (up to a
 * grace period), let running jobs finish or hand them over, then close Redis and the database.
 */
import type { Server } from 'node:http';
import { closeGracefully } from './close-gracefully';
import { disconnect } from './db';
import { uninstallInvalidationBridge } from './invalidation-bridge';
import { stopJobs } from './jobs';
import { closeRedis } from './redis';

const KEY = Symbol.for('broadsheet.shutdown');
type Holder = { [KEY]?: { shuttingDown: boolean } };

function state() {
  const holder = globalThis as Holder;
  return (holder[KEY] ??= { shuttingDown: false });
}

/** True once shutdown has begun; `/api/ready` then answers 503. */
export function isShuttingDown(): boolean {
  return state().shuttingDown;
}

/** From now on `/api/ready` answers 503, so balancers stop choosing this instance. */
export function beginShutdown(): void {
  state().shuttingDown = true;
}

/**
 * Reports not ready, stops accepting connections and resolves once every in-flight request has
 * been answered, or after `graceMs`, when the remaining connections are cut.
 */
export async function drainServer(server: Server, graceMs = 10_000): Promise<void> {
  beginShutdown();
  await closeGracefully(server, graceMs);
}

/** Stops this instance's background work and closes its connections (jobs, Redis, database). */
export async function stopInstance(graceMs = 10_000): Promise<void> {
  state().shuttingDown = true;
  await stopJobs(graceMs);
  await uninstallInvalidationBridge();
  await closeRedis();
  await disconnect();
}

/** The whole sequence: drain HTTP, then stop jobs and close connections. */
export async function gracefulShutdown(server: Server, graceMs = 10_000): Promise<void> {
  await drainServer(server, graceMs);
  await stopInstance(graceMs);
}

/**
 * Runs `shutdown` on SIGTERM or SIGINT and exits when it is done; a second signal exits at once.
 * For entry points only (server.ts, scripts/start.ts): a test harness keeps its own handlers.
 */
export function exitOnSignals(shutdown: () => Promise<void>, log: Pick<Console, 'info' | 'error'> = console): void {
  let started = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (started) process.exit(1);
    started = true;
    log.info(`${signal}: finishing in-flight requests, then stopping`);
    shutdown().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error(`shutdown failed: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}
