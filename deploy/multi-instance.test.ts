// Two production instances (ports 3108 and 3109) behind nginx (3190), sharing PostgreSQL and
// Redis, installed by deploy/install.sh in its local mode: what an operator gets from the README.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publishArticle, scheduleArticle, unpublishArticle } from '../lib/article-workflow';
import type { Actor } from '../lib/auth/actor';
import { db, write } from '../lib/db';
import { installInvalidationBridge, uninstallInvalidationBridge } from '../lib/invalidation-bridge';
import { createRedisConnection, type Redis } from '../lib/redis';
import { testRedisUrl } from '../lib/testing/redis';

const run = promisify(execFile);
const enabled = Boolean(process.env.TEST_DATABASE_URL);
if (!enabled) console.warn('deploy/multi-instance.test.ts skipped: set TEST_DATABASE_URL=postgres://… to run two instances on PostgreSQL and Redis.');

const A = 'http://127.0.0.1:3108';
const B = 'http://127.0.0.1:3109';
const NGINX = 'http://127.0.0.1:3190';
// A Redis database of its own, emptied first, so counters from earlier runs cannot interfere.
const redisUrl = `${testRedisUrl().replace(/\/\d*$/, '')}/3`;
const local = mkdtempSync(join(tmpdir(), 'broadsheet-cluster-'));
const bin = (name: string) => join(local, 'bin', name);
let redis: Redis;
let editor: Actor;

function get(base: string, path: string, init?: RequestInit) {
  return fetch(base + path, { redirect: 'manual', ...init });
}

async function text(base: string, path: string): Promise<{ status: number; body: string }> {
  const response = await get(base, path);
  return { status: response.status, body: await response.text() };
}

async function liveArticles(take: number, skip = 0): Promise<Array<{ id: number; path: string; headline: string }>> {
  const rows = await db().article.findMany({
    where: { publicationState: 'published', deletedAt: null },
    orderBy: { id: 'asc' },
    skip,
    take,
    select: { id: true, slug: true, headline: true, topSection: { select: { slug: true } } },
  });
  return rows.map((row) => ({ id: row.id, path: `/${row.topSection.slug}/${row.slug}`, headline: row.headline }));
}

const livePath = async () => (await liveArticles(1))[0]!;

function instancePid(port: number): number {
  return Number(readFileSync(join(local, 'run', `instance-${port}.pid`), 'utf8'));
}

describe.skipIf(!enabled)('two production instances sharing PostgreSQL and Redis', () => {
  beforeAll(async () => {
    redis = createRedisConnection(redisUrl);
    await redis.flushdb();
    mkdirSync(join(local, 'etc'), { recursive: true });
    // Short job leases so a killed instance's scheduled publishing is taken over within seconds.
    writeFileSync(
      join(local, 'etc/broadsheet.env'),
      [`DATABASE_URL=${process.env.DATABASE_URL}`, `REDIS_URL=${redisUrl}`, `SITE_URL=${NGINX}`, `MEDIA_DIR=${join(local, 'media')}`, 'JOB_LEASE_SECONDS=5', ''].join('\n'),
    );
    try {
      await run(
        'bash',
        ['deploy/install.sh', '--local', local, '--instances', '2', '--first-port', '3108', '--listen', '3190', '--demo', '80', '--database-url', process.env.DATABASE_URL!, '--redis-url', redisUrl],
        { maxBuffer: 64 * 1024 * 1024 },
      );
    } catch (error) {
      const { stdout, stderr } = error as { stdout: string; stderr: string };
      throw new Error(`install.sh failed:\n${stdout.slice(-4000)}\n${stderr.slice(-4000)}`);
    }
    // The test process is the newsroom's write path (the admin's article screens are not built
    // yet): its lib/ calls invalidate through Redis exactly as an instance's server actions do.
    installInvalidationBridge(redis, redisUrl);
    const user = await write((tx) => tx.user.create({ data: { email: 'night-editor@example.org', name: 'Night Editor', role: 'editor' } }));
    editor = { userId: user.id, role: 'editor', name: user.name, email: user.email, personId: null };
  }, 900_000);

  afterAll(async () => {
    await run(bin('stop-all'), []).catch(() => undefined);
    await uninstallInvalidationBridge();
    await redis?.quit();
    rmSync(local, { recursive: true, force: true });
  }, 60_000);

  it('answers ready on both instances and through nginx', async () => {
    for (const base of [A, B, NGINX]) {
      const response = await get(base, '/api/ready');
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ ready: true, checks: { database: true, migrations: true, redis: true } });
    }
  });

  it('serves a publication on both instances’ next request, and 410 on both after unpublishing', async () => {
    const article = await livePath();
    await unpublishArticle(editor, article.id);
    // Both instances now hold the 410 for it; read twice so the answer comes from their caches.
    for (const base of [A, B, A, B]) expect((await get(base, article.path)).status).toBe(410);

    await publishArticle(editor, article.id);
    const onB = await text(B, article.path);
    expect(onB.status).toBe(200);
    expect(onB.body).toContain(article.headline);
    expect((await text(A, article.path)).status).toBe(200);
    // Cached again on both…
    expect((await get(A, article.path)).headers.get('x-cache')).toBe('HIT');
    expect((await get(B, article.path)).headers.get('x-cache')).toBe('HIT');

    await unpublishArticle(editor, article.id);
    // …and gone from both on the very next request.
    expect((await get(A, article.path)).status).toBe(410);
    expect((await get(B, article.path)).status).toBe(410);
    await publishArticle(editor, article.id);
  });

  it('publishes every scheduled article exactly once, even when the instance running the job is killed mid-run', async () => {
    const batch = await liveArticles(40, 5);
    for (const article of batch) await unpublishArticle(editor, article.id);
    // All due at one moment shortly after the last one is scheduled (the editor's clock said "in a minute").
    const at = new Date(Date.now() + 1_000);
    for (const article of batch) await scheduleArticle(editor, article.id, at, new Date(at.getTime() - 60_000));
    const ids = batch.map((a) => a.id);
    const published = () => db().article.count({ where: { id: { in: ids }, publicationState: 'published' } });

    // Wait until one instance is part-way through the batch, then kill it without warning.
    await expect.poll(published, { timeout: 60_000, interval: 50 }).toBeGreaterThan(0);
    const lock = await db().jobLock.findUniqueOrThrow({ where: { name: 'publish-scheduled' } });
    const holderPid = Number(lock.holder.split(':')[1]);
    const victim = [3108, 3109].find((port) => instancePid(port) === holderPid);
    expect(victim, `the job's holder ${lock.holder} is one of the instances`).toBeDefined();
    const beforeKill = await published();
    process.kill(holderPid, 'SIGKILL');
    console.log(`killed the instance on port ${victim} after ${beforeKill} of ${ids.length} scheduled articles were published`);
    expect(beforeKill).toBeLessThan(ids.length);

    // The survivor takes the job over once the lease (5 s here) lapses.
    await expect.poll(published, { timeout: 90_000, interval: 250 }).toBe(ids.length);
    const publications = await db().revision.groupBy({ by: ['articleId'], where: { articleId: { in: ids }, kind: 'publish', createdAt: { gte: new Date(at.getTime() - 1_000) } }, _count: true });
    expect(publications.map((p) => p._count)).toEqual(ids.map(() => 1));
    const survivor = victim === 3108 ? B : A;
    for (const article of batch.slice(0, 3)) expect((await get(survivor, article.path)).status).toBe(200);

    await run(bin('start-instance'), [String(victim)]);
    await expect.poll(async () => (await get(victim === 3108 ? A : B, '/api/ready').catch(() => null))?.status, { timeout: 90_000, interval: 250 }).toBe(200);
  }, 240_000);

  it('keeps answering through nginx with zero errors while one instance restarts', async () => {
    const article = await livePath();
    const paths = ['/', article.path, '/api/health'];
    const outcome = { ok: 0, failed: [] as string[] };
    let running = true;
    const worker = async (n: number) => {
      for (let i = 0; running; i++) {
        // Half the requests carry a query nginx has not cached, so they reach an instance.
        const path = `${paths[(n + i) % paths.length]}${i % 2 ? `?r=${n}-${i}` : ''}`;
        try {
          const response = await get(NGINX, path);
          await response.arrayBuffer();
          if (response.status === 200) outcome.ok++;
          else outcome.failed.push(`${response.status} ${path}`);
        } catch (error) {
          outcome.failed.push(`${(error as Error).message} ${path}`);
        }
      }
    };
    const load = Promise.all(Array.from({ length: 6 }, (_, n) => worker(n)));
    await new Promise((r) => setTimeout(r, 1_000));
    await run(bin('stop-instance'), ['3109']);
    await run(bin('start-instance'), ['3109']);
    await expect.poll(async () => (await get(B, '/api/ready').catch(() => null))?.status, { timeout: 60_000, interval: 250 }).toBe(200);
    await new Promise((r) => setTimeout(r, 1_000));
    running = false;
    await load;

    console.log(`load through nginx during a restart: ${outcome.ok} responses, ${outcome.failed.length} errors`);
    expect(outcome.failed).toEqual([]);
    // A loaded machine renders slowly; what matters is that requests flowed and none failed.
    expect(outcome.ok).toBeGreaterThan(20);
    expect(readFileSync(join(local, 'log/instance-3109.log'), 'utf8')).toContain('SIGTERM: finishing in-flight requests');
  }, 120_000);
});
