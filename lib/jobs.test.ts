import { describe, expect, it } from 'vitest';
import { db } from './db';
import { createJobRunner, type JobDefinition } from './jobs';

const silent = { info: () => undefined, error: () => undefined };

/** A clock both "instances" read, moved by the test. */
function sharedClock(start = Date.parse('2026-11-29T09:00:00Z')) {
  let t = start;
  return { now: () => new Date(t), advance: (ms: number) => (t += ms) };
}

function counting(name: string, everyMs: number, work: (signal: AbortSignal) => Promise<void> = async () => undefined) {
  const runs: Date[] = [];
  const job: JobDefinition = {
    name,
    everyMs,
    async run({ now, signal }) {
      runs.push(now);
      await work(signal);
    },
  };
  return { job, runs };
}

describe('periodic jobs across instances', () => {
  it('runs a due job exactly once when two instances tick at the same moment, then once per period', async () => {
    const clock = sharedClock();
    // Slow enough that both runners are inside tick() together.
    const { job, runs } = counting('prune-sessions', 60_000, () => new Promise((r) => setTimeout(r, 50)));
    const a = createJobRunner({ holder: 'a', now: clock.now, jobs: () => [job], log: silent });
    const b = createJobRunner({ holder: 'b', now: clock.now, jobs: () => [job], log: silent });

    const [ranA, ranB] = await Promise.all([a.tick(), b.tick()]);
    expect(runs).toHaveLength(1);
    expect([...ranA, ...ranB]).toEqual(['prune-sessions']);

    // Not due yet: neither instance runs it again, even though the first run has ended.
    clock.advance(59_000);
    await Promise.all([a.tick(), b.tick(), a.tick()]);
    expect(runs).toHaveLength(1);

    clock.advance(1_000);
    await Promise.all([b.tick(), a.tick()]);
    expect(runs).toHaveLength(2);
    const lock = await db().jobLock.findUnique({ where: { name: 'prune-sessions' } });
    expect(lock?.expiresAt.getTime()).toBe(runs[1]!.getTime() + 60_000);
  });

  it('hands a job to another instance once the holder dies and its lease lapses', async () => {
    const clock = sharedClock();
    let releaseDead!: () => void;
    const { job, runs } = counting('publish-scheduled', 15_000, (signal) =>
      runs.length === 1
        ? new Promise<void>((resolve) => {
            // The first holder "dies" mid-run: it never finishes and never renews its lease.
            releaseDead = resolve;
            signal.addEventListener('abort', () => resolve());
          })
        : Promise.resolve(),
    );
    const dead = createJobRunner({ holder: 'dead', now: clock.now, leaseMs: 30_000, heartbeatMs: 3_600_000, jobs: () => [job], log: silent });
    const survivor = createJobRunner({ holder: 'survivor', now: clock.now, leaseMs: 30_000, jobs: () => [job], log: silent });

    void dead.tick();
    await expect.poll(() => runs.length).toBe(1);

    clock.advance(20_000); // due again by its period, but the lease is still held
    expect(await survivor.tick()).toEqual([]);

    clock.advance(10_001); // the lease has lapsed
    expect(await survivor.tick()).toEqual(['publish-scheduled']);
    expect(runs).toHaveLength(2);
    expect((await db().jobLock.findUnique({ where: { name: 'publish-scheduled' } }))?.holder).toBe('survivor');

    releaseDead();
    await dead.stop(0);
  });

  it('aborts a job whose lease was taken over, and frees the lease of a job stopped by shutdown', async () => {
    const clock = sharedClock();
    let sawAbort = false;
    const { job } = counting('purge-trash', 3_600_000, (signal) =>
      new Promise<void>((resolve) =>
        signal.addEventListener('abort', () => {
          sawAbort = true;
          resolve();
        }),
      ),
    );
    const runner = createJobRunner({ holder: 'stopping', now: clock.now, jobs: () => [job], log: silent });
    void runner.tick();
    await expect.poll(async () => (await db().jobLock.findUnique({ where: { name: 'purge-trash' } }))?.holder).toBe('stopping');

    await runner.stop(50);

    expect(sawAbort).toBe(true);
    const lock = await db().jobLock.findUnique({ where: { name: 'purge-trash' } });
    expect(lock!.expiresAt.getTime()).toBeLessThanOrEqual(clock.now().getTime());
    const next = createJobRunner({ holder: 'next', now: clock.now, jobs: () => [{ ...job, run: async () => undefined }], log: silent });
    expect(await next.tick()).toEqual(['purge-trash']);
  });
});
