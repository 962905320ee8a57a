// The real server (server.ts + Next production build) against this file's scratch database: what
// a reader and an editor notice about caching, invalidation, redirects and headers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server';
import { invalidate, tags } from '../cache-tags';
import { db, write } from '../db';
import { recordGone } from '../redirects';
import { seedDemo } from '../seed';
import { SESSION_COOKIE } from '../session-cookie';
import { THEME_SNIPPET } from '../theme-snippet';
import { ensureProductionBuild } from '../testing/server-process';

let running: RunningServer;
let article: { id: number; path: string; headline: string };
let other: { id: number; path: string };

async function listen(): Promise<RunningServer> {
  const { startServer } = await import('../../server');
  try {
    return await startServer({ port: Number(process.env.FRONT_TEST_PORT ?? 3102), hostname: '127.0.0.1' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    return startServer({ port: 0, hostname: '127.0.0.1' });
  }
}

beforeAll(async () => {
  Object.assign(process.env, { NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' });
  await ensureProductionBuild();
  await seedDemo({ url: process.env.DATABASE_URL!, articles: 12, seed: 11, mediaDir: process.env.MEDIA_DIR });
  const rows = await db().article.findMany({
    where: { publicationState: 'published' },
    orderBy: { publishedAt: 'desc' },
    take: 2,
    select: { id: true, slug: true, headline: true, topSection: { select: { slug: true } } },
  });
  const [a, b] = rows.map((r) => ({ id: r.id, headline: r.headline, path: `/${r.topSection.slug}/${r.slug}` }));
  article = a!;
  other = b!;
  running = await listen();
}, 600_000);

afterAll(async () => {
  await running?.close();
});

const get = (path: string, init?: RequestInit) => fetch(running.url + path, { redirect: 'manual', ...init });

function scriptsIn(html: string): string[] {
  return [...html.matchAll(/<script\b[^>]*>[\s\S]*?<\/script>/gi)].map((m) => m[0]).filter((s) => !/type="application\/ld\+json"/.test(s));
}

async function setHeadline(id: number, headline: string) {
  await write((tx) => tx.article.update({ where: { id }, data: { headline } }));
}

describe('the front layer in front of Next', () => {
  it('serves an article from memory on the second request', async () => {
    const first = await get(article.path);
    expect(first.status).toBe(200);
    expect(first.headers.get('x-cache')).toBe('MISS');
    expect(await first.text()).toContain(article.headline);
    const second = await get(article.path);
    expect(second.headers.get('x-cache')).toBe('HIT');
  });

  it('re-renders after its own tag is invalidated, and not after an unrelated one', async () => {
    await get(article.path);
    await setHeadline(article.id, 'Correction: a headline the reader must see at once');
    // Tags no article page reads: a static page and a taxonomy tag that do not exist.
    await invalidate([tags.page(987_654), tags.tag(987_654)]);
    const stillCached = await get(article.path);
    expect(stillCached.headers.get('x-cache')).toBe('HIT');
    expect(await stillCached.text()).toContain(article.headline);

    await invalidate([tags.article(article.id)]);
    const fresh = await get(article.path);
    expect(fresh.headers.get('x-cache')).toBe('MISS');
    expect(await fresh.text()).toContain('Correction: a headline the reader must see at once');
    await setHeadline(article.id, article.headline);
    await invalidate([tags.article(article.id)]);
  });

  it('shows a publication on the very next request, even where a 404 was cached', async () => {
    await write((tx) => tx.article.update({ where: { id: other.id }, data: { publicationState: 'unpublished' } }));
    await invalidate([tags.article(other.id), tags.home]);
    expect((await get(other.path)).status).toBe(404);
    expect((await get(other.path)).headers.get('x-cache')).toBe('HIT');
    const home = await (await get('/')).text();
    expect(home).not.toContain(`href="${other.path}"`);

    await write((tx) => tx.article.update({ where: { id: other.id }, data: { publicationState: 'published' } }));
    await invalidate([tags.article(other.id), tags.home]);
    expect((await get(other.path)).status).toBe(200);
    expect(await (await get('/')).text()).toContain(`href="${other.path}"`);
  });

  it('collapses a chain of old URLs and a sloppy spelling into one 301', async () => {
    await write(async (tx) => {
      await tx.redirect.create({ data: { fromPath: '/archive/first-name', toPath: '/archive/second-name' } });
      await tx.redirect.create({ data: { fromPath: '/archive/second-name', toPath: article.path } });
    });
    await invalidate([tags.redirects]);
    const response = await get('/Archive//First-Name/?utm_source=mail');
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe(`${article.path}?utm_source=mail`);
    expect((await get(article.path)).status).toBe(200);
  });

  it('answers a retired article with 410 and a page that helps', async () => {
    await write((tx) => recordGone(tx, '/archive/withdrawn-story'));
    await invalidate([tags.redirects]);
    const response = await get('/archive/withdrawn-story');
    expect(response.status).toBe(410);
    const html = await response.text();
    expect(html).toContain('no longer available');
    expect(html).toContain('action="/search"');
  });

  it('answers 304 to a matching ETag and HEAD without a body', async () => {
    const full = await get(article.path, { headers: { 'accept-encoding': 'gzip' } });
    const etag = full.headers.get('etag')!;
    expect(full.headers.get('content-encoding')).toBe('gzip');
    expect((await get(article.path, { headers: { 'if-none-match': etag } })).status).toBe(304);

    const head = await get(`${article.path}?page=2`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-type')).toMatch(/text\/html/);
    expect(await head.text()).toBe('');
  });

  it('ships no script but the theme snippet and the enhancement module, under a strict CSP', async () => {
    for (const path of ['/', article.path, '/no-such-section/no-such-story', '/archive/withdrawn-story']) {
      const response = await get(path);
      const html = await response.text();
      expect(html).not.toMatch(/src="\/_next\/|as="script"|rel="modulepreload"/);
      expect(html).not.toContain('__next_f');
      const scripts = scriptsIn(html);
      if (response.status === 200) {
        expect(scripts).toEqual([`<script>${THEME_SNIPPET}</script>`, expect.stringMatching(/^<script type="module" src="\/enhance\.js\?v=[\w-]+"><\/script>$/)]);
      } else {
        expect(scripts.every((s) => s.includes(THEME_SNIPPET) || s.includes('/enhance.js'))).toBe(true);
      }
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toMatch(/script-src 'self' 'sha256-[^']+'(;|$)/);
      expect(csp).toContain("object-src 'none'");
      expect(csp).toContain("base-uri 'none'");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    }
  });

  it('renders a visible not-found page for a missing story', async () => {
    const response = await get('/no-such-section/no-such-story');
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain('Page not found');
    expect(html).toContain('href="/"');
  });

  it('never caches a response to a signed-in editor nor serves it to a reader', async () => {
    const path = `${other.path}?page=3`;
    const editor = await get(path, { headers: { cookie: `${SESSION_COOKIE}=editor-session` } });
    expect(editor.headers.get('x-cache')).toBe('BYPASS');
    expect(editor.headers.get('cache-control')).toBe('private, no-store');
    const reader = await get(path);
    expect(reader.headers.get('x-cache')).toBe('MISS');
    expect(reader.headers.get('cache-control')).toMatch(/^public, max-age=0, s-maxage=\d+/);
  });

  it('keeps the newsroom private and counts a view beacon without setting cookies', async () => {
    const admin = await get('/admin');
    expect(admin.headers.get('cache-control')).toMatch(/private/);
    expect(admin.headers.get('content-security-policy')).toMatch(/'nonce-[^']+'/);
    const beacon = await get(`/api/views?a=${article.id}`, { method: 'POST', headers: { 'user-agent': 'Mozilla/5.0 Firefox/140.0' } });
    expect(beacon.status).toBe(204);
    expect(beacon.headers.get('set-cookie')).toBeNull();
    expect((await get('/api/views?a=abc', { method: 'POST' })).status).toBe(400);
  });
});
