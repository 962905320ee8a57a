/**
 * Compression and validators for front-layer responses (DESIGN §8.1): a stored body is compressed
 * once per encoding, when first asked for; each encoding gets its own ETag, and `If-None-Match`
 * uses weak comparison.
 */
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { boundedMemo } from '../bounded-memo';
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

/** Builds a cache entry: hashes the body for the ETag and notes whether compressed forms may help. */
export function buildEntry({ status, headers, body, tags, expiresAt, now = Date.now() }: EntryInput): CacheEntry {
  const hash = createHash('sha256').update(body).digest('base64url').slice(0, 22);
  const compressible = body.length >= MIN_COMPRESS_BYTES && COMPRESSIBLE.test(headers['content-type'] ?? '');
  return { status, headers, identity: { body, etag: `"${hash}"` }, compressible, tags, expiresAt, storedAt: now };
}

type Compressed = Exclude<Encoding, 'identity'>;

// Compression runs on the request path, so the request that first asks for an encoding waits for
// it (ADR 015): brotli quality 5 costs ~0.6 ms on a 40 kB page where quality 9 cost ~16 ms, for ~7 % more bytes.
const COMPRESSORS: Record<Compressed, (body: Buffer) => Buffer> = {
  br: (body) => brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
  gzip: (body) => gzipSync(body, { level: 6 }),
};

const ETAG_SUFFIX: Record<Compressed, string> = { br: '-br', gzip: '-gz' };

function variantEtag(entry: CacheEntry, encoding: Compressed): string {
  return `${entry.identity.etag.slice(0, -1)}${ETAG_SUFFIX[encoding]}"`;
}

/**
 * The best encoding of `entry` the client accepts (brotli, then gzip, then none). A compressed
 * form is made by the first request that accepts it and kept in the entry (null when it came out
 * no smaller): browsers take brotli, so a render pays for one compression, not two, and gzip is
 * made and held only for the few clients that ask for it (ADR 025). `grown` says this call added
 * a form, so the entry's size in the cache must be counted again.
 */
export function chooseVariant(entry: CacheEntry, acceptEncoding: string | undefined): { encoding: Encoding; variant: Variant; grown: boolean } {
  let grown = false;
  if (entry.compressible) {
    const accepted = parseAcceptEncoding(acceptEncoding ?? '');
    for (const encoding of ['br', 'gzip'] as const) {
      if (!accepted(encoding)) continue;
      if (entry[encoding] === undefined) {
        const body = COMPRESSORS[encoding](entry.identity.body);
        entry[encoding] = body.length < entry.identity.body.length ? { body, etag: variantEtag(entry, encoding) } : null;
        grown = true;
      }
      const variant = entry[encoding];
      if (variant) return { encoding, variant, grown };
    }
  }
  return { encoding: 'identity', variant: entry.identity, grown };
}

/** Parsed Accept-Encoding headers: browsers send one of a handful, so each is parsed once. */
const MAX_ACCEPT_HEADERS = 256;
const parseAcceptEncoding = boundedMemo(MAX_ACCEPT_HEADERS, readAcceptEncoding);

function readAcceptEncoding(header: string): (coding: string) => boolean {
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
  const ours = new Set([entry.identity.etag, variantEtag(entry, 'gzip'), variantEtag(entry, 'br')]);
  return header.split(',').some((candidate) => ours.has(candidate.trim().replace(/^W\//, '')));
}
