/**
 * Periodic jobs (scheduled publishing, pruning, trash purge) that run exactly once per period
 * across all instances. Each job has a row in `JobLock` that is both its lease and its schedule:
 *  - an instance may start the job only while `expiresAt` has passed, and takes it by moving
 *    `expiresAt` forward in one conditional UPDATE (only one of several concurrent UPDATEs matches);
 *  - while the job runs, its holder renews the lease every `heartbeatMs`; if the holder dies, the
 *    lease lapses after `leaseMs` and another instance takes the job over;
 *  - when the job ends, `expiresAt` is set to the start plus the job's period, so no instance
 *    starts it again before it is due.
 * A table rather than PostgreSQL advisory locks: the lock must outlive a connection taken from
 * Prisma's pool, and the same code serves SQLite (one instance; writes go through `write()`).
 * Instances compare their own clocks with `expiresAt`: keep them in sync (NTP), leases are long.
 */
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Prisma, write } from './db';

export interface JobContext {
  /** When this run started (the instant scheduled publishing compares `publishAt` with). */
  now: Date;
  /** Aborted when the lease is lost or the instance shuts down: stop at the next safe point. */
  signal: AbortSignal;
}

export interface JobDefinition {
  name: string;
  everyMs: number;
  run(context: JobContext): Promise<unknown>;
}

const REGISTRY_KEY = Symbol.for('broadsheet.jobs.registry');
const RUNNER_KEY = Symbol.for('broadsheet.jobs.runner');
type Holder = { [REGISTRY_KEY]?: Map<string, JobDefinition>; [RUNNER_KEY]?: JobRunner };

function registry(): Map<string, JobDefinition> {
  const holder = globalThis as Holder;
  return (holder[REGISTRY_KEY] ??= new Map());
}

/** Registers (or replaces) a job by name; a running runner picks it up at its next tick. */
export function registerJob(job: JobDefinition): void {
  if (!(job.everyMs > 0)) throw new Error(`Job ${job.name}: everyMs must be positive`);
  registry().set(job.name, job);
}

export function registeredJobs(): JobDefinition[] {
  return [...registry().values()];
}

export interface JobRunnerOptions {
  /** Identifies this instance in `JobLock.holder`. */
  holder?: string;
  leaseMs?: number;
  heartbeatMs?: number;
  /** How often the runner looks for due jobs. */
  tickMs?: number;
  now?: () => Date;
  /** The jobs to run; defaults to the registry (read at every tick). */
  jobs?: () => JobDefinition[];
  log?: Pick<Console, 'info' | 'error'>;
}

export interface JobRunner {
  holder: string;
  /** Starts every due job this instance can take; resolves with their names once they finish. */
  tick(): Promise<string[]>;
  start(): void;
  /** Stops ticking, lets running jobs finish for up to `graceMs`, then aborts them and frees their leases. */
  stop(graceMs?: number): Promise<void>;
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002';
}

export function createJobRunner({
  holder = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
  leaseMs = 60_000,
  heartbeatMs = Math.floor(leaseMs / 3),
  tickMs = 5_000,
  now = () => new Date(),
  jobs = registeredJobs,
  log = console,
}: JobRunnerOptions = {}): JobRunner {
  const running = new Map<string, { done: Promise<void>; abort: AbortController }>();
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  // The tick taking locks right now, so stop() never closes the database under it.
  let ticking: Promise<unknown> = Promise.resolve();

  async function acquire(name: string, at: Date): Promise<boolean> {
    const expiresAt = new Date(at.getTime() + leaseMs);
    const taken = await write((tx) => tx.jobLock.updateMany({ where: { name, expiresAt: { lte: at } }, data: { holder, expiresAt } }));
    if (taken.count === 1) return true;
    try {
      await write((tx) => tx.jobLock.create({ data: { name, holder, expiresAt } }));
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  /** Moves our lease to `expiresAt`; false when another instance has taken the job meanwhile. */
  async function extend(name: string, expiresAt: Date): Promise<boolean> {
    const { count } = await write((tx) => tx.jobLock.updateMany({ where: { name, holder }, data: { expiresAt } }));
    return count === 1;
  }

  async function runJob(job: JobDefinition, startedAt: Date, abort: AbortController): Promise<void> {
    const heartbeat = setInterval(() => {
      extend(job.name, new Date(now().getTime() + leaseMs))
        .then((held) => {
          if (!held) abort.abort(new Error(`lease on ${job.name} was taken over`));
        })
        .catch((error: unknown) => log.error(`job ${job.name}: heartbeat failed: ${(error as Error).message}`));
    }, heartbeatMs);
    heartbeat.unref();
    let nextDue = new Date(startedAt.getTime() + job.everyMs);
    try {
      await job.run({ now: startedAt, signal: abort.signal });
    } catch (error) {
      log.error(`job ${job.name} failed: ${(error as Error).stack ?? error}`);
    } finally {
      clearInterval(heartbeat);
    }
    // Aborted by shutdown: let another instance take the job over at once.
    if (abort.signal.aborted && stopped) nextDue = now();
    await extend(job.name, nextDue).catch((error: unknown) => log.error(`job ${job.name}: could not record completion: ${(error as Error).message}`));
  }

  async function tick(): Promise<string[]> {
    if (stopped) return [];
    const started: Array<{ name: string; done: Promise<void> }> = [];
    for (const job of jobs()) {
      if (running.has(job.name)) continue;
      const at = now();
      let acquired: boolean;
      try {
        acquired = await acquire(job.name, at);
      } catch (error) {
        log.error(`job ${job.name}: could not take its lock: ${(error as Error).message}`);
        continue;
      }
      if (!acquired || stopped) continue;
      const abort = new AbortController();
      const done = runJob(job, at, abort).finally(() => running.delete(job.name));
      running.set(job.name, { done, abort });
      started.push({ name: job.name, done });
    }
    await Promise.all(started.map((s) => s.done));
    return started.map((s) => s.name);
  }

  return {
    holder,
    tick,
    start() {
      if (timer || stopped) return;
      const loop = () => {
        ticking = tick().catch((error: unknown) => log.error(`jobs: tick failed: ${(error as Error).message}`));
      };
      timer = setInterval(loop, tickMs);
      timer.unref();
      loop();
    },
    async stop(graceMs = 10_000) {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = undefined;
      const all = [...running.values()];
      const finished = Promise.all(all.map((r) => r.done));
      let graceTimer: NodeJS.Timeout | undefined;
      const grace = new Promise<void>((resolve) => (graceTimer = setTimeout(resolve, graceMs)));
      await Promise.race([finished, grace]);
      clearTimeout(graceTimer);
      for (const entry of running.values()) entry.abort.abort(new Error('shutting down'));
      await Promise.race([Promise.all([finished, ticking]), new Promise((r) => setTimeout(r, 1_000))]);
    },
  };
}

/** Starts this process's runner over the registered jobs (idempotent). */
export function startJobs(options?: JobRunnerOptions): JobRunner {
  const holder = globalThis as Holder;
  if (!holder[RUNNER_KEY]) {
    holder[RUNNER_KEY] = createJobRunner(options);
    holder[RUNNER_KEY].start();
  }
  return holder[RUNNER_KEY];
}

/** Stops the process's runner, letting running jobs finish (graceful shutdown). */
export async function stopJobs(graceMs?: number): Promise<void> {
  const holder = globalThis as Holder;
  const runner = holder[RUNNER_KEY];
  delete holder[RUNNER_KEY];
  await runner?.stop(graceMs);
}
