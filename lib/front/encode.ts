/**
 * Compression and validators for front-layer responses (DESIGN §8.1): bodies are compressed once
 * when stored, each encoding gets its own ETag, and `If-None-Match` uses weak comparison.
 */
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { CacheEntry, Variant } from './cache';

/** Below this size compression saves less than its headers cost. */
const MIN_COMPRESS_BYTES = 1024;

/** Images and fonts are compressed already; only text is worth another pass. */
const COMPRESSIBLE = /^(text\/|application\/(?:[\w.+-]*\+)?(?:xml|json|javascript))|^image\/svg\+xml/i;

export type Encoding = 'br' | 'gzip' | 'identity';

export interface EntryInput {
  status: CacheEntry['status'];
  headers: Record<string, string>;
  body: Buffer;
  tags: ReadonlySet<string>;
  expiresAt?: number;
  now?: number;
}

/** Builds a cache entry: hashes the body for the ETag and adds gzip and brotli forms when they help. */
export function buildEntry({ status, headers, body, tags, expiresAt, now = Date.now() }: EntryInput): CacheEntry {
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 22);
  const entry: CacheEntry = { status, headers, identity: { body, etag: `"${hash}"` }, tags, expiresAt, storedAt: now };
  if (body.length >= MIN_COMPRESS_BYTES && COMPRESSIBLE.test(headers['content-type'] ?? '')) {
    // Compression runs on the render path, so every cold request waits for it (ADR 015): brotli
    // quality 5 costs ~0.6 ms on a 40 kB page where quality 9 cost ~16 ms, for ~7 % more bytes.
    const gzip = gzipSync(body, { level: 6 });
    if (gzip.length < body.length) entry.gzip = { body: gzip, etag: `"${hash}-gz"` };
    const br = brotliCompressSync(body, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
    });
    if (br.length < body.length) entry.br = { body: br, etag: `"${hash}-br"` };
  }
  return entry;
}

/** The best encoding of `entry` the client accepts (brotli, then gzip, then none). */
export function chooseVariant(entry: CacheEntry, acceptEncoding: string | undefined): { encoding: Encoding; variant: Variant } {
  const accepted = parseAcceptEncoding(acceptEncoding ?? '');
  if (entry.br && accepted('br')) return { encoding: 'br', variant: entry.br };
  if (entry.gzip && accepted('gzip')) return { encoding: 'gzip', variant: entry.gzip };
  return { encoding: 'identity', variant: entry.identity };
}

function parseAcceptEncoding(header: string): (coding: string) => boolean {
  const q = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    q.set(name, qParam ? Number(qParam.slice(2)) || 0 : 1);
  }
  return (coding) => (q.get(coding) ?? q.get('*') ?? 0) > 0;
}

/**
 * Weak comparison (RFC 9110 §13.1.2): `W/` prefixes are ignored, and any encoding's tag of the
 * same body matches, since a proxy may have stored another encoding of this very response.
 */
export function matchesIfNoneMatch(header: string | undefined, entry: CacheEntry): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  const ours = new Set([entry.identity.etag, entry.gzip?.etag, entry.br?.etag].filter(Boolean));
  return header.split(',').some((candidate) => ours.has(candidate.trim().replace(/^W\//, '')));
}
