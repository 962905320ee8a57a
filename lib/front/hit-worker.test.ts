// The hit worker on its own (ADR 029): a real worker thread on a real port, in front of a stand-in
// for the main thread's server on a Unix socket, which records what reaches it.
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, request, type IncomingHttpHeaders, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { applyInvalidation, tags } from '../cache-tags';
import { SESSION_COOKIE } from '../session-cookie';
import { buildEntry } from './encode';
import { CATCH_UP_HEADER } from './hit-worker-protocol';
import { startHitWorker, type HitWorker } from './hit-worker-host';

interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

let dir: string;
let upstream: Server;
let worker: HitWorker;
let seen: Seen[] = [];
let streamsCutShort = 0;
let base: string;
const journal = () => join(dir, '.invalidations.jsonl');

function page(html: string, pageTags: string[]) {
  return buildEntry({ status: 200, headers: { 'content-type': 'text/html; charset=utf-8' }, body: Buffer.from(html), tags: new Set(pageTags) });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hit-worker-test-'));
  upstream = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      seen.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      if (req.url === '/stream') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.write('first part\n');
        const rest = setTimeout(() => res.end('second part\n'), 1_500);
        res.on('close', () => {
          if (res.writableFinished) return;
          clearTimeout(rest);
          streamsCutShort += 1;
        });
        return;
      }
      res.setHeader('set-cookie', ['a=1; Path=/', 'b=2; Path=/']);
      res.writeHead(req.url === '/missing' ? 404 : 200, { 'content-type': 'text/plain', 'x-from': 'main' });
      res.end(`main thread answered ${req.method} ${req.url}${body ? ` with ${body}` : ''}`);
    });
  });
  upstream.keepAliveTimeout = 0;
  await new Promise<void>((resolve) => upstream.listen(join(dir, 'main.sock'), resolve));
  worker = await startHitWorker({
    host: '127.0.0.1',
    port: 0,
    upstream: join(dir, 'main.sock'),
    trustProxy: [],
    siteHttps: false,
    sMaxage: 30,
    cacheMaxBytes: 8 * 1024 * 1024,
    publicFiles: ['/robots.txt'],
    journalPath: journal(),
  });
  base = `http://127.0.0.1:${worker.port}`;
});

afterAll(async () => {
  await worker?.close();
  await new Promise((resolve) => upstream?.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

afterEach(() => {
  seen = [];
});

describe('the hit worker', () => {
  it('forwards what it does not hold, with the client address it decided and none the client claimed', async () => {
    const response = await fetch(`${base}/news/story`, { headers: { 'x-forwarded-for': '203.0.113.9', 'x-forwarded-proto': 'https', [CATCH_UP_HEADER]: '1' } });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('main thread answered GET /news/story');
    expect(response.headers.get('x-from')).toBe('main');
    expect(response.headers.getSetCookie()).toEqual(['a=1; Path=/', 'b=2; Path=/']);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.headers['x-forwarded-for']).toBe('127.0.0.1');
    expect(seen[0]!.headers['x-forwarded-proto']).toBeUndefined();
    expect(seen[0]!.headers[CATCH_UP_HEADER]).toBeUndefined();
  });

  it('answers a page the main thread shared without asking it, with validators and compression', async () => {
    const entry = page(`<!DOCTYPE html><title>Shared</title><p>${'A story worth reading. '.repeat(200)}</p>`, [tags.article(7)]);
    worker.share('/news/shared', entry);

    const hit = await fetch(`${base}/news/shared`, { headers: { 'accept-encoding': 'br' } });
    expect(hit.status).toBe(200);
    expect(hit.headers.get('x-cache')).toBe('HIT');
    expect(hit.headers.get('content-encoding')).toBe('br');
    expect(hit.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await hit.text()).toContain('A story worth reading.');

    // The address is normalised as the main thread does: tracking parameters are not part of the key.
    expect((await fetch(`${base}/news/shared?utm_source=x`)).headers.get('x-cache')).toBe('HIT');
    const notModified = await fetch(`${base}/news/shared`, { headers: { 'if-none-match': hit.headers.get('etag')! } });
    expect(notModified.status).toBe(304);
    const head = await fetch(`${base}/news/shared`, { method: 'HEAD', headers: { 'accept-encoding': 'identity' } });
    expect(head.headers.get('content-length')).toBe(String(entry.identity.body.length));
    expect(seen).toHaveLength(0);
  });

  it('sees an invalidation on the very next request', async () => {
    worker.share('/news/corrected', page('<p>Before the correction</p>', [tags.article(8)]));
    expect((await fetch(`${base}/news/corrected`)).headers.get('x-cache')).toBe('HIT');
    applyInvalidation([tags.article(8)]);
    const after = await fetch(`${base}/news/corrected`);
    expect(await after.text()).toBe('main thread answered GET /news/corrected');
    expect(seen.map((s) => s.url)).toEqual(['/news/corrected']);
  });

  it('forgets every page when the redirect table changes, which only the main thread can read', async () => {
    worker.share('/news/moved', page('<p>Old home</p>', [tags.article(9)]));
    expect((await fetch(`${base}/news/moved`)).headers.get('x-cache')).toBe('HIT');
    applyInvalidation([tags.redirects]);
    await fetch(`${base}/news/moved`);
    expect(seen.map((s) => s.url)).toEqual(['/news/moved']);
  });

  it('never answers readers with a session, previews, the newsroom, files or writes from its cache', async () => {
    for (const path of ['/admin', '/preview/3', '/robots.txt', '/api/views']) worker.share(path, page('<p>Stored</p>', [tags.home]));
    worker.share('/', page('<p>Anonymous home</p>', [tags.home]));

    await fetch(`${base}/`, { headers: { cookie: `theme=dark; ${SESSION_COOKIE}=abc` } });
    await fetch(`${base}/admin`);
    await fetch(`${base}/preview/3`);
    await fetch(`${base}/robots.txt`);
    const posted = await fetch(`${base}/api/views`, { method: 'POST', body: 'article=7', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(await posted.text()).toBe('main thread answered POST /api/views with article=7');
    expect(seen.map((s) => `${s.method} ${s.url}`)).toEqual(['GET /', 'GET /admin', 'GET /preview/3', 'GET /robots.txt', 'POST /api/views']);
    expect(seen[0]!.headers.cookie).toContain(`${SESSION_COOKIE}=abc`);
  });

  it('streams an answer as the main thread sends it', async () => {
    const started = Date.now();
    const firstChunkAt = await new Promise<number>((resolve, reject) => {
      request(`${base}/stream`, (res) => {
        res.once('data', () => resolve(Date.now() - started));
        res.resume();
      })
        .on('error', reject)
        .end();
    });
    expect(firstChunkAt).toBeLessThan(1_000);
  });

  it('stops the main thread working for a client that left', async () => {
    await new Promise<void>((resolve, reject) => {
      const client = request(`${base}/stream`, (res) => res.once('data', () => (client.destroy(), resolve())));
      client.on('error', () => undefined).end();
      setTimeout(() => reject(new Error('no first chunk')), 2_000);
    });
    for (let waited = 0; waited < 2_000 && streamsCutShort === 0; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(streamsCutShort).toBe(1);
  });

  it('after a command-line tool writes the journal, asks the main thread to read it before serving from memory again', async () => {
    worker.share('/news/imported', page('<p>Before the import</p>', [tags.article(10)]));
    expect((await fetch(`${base}/news/imported`)).headers.get('x-cache')).toBe('HIT');

    appendFileSync(journal(), `${JSON.stringify({ tags: [tags.article(99)] })}\n`);
    // The worker notices the file change by itself, within its watcher's delay or a second at most.
    let forwarded: Seen | undefined;
    for (let attempt = 0; attempt < 40 && !forwarded; attempt += 1) {
      await fetch(`${base}/news/imported`);
      forwarded = seen.find((s) => s.url === '/news/imported');
      if (!forwarded) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(forwarded?.headers[CATCH_UP_HEADER]).toBe('1');
    // The main thread has answered it: memory serves again.
    expect((await fetch(`${base}/news/imported`)).headers.get('x-cache')).toBe('HIT');
  });

  it('answers 502 with a clear message while the main thread cannot be reached', async () => {
    const { port } = worker;
    const closed = new Promise((resolve) => upstream.close(resolve));
    upstream.closeAllConnections();
    await closed;
    try {
      const response = await fetch(`http://127.0.0.1:${port}/news/unreachable`);
      expect(response.status).toBe(502);
      expect(response.headers.get('retry-after')).toBe('1');
      expect(await response.text()).toMatch(/try again/);
    } finally {
      await new Promise<void>((resolve) => upstream.listen(join(dir, 'main.sock'), resolve));
    }
  });
});
