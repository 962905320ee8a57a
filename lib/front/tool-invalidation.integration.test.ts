// A running server without Redis, and the WordPress importer run beside it as its own process:
// what the import publishes is on the server's very next request, with no restart (ADR 018).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server';
import { db } from '../db';
import { ensureProductionBuild } from '../testing/server-process';

const run = promisify(execFile);
// One instance on its own: the journal, not the Redis bridge, carries the tool's invalidations.
delete process.env.REDIS_URL;

let running: RunningServer;
const get = (path: string) => fetch(running.url + path, { redirect: 'manual' });

beforeAll(async () => {
  Object.assign(process.env, { NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' });
  await ensureProductionBuild();
  const { startServer } = await import('../../server');
  running = await startServer({ port: 0, hostname: '127.0.0.1' });
}, 600_000);

afterAll(async () => {
  await running?.close();
});

describe('a command-line import reaching a running server without Redis', () => {
  it('replaces cached pages — a 404, the home page, an old URL — on the next request after the import', async () => {
    const story = '/news/election-night';
    // Readers asked before the import: the server has these answers in its cache.
    for (let i = 0; i < 2; i += 1) expect((await get(story)).status).toBe(404);
    expect((await get(story)).headers.get('x-cache')).toBe('HIT');
    await get('/');
    const home = await get('/');
    expect(home.headers.get('x-cache')).toBe('HIT');
    expect(await home.text()).not.toContain(`href="${story}"`);
    expect((await get('/2024/05/election-night')).status).toBe(404);

    // The import runs as an operator would start it, in a process of its own.
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/import-wordpress.ts', 'lib/import/fixtures/newsroom.xml'], {
      env: { ...process.env, REDIS_URL: '' },
      maxBuffer: 16 * 1024 * 1024,
    });
    expect(stdout).toMatch(/articles/i);
    const imported = await db().article.findFirstOrThrow({ where: { legacyId: 200 }, select: { slug: true, topSection: { select: { slug: true } } } });
    expect(`/${imported.topSection.slug}/${imported.slug}`).toBe(story);

    const after = await get(story);
    expect(after.status).toBe(200);
    expect(await after.text()).toContain('Election night: turnout &amp; tension');
    expect(await (await get('/')).text()).toContain(`href="${story}"`);
    const old = await get('/2024/05/election-night');
    expect(old.status).toBe(301);
    expect(old.headers.get('location')).toMatch(new RegExp(`${story}$`));
  });
});
