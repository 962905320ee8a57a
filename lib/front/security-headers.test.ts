// Response headers that keep scripts and frames out (issue 13): the reader CSP, the newsroom's
// nonce CSP, HSTS under HTTPS only, and no framing anywhere.
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCsp, proxy } from '../../proxy';
import { recordTags } from '../cache-tags';
import { THEME_SNIPPET_HASH } from '../theme-snippet';
import { createFrontLayer, type FrontLayer } from './handler';
import { HSTS } from './headers';

const seenProto: (string | undefined)[] = [];

async function fakeNext(req: IncomingMessage, res: ServerResponse) {
  seenProto.push(req.headers['x-forwarded-proto'] as string | undefined);
  recordTags('page');
  res.statusCode = 200;
  res.setHeader('content-type', req.url!.startsWith('/api') ? 'application/json' : 'text/html; charset=utf-8');
  res.end(req.url!.startsWith('/api') ? '{}' : '<!DOCTYPE html><html><head></head><body>page</body></html>');
}

interface Running {
  front: FrontLayer;
  server: Server;
  port: number;
}

async function start(siteUrl: string, trustProxy: string[]): Promise<Running> {
  const front = createFrontLayer({ handle: fakeNext, cacheMaxBytes: 1024 * 1024, sMaxage: 30, siteUrl, trustProxy, publicDir: 'public' });
  const server = createServer((req, res) => void front(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { front, server, port: (server.address() as AddressInfo).port };
}

/** A GET with exactly these headers (fetch would refuse to send some of them). */
function get(port: number, path: string, headers: Record<string, string> = {}): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res));
    });
    req.on('error', reject);
    req.end();
  });
}

let plain: Running;
let proxied: Running;
let secure: Running;

beforeAll(async () => {
  plain = await start('http://localhost', []);
  proxied = await start('http://localhost', ['127.0.0.1']);
  secure = await start('https://news.example', []);
});

afterAll(async () => {
  for (const r of [plain, proxied, secure]) {
    r.front.close();
    await new Promise((resolve) => r.server.close(resolve));
  }
});

describe('reader pages', () => {
  it('carry the strict static CSP: own scripts and the theme snippet hash, nothing inline, no framing', async () => {
    const res = await get(plain.port, '/news');
    const csp = String(res.headers['content-security-policy']);
    const scriptSrc = csp.split('; ').find((d) => d.startsWith('script-src '));
    expect(scriptSrc).toBe(`script-src 'self' ${THEME_SNIPPET_HASH}`);
    expect(csp).not.toMatch(/nonce-|unsafe-eval/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    // Served again from the cache: the same policy, no per-request nonce needed.
    const again = await get(plain.port, '/news');
    expect(again.headers['x-cache']).toBe('HIT');
    expect(again.headers['content-security-policy']).toBe(csp);
  });
});

describe('HSTS', () => {
  it('is absent over plain HTTP, even when a client claims X-Forwarded-Proto: https', async () => {
    seenProto.length = 0;
    for (const path of ['/news', '/admin', '/api/health']) {
      const res = await get(plain.port, path, { 'x-forwarded-proto': 'https' });
      expect(res.headers['strict-transport-security'], path).toBeUndefined();
    }
    // …and Next never sees the forged header.
    expect(seenProto.filter((p) => p !== undefined)).toEqual([]);
  });

  it('is sent on every response when SITE_URL is https', async () => {
    for (const path of ['/news', '/admin', '/api/health', '/no-such-page']) {
      const res = await get(secure.port, path);
      expect(res.headers['strict-transport-security'], path).toBe(HSTS);
    }
    expect(HSTS).toMatch(/^max-age=(\d+)/);
    expect(Number(/max-age=(\d+)/.exec(HSTS)![1])).toBeGreaterThanOrEqual(31_536_000);
  });

  it('is sent when a trusted proxy says the request came over https, and only then', async () => {
    seenProto.length = 0;
    expect((await get(proxied.port, '/news', { 'x-forwarded-proto': 'https' })).headers['strict-transport-security']).toBe(HSTS);
    expect((await get(proxied.port, '/admin', { 'x-forwarded-proto': 'https, http' })).headers['strict-transport-security']).toBe(HSTS);
    expect((await get(proxied.port, '/admin', { 'x-forwarded-proto': 'http' })).headers['strict-transport-security']).toBeUndefined();
    expect((await get(proxied.port, '/admin')).headers['strict-transport-security']).toBeUndefined();
    expect(seenProto).toContain('https');
  });

  it('follows each request for one cached page, whichever transport stored or last served it', async () => {
    const viaProxy = (proto?: string) => get(proxied.port, '/world', proto ? { 'x-forwarded-proto': proto } : {});
    const answers = [await viaProxy('https'), await viaProxy(), await viaProxy('https'), await viaProxy('http')];
    expect(answers.map((res) => res.headers['x-cache'])).toEqual(['MISS', 'HIT', 'HIT', 'HIT']);
    expect(answers.map((res) => res.headers['strict-transport-security'])).toEqual([HSTS, undefined, HSTS, undefined]);
  });
});

describe('the newsroom', () => {
  it('cannot be framed', async () => {
    const res = await get(plain.port, '/admin/articles');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(adminCsp('abc', false)).toContain("frame-ancestors 'none'");
    expect(proxy(new NextRequest('http://localhost/admin')).headers.get('x-frame-options')).toBe('DENY');
  });

  it('allows scripts only by a fresh nonce per response, never inline or eval in production', () => {
    const first = proxy(new NextRequest('http://localhost/admin')).headers.get('content-security-policy')!;
    const second = proxy(new NextRequest('http://localhost/admin')).headers.get('content-security-policy')!;
    const nonce = (csp: string) => /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
    expect(nonce(first)).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(nonce(second)).not.toBe(nonce(first));
    const scriptSrc = first.split('; ').find((d) => d.startsWith('script-src '))!;
    expect(scriptSrc).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(first).toContain("object-src 'none'");
    expect(first).toContain("base-uri 'none'");
    expect(first).toContain("form-action 'self'");
  });
});
