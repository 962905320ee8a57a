// Two production instances (ports 3108 and 3109) behind nginx (3190), sharing PostgreSQL and
// Redis, installed by deploy/install.sh in its local mode: what an operator gets from the README.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invalidate, tags } from '../lib/cache-tags';
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

function get(base: string, path: string, init?: RequestInit) {
  return fetch(base + path, { redirect: 'manual', ...init });
}

async function text(base: string, path: string): Promise<{ status: number; body: string }> {
  const response = await get(base, path);
  return { status: response.status, body: await response.text() };
}

async function livePath(): Promise<{ id: number; path: string; headline: string }> {
  const row = await db().article.findFirstOrThrow({
    where: { publicationState: 'published', deletedAt: null },
    orderBy: { publishedAt: 'desc' },
    select: { id: true, slug: true, headline: true, topSection: { select: { slug: true } } },
  });
  return { id: row.id, path: `/${row.topSection.slug}/${row.slug}`, headline: row.headline };
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
        ['deploy/install.sh', '--local', local, '--instances', '2', '--first-port', '3108', '--listen', '3190', '--demo', '40', '--database-url', process.env.DATABASE_URL!, '--redis-url', redisUrl],
        { maxBuffer: 64 * 1024 * 1024 },
      );
    } catch (error) {
      const { stdout, stderr } = error as { stdout: string; stderr: string };
      throw new Error(`install.sh failed:\n${stdout.slice(-4000)}\n${stderr.slice(-4000)}`);
    }
    // The test process writes like a CLI tool would: its invalidations go through Redis too.
    installInvalidationBridge(redis, redisUrl);
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

  it('shows a change written through one instance on the other’s next request', async () => {
    const article = await livePath();
    expect((await text(A, article.path)).body).toContain(article.headline);
    expect((await text(B, article.path)).body).toContain(article.headline);

    const corrected = `${article.headline} (corrected ${Date.now()})`;
    await write((tx) => tx.article.update({ where: { id: article.id }, data: { headline: corrected } }));
    await invalidate([tags.article(article.id)]);

    expect((await text(B, article.path)).body).toContain(corrected);
    expect((await text(A, article.path)).body).toContain(corrected);
  });

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
    expect(outcome.ok).toBeGreaterThan(50);
    expect(readFileSync(join(local, 'log/instance-3109.log'), 'utf8')).toContain('SIGTERM: finishing in-flight requests');
  }, 120_000);
});
