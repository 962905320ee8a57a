/**
 * Sending a stored entry: the variant the client accepts, a 304 when its ETag matches, and header
 * lists built once per entry and variant rather than per request (ADR 026, 028). Used by the front
 * layer and by the hit worker (ADR 029); free of the database and of Next.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CacheEntry, Variant } from './cache';
import { chooseVariant, matchesIfNoneMatch, type Encoding } from './encode';
import { HSTS, publicCacheControl, readerCsp, SECURITY_HEADERS } from './headers';

export interface SendOptions {
  cacheControl: string;
  cacheStatus: string;
  conditional: { etag?: string; encoding?: string };
  /** The request reached us over HTTPS: the response carries HSTS. */
  https: boolean;
  /** The key the entry is stored under, so a newly made compressed form is counted there. */
  key?: string;
}

export interface StoredResponderOptions {
  /** SITE_URL is https (the CSP then upgrades insecure requests). */
  siteHttps: boolean;
  sMaxage: number;
  /** An entry stored under `key` gained a compressed form and is now larger. */
  grown(key: string, entry: CacheEntry): void;
}

function secondsLeft(entry: CacheEntry, now = Date.now()): number | undefined {
  return entry.expiresAt === undefined ? undefined : (entry.expiresAt - now) / 1000;
}

export class StoredResponder {
  private readonly csp: string;
  private readonly sMaxage: number;
  private readonly sharedCacheControl: string;
  private readonly grown: StoredResponderOptions['grown'];
  /**
   * What a response sends whatever the request, as name/value pairs for `writeHead`: built once
   * per entry; the content type apart, as a 304 leaves it out.
   */
  private readonly fixedHeaders = new WeakMap<CacheEntry, { contentType: string[]; rest: string[] }>();
  /**
   * The header list of a response with a body, reused while the same variant is sent the same way
   * (ADR 028): a cached page's hits then build no header list at all, as writeHead only reads it.
   */
  private readonly responseHeaders = new WeakMap<Variant, { cacheControl: string; cacheStatus: string; https: boolean; list: string[] }>();

  constructor({ siteHttps, sMaxage, grown }: StoredResponderOptions) {
    this.csp = readerCsp({ https: siteHttps });
    this.sMaxage = sMaxage;
    this.sharedCacheControl = publicCacheControl(sMaxage);
    this.grown = grown;
  }

  /** Cache-Control for a shared response of `entry`: capped by its expiry, if it has one. */
  sharedCacheControlFor(entry: CacheEntry): string {
    return entry.expiresAt === undefined ? this.sharedCacheControl : publicCacheControl(this.sMaxage, secondsLeft(entry));
  }

  /** A stored entry answering `req` as a hit. */
  sendHit(req: IncomingMessage, res: ServerResponse, entry: CacheEntry, key: string, https: boolean): void {
    this.send(req, res, entry, {
      cacheControl: this.sharedCacheControlFor(entry),
      cacheStatus: 'HIT',
      conditional: { etag: req.headers['if-none-match'], encoding: req.headers['accept-encoding'] },
      https,
      key,
    });
  }

  send(req: IncomingMessage, res: ServerResponse, entry: CacheEntry, { cacheControl, cacheStatus, conditional, https, key }: SendOptions): void {
    const { encoding, variant, grown } = chooseVariant(entry, conditional.encoding);
    if (grown && key !== undefined) this.grown(key, entry);
    if (entry.status === 200 && matchesIfNoneMatch(conditional.etag, entry)) {
      const headers = [...this.fixedHeadersOf(entry).rest, 'cache-control', cacheControl, 'etag', variant.etag, 'x-cache', cacheStatus];
      if (https) headers.push('strict-transport-security', HSTS);
      res.writeHead(304, headers);
      res.end();
      return;
    }
    res.writeHead(entry.status, this.responseHeadersOf(entry, variant, encoding, cacheControl, cacheStatus, https));
    if (req.method === 'HEAD') res.end();
    else res.end(variant.body);
  }

  private fixedHeadersOf(entry: CacheEntry): { contentType: string[]; rest: string[] } {
    let fixed = this.fixedHeaders.get(entry);
    if (!fixed) {
      const { 'content-type': contentType, ...others } = entry.headers;
      const rest = Object.entries({ ...others, ...SECURITY_HEADERS, vary: 'Accept-Encoding' }).flat();
      if (/^text\/html/i.test(contentType ?? '')) rest.push('content-security-policy', this.csp);
      fixed = { contentType: contentType === undefined ? [] : ['content-type', contentType], rest };
      this.fixedHeaders.set(entry, fixed);
    }
    return fixed;
  }

  private responseHeadersOf(entry: CacheEntry, variant: Variant, encoding: Encoding, cacheControl: string, cacheStatus: string, https: boolean): string[] {
    const known = this.responseHeaders.get(variant);
    if (known && known.cacheControl === cacheControl && known.cacheStatus === cacheStatus && known.https === https) return known.list;
    const fixed = this.fixedHeadersOf(entry);
    const list = [...fixed.rest, 'cache-control', cacheControl, 'etag', variant.etag, 'x-cache', cacheStatus, ...fixed.contentType, 'content-length', String(variant.body.length)];
    if (encoding !== 'identity') list.push('content-encoding', encoding);
    if (https) list.push('strict-transport-security', HSTS);
    this.responseHeaders.set(variant, { cacheControl, cacheStatus, https, list });
    return list;
  }
}
