// The front layer against a stand-in for Next: what it stores, shares and refuses to.
import { createServer, get as httpGet, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { invalidate, recordNotFound, recordTags } from '../cache-tags';
import { SESSION_COOKIE } from '../session-cookie';
import { createFrontLayer, type FrontLayer } from './handler';
import { hasSessionCookie } from './reader-request';

interface Page {
  status?: number;
  tags?: string[];
  headers?: Record<string, string>;
  body?: string;
  /** The page renders its own 404 content with status 200, as reader pages do. */
  notFound?: boolean;
  /** Runs mid-render, e.g. an invalidation racing the render. */
  during?: () => Promise<void>;
  delayMs?: number;
  /** Streams this many 64 kB chunks, waiting for 'drain' as Next does, until done or the response closes. */
  streamChunks?: number;
}

const pages = new Map<string, Page>();
const renders: string[] = [];
const forwardedFor: string[] = [];
const rendering = { now: 0, most: 0 };
let front: FrontLayer;
let server: Server;
let base: string;

async function fakeNext(req: IncomingMessage, res: ServerResponse) {
  renders.push(`${req.method} ${req.url} cookie=${req.headers.cookie ?? ''}`);
  forwardedFor.push(String(req.headers['x-forwarded-for']));
  const page = pages.get(req.url!) ?? { status: 404, tags: ['missing'] };
  recordTags(...(page.tags ?? []));
  if (page.notFound) recordNotFound();
  rendering.most = Math.max(rendering.most, ++rendering.now);
  if (page.delayMs) await new Promise((r) => setTimeout(r, page.delayMs));
  await page.during?.();
  rendering.now--;
  res.statusCode = page.status ?? 200;
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.setHeader('cache-control', 'private, no-cache, no-store, max-age=0, must-revalidate');
  for (const [name, value] of Object.entries(page.headers ?? {})) res.setHeader(name, value);
  if (page.streamChunks) {
    res.setHeader('content-type', 'application/xml');
    let closed = false;
    res.once('close', () => (closed = true));
    for (let i = 0; i < page.streamChunks && !closed; i++) {
      if (!res.write('y'.repeat(64 * 1024))) await new Promise((resolve) => res.once('drain', resolve));
    }
    res.end();
    return;
  }
  res.write('<!DOCTYPE html><html><head><script src="/_next/static/chunks/x.js" async=""></script></head><body>');
  res.end(`${page.body ?? `page ${req.url}`}<script>self.__next_f.push([1,"x"])</script></body></html>`);
}

beforeAll(async () => {
  front = createFrontLayer({
    handle: fakeNext,
    cacheMaxBytes: 10 * 1024 * 1024,
    sMaxage: 30,
    siteUrl: 'http://localhost',
    trustProxy: [],
    publicDir: 'public',
    maxEntryBytes: 64 * 1024,
    maxConcurrentRenders: 4,
  });
  server = createServer((req, res) => void front(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  front.close();
  await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
  pages.clear();
  renders.length = 0;
  front.cache.clear();
});

const get = (path: string, init?: RequestInit) => fetch(base + path, { redirect: 'manual', ...init });

describe('front layer', () => {
  it('hands Next the connecting address, not an X-Forwarded-For a client made up', async () => {
    forwardedFor.length = 0;
    await get('/admin/login', { headers: { 'x-forwarded-for': '203.0.113.9' } });
    expect(forwardedFor).toEqual(['127.0.0.1']);
  });

  it('answers a path with malformed percent-encoding or control characters with 400 itself, on reader and newsroom paths alike', async () => {
    for (const path of ['/news/%E0%A4%A', '/%', '/tag/%ZZ', '/admin/articles/%C0%AF', '/media/%FF%FE.jpg', '/_next/static/%', '/news/a%00b', '/author/%0A', '/2026/11/%7F']) {
      const res = await get(path);
      expect(res.status, path).toBe(400);
      expect(res.headers.get('cache-control')).toBe('private, no-store');
      expect(await res.text()).toContain('This address is not valid');
    }
    const api = await get('/api/%E0%A4%A');
    expect(api.status).toBe(400);
    expect(await api.json()).toMatchObject({ error: expect.any(String) });
    expect(renders).toEqual([]);
    // Well-formed escapes still reach the page.
    pages.set('/tag/%E0%B8%82', { tags: ['tag:1'] });
    expect((await get('/tag/%E0%B8%82')).status).toBe(200);
  });

  it('renders a miss once, strips the runtime, and serves the copy afterwards', async () => {
    pages.set('/story', { tags: ['article:1'] });
    const first = await get('/story');
    const html = await first.text();
    expect(first.headers.get('x-cache')).toBe('MISS');
    expect(html).not.toContain('_next/static');
    expect(html).not.toContain('__next_f');
    expect(html).toContain('/enhance.js?v=');
    const second = await get('/story');
    expect(second.headers.get('x-cache')).toBe('HIT');
    expect(await second.text()).toBe(html);
    expect(renders).toHaveLength(1);
  });

  it('coalesces concurrent misses for one URL into one render', async () => {
    pages.set('/busy', { tags: ['home'], delayMs: 100 });
    const responses = await Promise.all(Array.from({ length: 8 }, () => get('/busy')));
    expect(responses.every((r) => r.status === 200)).toBe(true);
    expect(renders).toHaveLength(1);
  });

  it('renders at most maxConcurrentRenders misses at once; the rest wait and are answered', async () => {
    const paths = Array.from({ length: 10 }, (_, i) => `/queued-${i}`);
    for (const path of paths) pages.set(path, { tags: ['home'], delayMs: 30 });
    rendering.most = 0;
    const responses = await Promise.all(paths.map((path) => get(path)));
    expect(responses.map((r) => r.status)).toEqual(paths.map(() => 200));
    expect(rendering.most).toBe(4);
    expect(renders).toHaveLength(10);
  });

  it('does not render for a client that left while its miss waited for a slot', async () => {
    for (let i = 0; i < 6; i++) pages.set(`/slow-${i}`, { tags: ['home'], delayMs: 150 });
    const busy = [0, 1, 2, 3].map((i) => get(`/slow-${i}`));
    const leaving = new AbortController();
    const gone = [4, 5].map((i) => get(`/slow-${i}`, { signal: leaving.signal }).catch(() => 'aborted'));
    await new Promise((r) => setTimeout(r, 50));
    leaving.abort();
    expect(await Promise.all(gone)).toEqual(['aborted', 'aborted']);
    expect((await Promise.all(busy)).map((r) => r.status)).toEqual([200, 200, 200, 200]);
    await new Promise((r) => setTimeout(r, 50));
    expect(renders.map((r) => r.split(' ')[1]).sort()).toEqual(['/slow-0', '/slow-1', '/slow-2', '/slow-3']);
  });

  it('does not store a render that was invalidated while it ran', async () => {
    pages.set('/racing', { tags: ['article:7'], during: () => invalidate(['article:7']) });
    await get('/racing');
    pages.set('/racing', { tags: ['article:7'] });
    await get('/racing');
    expect(renders).toHaveLength(2);
  });

  it('refuses to store a 200 that recorded no tags, or one that sets a cookie', async () => {
    pages.set('/untagged', { tags: [] });
    pages.set('/cookie', { tags: ['home'], headers: { 'set-cookie': 'a=b' } });
    for (let i = 0; i < 2; i += 1) {
      await get('/untagged');
      const cookie = await get('/cookie');
      expect(cookie.headers.get('cache-control')).toBe('private, no-store');
    }
    expect(renders).toHaveLength(4);
  });

  it('renders a signed-in request with its cookie, privately, and never stores it', async () => {
    pages.set('/story', { tags: ['article:1'] });
    const editor = await get('/story', { headers: { cookie: `${SESSION_COOKIE}=secret` } });
    expect(editor.headers.get('x-cache')).toBe('BYPASS');
    expect(editor.headers.get('cache-control')).toBe('private, no-store');
    expect(renders[0]).toContain(`cookie=${SESSION_COOKIE}=secret`);
    const reader = await get('/story', { headers: { cookie: 'other=1' } });
    expect(reader.headers.get('x-cache')).toBe('MISS');
    // Shared renders never see the reader's cookies either.
    expect(renders[1]).toMatch(/cookie=$/);
  });

  it('renders a HEAD miss as GET and answers headers only', async () => {
    pages.set('/head', { tags: ['home'] });
    const head = await get('/head', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect(renders[0]).toMatch(/^GET \/head/);
    const full = await get('/head', { headers: { 'accept-encoding': 'identity' } });
    expect(Number(head.headers.get('content-length'))).toBeGreaterThan(0);
    expect(full.headers.get('x-cache')).toBe('HIT');
  });

  it('answers 304 to a matching ETag, for any encoding of the body', async () => {
    pages.set('/etag', { tags: ['home'], body: 'x'.repeat(4000) });
    const gz = await get('/etag', { headers: { 'accept-encoding': 'gzip' } });
    const etag = gz.headers.get('etag')!;
    expect(gz.headers.get('vary')).toBe('Accept-Encoding');
    const again = await get('/etag', { headers: { 'if-none-match': `W/${etag}`, 'accept-encoding': 'br' } });
    expect(again.status).toBe(304);
  });

  it('replaces a server error with its own page and does not store it', async () => {
    pages.set('/broken', { status: 500, tags: ['home'], body: '' });
    const response = await get('/broken');
    expect(response.status).toBe(500);
    expect(await response.text()).toContain('Something went wrong');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    await get('/broken');
    expect(renders).toHaveLength(2);
  });

  it('keys on allowlisted parameters only and hands Next the normalised URL', async () => {
    pages.set('/search?page=2&q=rain', { tags: ['search'] });
    await get('/search?q=rain&page=2&utm_source=x');
    expect(renders[0]).toMatch(/^GET \/search\?page=2&q=rain /);
    const hit = await get('/search?utm_medium=y&page=2&q=rain');
    expect(hit.headers.get('x-cache')).toBe('HIT');
  });

  it('sends a page that flagged itself as not found with status 404, cached as a 404', async () => {
    pages.set('/world/missing', { tags: ['missing:/world/missing'], notFound: true, body: '<h1>Page not found</h1>' });
    const first = await get('/world/missing');
    expect(first.status).toBe(404);
    expect(await first.text()).toContain('Page not found');
    expect((await get('/world/missing')).headers.get('x-cache')).toBe('HIT');
    await invalidate(['article:99']);
    expect((await get('/world/missing')).headers.get('x-cache')).toBe('MISS');
  });

  it('streams a response too big to hold, with its own ETag, and does not store it', async () => {
    const big = 'x'.repeat(200 * 1024);
    pages.set('/sitemaps/articles-1.xml', { tags: ['sitemaps'], body: big, headers: { 'content-type': 'application/xml', etag: '"lastmod-2026"' } });
    const response = await get('/sitemaps/articles-1.xml');
    expect(response.headers.get('x-cache')).toBe('STREAM');
    expect(response.headers.get('etag')).toBe('"lastmod-2026"');
    expect((await response.text()).length).toBeGreaterThan(200 * 1024);
    const conditional = await get('/sitemaps/articles-1.xml', { headers: { 'if-none-match': '"lastmod-2026"' } });
    expect(conditional.status).toBe(304);
    expect(front.cache.size).toBe(0);
  });

  it('ends a streamed render whose reader left mid-stream, so the next request for it is answered', async () => {
    pages.set('/sitemaps/articles-2.xml', { tags: ['sitemaps'], streamChunks: 400 });
    await new Promise<void>((resolve, reject) => {
      const request = httpGet(`${base}/sitemaps/articles-2.xml`, (response) => {
        response.once('data', () => {
          request.destroy();
          resolve();
        });
      });
      request.on('error', (error) => (request.destroyed ? undefined : reject(error)));
    });
    const again = await get('/sitemaps/articles-2.xml', { signal: AbortSignal.timeout(10_000) });
    expect(again.headers.get('x-cache')).toBe('STREAM');
    expect((await again.text()).length).toBe(400 * 64 * 1024);
  });

  it('passes the newsroom and RSC requests straight to Next', async () => {
    await get('/admin/articles');
    await get('/story', { headers: { rsc: '1' } });
    expect(renders).toEqual(['GET /admin/articles cookie=', 'GET /story cookie=']);
    expect(front.cache.size).toBe(0);
  });

  it('recognises the session cookie under either name, and only as a whole name', () => {
    expect(hasSessionCookie(`theme=dark; ${SESSION_COOKIE}=x`)).toBe(true);
    expect(hasSessionCookie(`__Host-${SESSION_COOKIE}=x`)).toBe(true);
    expect(hasSessionCookie(`not_${SESSION_COOKIE}=x`)).toBe(false);
  });
});
