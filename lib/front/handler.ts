/**
 * The front layer (DESIGN §2, §8): every request to `npm start` passes through here. Reader
 * GET/HEAD requests are normalised, redirected or answered from the in-memory cache; misses are
 * rendered by Next into a buffer, stripped of the client runtime, compressed and stored with the
 * tags the data layer recorded. Everything else goes straight to Next.
 */
import { readdirSync, statSync } from 'node:fs';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { collectTags, invalidatedSince, onInvalidate, sharedFresh, sharedStamp, tagEpoch, tags as tagNames, type RenderRecord } from '../cache-tags';
import { SECURE_SESSION_COOKIE, SESSION_COOKIE } from '../session-cookie';
import { getSiteSettings } from '../settings';
import { FrontCache, type CacheEntry } from './cache';
import { CaptureResponse } from './capture';
import { clientIp } from './client-ip';
import { buildEntry, chooseVariant, matchesIfNoneMatch } from './encode';
import { loadEnhanceModule, type StaticAsset } from './enhance-asset';
import { PRIVATE_NO_STORE, publicCacheControl, readerCsp, SECURITY_HEADERS } from './headers';
import { normaliseUrl } from './normalise';
import { errorPage, gonePage, isEmptyErrorShell, notFoundPage, type StaticPageOptions } from './pages';
import { looksLikeWordPress, RedirectTable, resolveWordPressUrl } from './redirects';
import { stripLinkHeader, stripRuntime } from './strip';
import { handleViewBeacon } from './view-beacon';

export type NextHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export interface FrontOptions {
  handle: NextHandler;
  /** Development: nothing is cached and the enhancement module is re-read on every request. */
  dev?: boolean;
  cacheMaxBytes: number;
  sMaxage: number;
  siteUrl: string;
  trustProxy: readonly string[];
  publicDir: string;
  /** Responses larger than this stream through uncached (sitemap chunks, big feeds). */
  maxEntryBytes?: number;
}

export interface FrontLayer {
  (req: IncomingMessage, res: ServerResponse): Promise<void>;
  cache: FrontCache;
  /** Stops listening for invalidations. */
  close(): void;
}

const STORABLE_STATUS = new Set([200, 301, 404, 410]);
const STORABLE_TYPE = /^(text\/html|text\/plain|text\/xml|application\/xml|application\/rss\+xml|application\/atom\+xml)\b/i;
/** Headers of Next's response the front layer replaces or that must not be replayed. */
const DROPPED_HEADER = /^(content-length|content-encoding|transfer-encoding|connection|keep-alive|date|etag|cache-control|vary|x-powered-by|x-nextjs-.*|x-middleware-.*|link)$/;
/** Paths Next serves itself: the newsroom, APIs, build assets, media. */
const PASS_THROUGH = /^\/(?:_next|admin|api|media)(?:\/|$)/;
const RSC_HEADERS = ['rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch', 'next-action', 'next-url'];
const REQUEST_HEADERS_DROPPED_FOR_RENDER = ['if-none-match', 'if-modified-since', 'if-match', 'if-unmodified-since', 'range', 'if-range'];
const SESSION_COOKIE_PATTERN = new RegExp(`(?:^|;\\s*)(?:${SESSION_COOKIE}|${SECURE_SESSION_COOKIE.replace(/[$]/g, '\\$')})=`);

interface Rendered {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
  tags: Set<string>;
  expiresAt?: number;
  setsCookie: boolean;
  /** Invalidated while rendering: fine to answer this request with, never to store or share. */
  stale: boolean;
  /** Shared tag-version stamp when the render started, with several instances (ADR 009). */
  stamp?: number | null;
}

type RenderOutcome = { kind: 'rendered'; rendered: Rendered } | { kind: 'streamed' };

function publicFiles(dir: string, prefix = ''): Set<string> {
  const found = new Set<string>();
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return found;
  }
  for (const name of entries) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) for (const inner of publicFiles(full, `${prefix}/${name}`)) found.add(inner);
    else found.add(`${prefix}/${name}`);
  }
  return found;
}

function headerText(value: OutgoingHttpHeaders[string]): string {
  return Array.isArray(value) ? value.join(', ') : String(value);
}

function isRscRequest(req: IncomingMessage, url: string): boolean {
  return RSC_HEADERS.some((name) => req.headers[name] !== undefined) || /[?&]_rsc=/.test(url);
}

export function hasSessionCookie(cookieHeader: string | undefined): boolean {
  return !!cookieHeader && SESSION_COOKIE_PATTERN.test(cookieHeader);
}

export function createFrontLayer(options: FrontOptions): FrontLayer {
  const { handle, dev = false, sMaxage, trustProxy } = options;
  const maxEntryBytes = options.maxEntryBytes ?? 2 * 1024 * 1024;
  const https = options.siteUrl.startsWith('https:');
  const csp = readerCsp({ https });
  const cache = new FrontCache({ maxBytes: options.cacheMaxBytes });
  const redirects = new RedirectTable();
  const files = publicFiles(options.publicDir);
  let enhance: StaticAsset = loadEnhanceModule(options.publicDir);
  const inflight = new Map<string, Promise<RenderOutcome>>();
  // ops (ADR 009): the shared stamp of each stored entry, checked against Redis before serving.
  const stamps = new WeakMap<CacheEntry, number | null | undefined>();
  let siteInfo: Promise<StaticPageOptions> | undefined;

  const stopListening = onInvalidate((list) => {
    cache.invalidate(list);
    if (list.includes(tagNames.redirects)) redirects.markStale();
    if (list.includes(tagNames.settings)) siteInfo = undefined;
    // Anything new may now live at a URL that 404ed before (see FrontCache.dropNotFound).
    if (list.some((tag) => tag !== tagNames.mostRead)) cache.dropNotFound();
  });

  function staticPageOptions(): Promise<StaticPageOptions> {
    siteInfo ??= getSiteSettings()
      .then((s) => ({ siteName: s.name, lang: s.language }))
      .catch(() => {
        siteInfo = undefined;
        return { siteName: 'Broadsheet', lang: 'en' };
      });
    return siteInfo;
  }

  function setSecurityHeaders(res: ServerResponse): void {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
  }

  function send(
    req: IncomingMessage,
    res: ServerResponse,
    entry: CacheEntry,
    { cacheControl, cacheStatus, conditional }: { cacheControl: string; cacheStatus: string; conditional: { etag?: string; encoding?: string } },
  ): void {
    const { encoding, variant } = chooseVariant(entry, conditional.encoding);
    const headers: OutgoingHttpHeaders = { ...entry.headers, ...SECURITY_HEADERS };
    if (/^text\/html/i.test(entry.headers['content-type'] ?? '')) headers['content-security-policy'] = csp;
    headers['cache-control'] = cacheControl;
    headers.vary = 'Accept-Encoding';
    headers.etag = variant.etag;
    headers['x-cache'] = cacheStatus;
    if (entry.status === 200 && matchesIfNoneMatch(conditional.etag, entry)) {
      delete headers['content-type'];
      res.writeHead(304, headers);
      res.end();
      return;
    }
    if (encoding !== 'identity') headers['content-encoding'] = encoding;
    headers['content-length'] = variant.body.length;
    res.writeHead(entry.status, headers);
    if (req.method === 'HEAD') res.end();
    else res.end(variant.body);
  }

  function sendPage(
    req: IncomingMessage,
    res: ServerResponse,
    { status, html, headers = {}, cacheStatus, cacheControl = publicCacheControl(sMaxage) }: { status: number; html: string; headers?: Record<string, string>; cacheStatus: string; cacheControl?: string },
  ) {
    const entry = buildEntry({ status: status as CacheEntry['status'], headers: { 'content-type': 'text/html; charset=utf-8', ...headers }, body: Buffer.from(html), tags: new Set() });
    send(req, res, entry, {
      cacheControl,
      cacheStatus,
      conditional: { encoding: headerText(req.headers['accept-encoding'] ?? '') },
    });
  }

  async function redirect(req: IncomingMessage, res: ServerResponse, location: string): Promise<void> {
    const body = `<!DOCTYPE html><title>Moved</title><p>This page has moved to <a href="${location.replace(/"/g, '&quot;')}">${location.replace(/</g, '&lt;')}</a>.</p>`;
    sendPage(req, res, { status: 301, html: body, headers: { location }, cacheStatus: 'REDIRECT' });
  }

  async function gone(req: IncomingMessage, res: ServerResponse): Promise<void> {
    sendPage(req, res, { status: 410, html: gonePage(await staticPageOptions()), headers: { 'x-robots-tag': 'noindex' }, cacheStatus: 'GONE' });
  }

  /** Renders `key` through Next as an anonymous (or, when `personal`, the requesting) GET. */
  async function render(req: IncomingMessage, key: string, personal: boolean, spillTo?: (status: number, headers: OutgoingHttpHeaders) => Writable | undefined): Promise<RenderOutcome> {
    const epoch = tagEpoch();
    const stamp = await sharedStamp();
    // Next rewrites req.url while routing, so the key was computed before this point (DESIGN §8.4).
    req.url = key;
    req.method = 'GET'; // a HEAD miss would render nothing (DESIGN §8.5)
    for (const name of REQUEST_HEADERS_DROPPED_FOR_RENDER) delete req.headers[name]; // DESIGN §8.6
    // A shared render must not depend on who asked: without cookies nothing can personalise it.
    if (!personal) delete req.headers.cookie;

    const capture = new CaptureResponse(req, { spillAfter: maxEntryBytes, onSpill: spillTo });
    const record: RenderRecord = { tags: new Set() };
    await collectTags(record, () => handle(req, capture));
    const result = await capture.done;
    if (result === 'spilled') return { kind: 'streamed' };

    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(result.headers)) {
      if (value !== undefined && !DROPPED_HEADER.test(name)) headers[name] = headerText(value);
    }
    const link = stripLinkHeader(result.headers.link === undefined ? undefined : headerText(result.headers.link));
    if (link) headers.link = link;
    let body = result.body;
    if (/^text\/html/i.test(headers['content-type'] ?? '')) {
      const html = stripRuntime(body.toString('utf8'), { enhanceUrl: enhance.url });
      body = Buffer.from(result.status === 404 && isEmptyErrorShell(html) ? notFoundPage(await staticPageOptions()) : html);
    }
    return {
      kind: 'rendered',
      rendered: {
        status: result.status,
        headers,
        body,
        tags: record.tags,
        expiresAt: record.expiresAt,
        setsCookie: headers['set-cookie'] !== undefined,
        stale: invalidatedSince(record.tags, epoch) || !(await sharedFresh(record.tags, stamp)),
        stamp,
      },
    };
  }

  function storable(rendered: Rendered): boolean {
    if (dev || rendered.setsCookie || rendered.stale) return false;
    if (!STORABLE_STATUS.has(rendered.status) || !STORABLE_TYPE.test(rendered.headers['content-type'] ?? '')) return false;
    // A 200 or 404 that recorded no tags cannot be invalidated (e.g. a page prerendered at build time, DESIGN §8.3, §8.11).
    if ((rendered.status === 200 || rendered.status === 404) && rendered.tags.size === 0) return false;
    if (rendered.expiresAt !== undefined && rendered.expiresAt <= Date.now()) return false;
    return rendered.body.length <= maxEntryBytes;
  }

  function spillHandler(req: IncomingMessage, res: ServerResponse, personal: boolean, conditional: { etag?: string }) {
    return (status: number, nextHeaders: OutgoingHttpHeaders): Writable => {
      const headers: OutgoingHttpHeaders = {};
      for (const [name, value] of Object.entries(nextHeaders)) {
        // A streamed route keeps its own validators (e.g. an ETag from its newest lastmod, DESIGN §8.15).
        if (value !== undefined && (name === 'etag' || !DROPPED_HEADER.test(name))) headers[name] = value;
      }
      Object.assign(headers, SECURITY_HEADERS);
      const shared = !personal && status === 200 && headers['set-cookie'] === undefined;
      headers['cache-control'] = shared ? publicCacheControl(sMaxage) : PRIVATE_NO_STORE;
      headers['x-cache'] = 'STREAM';
      const etag = headers.etag === undefined ? undefined : headerText(headers.etag);
      const notModified = status === 200 && etag !== undefined && conditional.etag?.split(',').some((t) => t.trim().replace(/^W\//, '') === etag.replace(/^W\//, ''));
      const discard = new Writable({ write: (_chunk, _encoding, callback) => callback() });
      if (notModified) {
        delete headers['content-type'];
        res.writeHead(304, headers);
        res.end();
        return discard;
      }
      res.writeHead(status, headers);
      if (req.method === 'HEAD') {
        res.end();
        return discard;
      }
      return res;
    };
  }

  async function serveRendered(req: IncomingMessage, res: ServerResponse, rendered: Rendered, personal: boolean, conditional: { etag?: string; encoding?: string }, cacheStatus: string) {
    if (rendered.status >= 500) {
      // Next's error page is empty once its runtime is stripped (DESIGN §8.7); ours is never cached.
      const html = errorPage(await staticPageOptions());
      sendPage(req, res, { status: rendered.status, html, cacheStatus: 'ERROR', cacheControl: PRIVATE_NO_STORE });
      return;
    }
    const status = rendered.status as CacheEntry['status'];
    const entry = buildEntry({ status, headers: rendered.headers, body: rendered.body, tags: rendered.tags, expiresAt: rendered.expiresAt });
    const shared = !personal && !dev && !rendered.setsCookie && STORABLE_STATUS.has(rendered.status);
    const cacheControl = shared ? publicCacheControl(sMaxage, secondsLeft(entry)) : PRIVATE_NO_STORE;
    send(req, res, entry, { cacheControl, cacheStatus, conditional });
  }

  function secondsLeft(entry: CacheEntry): number | undefined {
    return entry.expiresAt === undefined ? undefined : (entry.expiresAt - Date.now()) / 1000;
  }

  async function serveReader(req: IncomingMessage, res: ServerResponse, rawUrl: string): Promise<void> {
    const url = normaliseUrl(rawUrl);
    const search = new URLSearchParams(rawUrl.includes('?') ? rawUrl.slice(rawUrl.indexOf('?') + 1) : '');
    await redirects.ready();
    const fromTable = redirects.lookup(url.path);
    if (fromTable?.kind === 'gone') return gone(req, res);
    if (fromTable?.kind === 'redirect') {
      const extra = url.redirect?.split('?')[1] ?? search.toString();
      const joiner = fromTable.location.includes('?') ? '&' : '?';
      return redirect(req, res, extra && !/^[a-z]+:/i.test(fromTable.location) ? `${fromTable.location}${joiner}${extra}` : fromTable.location);
    }
    if (url.redirect) return redirect(req, res, url.redirect);
    if (looksLikeWordPress(url.path, search)) {
      const target = await resolveWordPressUrl(url.path, search);
      if (target) return redirect(req, res, target);
    }

    const conditional = { etag: req.headers['if-none-match'], encoding: headerText(req.headers['accept-encoding'] ?? '') };
    const personal = hasSessionCookie(req.headers.cookie) || url.path.startsWith('/preview/');
    if (personal || dev) {
      const outcome = await render(req, url.key, personal, spillHandler(req, res, true, conditional));
      if (outcome.kind === 'rendered') await serveRendered(req, res, outcome.rendered, true, conditional, 'BYPASS');
      return;
    }

    let hit = cache.get(url.key);
    // Another instance may have invalidated it while this one missed the message (ADR 009).
    if (hit && !(await sharedFresh(hit.tags, stamps.get(hit)))) {
      cache.delete(url.key);
      hit = undefined;
    }
    if (hit) {
      send(req, res, hit, { cacheControl: publicCacheControl(sMaxage, secondsLeft(hit)), cacheStatus: 'HIT', conditional });
      return;
    }

    // Concurrent misses for one key share one render (DESIGN §8.10).
    const pending = inflight.get(url.key);
    if (pending) {
      const outcome = await pending;
      const stored = cache.get(url.key);
      if (outcome.kind === 'rendered' && stored) {
        send(req, res, stored, { cacheControl: publicCacheControl(sMaxage, secondsLeft(stored)), cacheStatus: 'HIT', conditional });
        return;
      }
      // The shared render was not storable (too big, stale, sets a cookie): this request renders its own.
      const own = await render(req, url.key, false, spillHandler(req, res, false, conditional));
      if (own.kind === 'rendered') await serveRendered(req, res, own.rendered, false, conditional, 'MISS');
      return;
    }

    const rendering = render(req, url.key, false, spillHandler(req, res, false, conditional));
    inflight.set(url.key, rendering);
    let outcome: RenderOutcome;
    try {
      outcome = await rendering;
    } finally {
      inflight.delete(url.key);
    }
    if (outcome.kind === 'streamed') return;
    const { rendered } = outcome;
    if (storable(rendered)) {
      const entry = buildEntry({ status: rendered.status as CacheEntry['status'], headers: rendered.headers, body: rendered.body, tags: rendered.tags, expiresAt: rendered.expiresAt });
      stamps.set(entry, rendered.stamp);
      if (cache.set(url.key, entry)) {
        send(req, res, entry, { cacheControl: publicCacheControl(sMaxage, secondsLeft(entry)), cacheStatus: 'MISS', conditional });
        return;
      }
    }
    await serveRendered(req, res, rendered, false, conditional, 'MISS');
  }

  const front = async function front(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const rawUrl = req.url ?? '/';
    const path = rawUrl.split('?')[0]!;
    try {
      if (path === '/api/views') {
        await handleViewBeacon(req, res, clientIp(req.socket.remoteAddress, req.headers['x-forwarded-for'], trustProxy));
        return;
      }
      if (path === '/enhance.js' && (req.method === 'GET' || req.method === 'HEAD')) {
        if (dev) enhance = loadEnhanceModule(options.publicDir);
        enhance.serve(req, res);
        return;
      }
      setSecurityHeaders(res);
      const reader = (req.method === 'GET' || req.method === 'HEAD') && !PASS_THROUGH.test(path) && !files.has(path) && !isRscRequest(req, rawUrl);
      if (!reader) {
        if (/^\/(?:admin|preview)(?:\/|$)/.test(path)) res.setHeader('cache-control', PRIVATE_NO_STORE);
        await handle(req, res);
        return;
      }
      await serveReader(req, res, rawUrl);
    } catch (error) {
      console.error(`Front layer failed on ${req.method} ${rawUrl}:`, error);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      sendPage(req, res, { status: 500, html: errorPage(await staticPageOptions()), cacheStatus: 'ERROR', cacheControl: PRIVATE_NO_STORE });
    }
  } as FrontLayer;
  front.cache = cache;
  front.close = stopListening;
  return front;
}
