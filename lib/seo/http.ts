/**
 * Conditional GET for feeds and sitemaps: `ETag` and `Last-Modified` on every response, 304 when
 * the client already holds the current version (RFC 9110 §13: `If-None-Match` wins over
 * `If-Modified-Since`, compared weakly).
 */
import { createHash } from 'node:crypto';
import { config } from '../config';

export interface Validators {
  etag: string;
  lastModified: Date | null;
}

function matchesEtag(header: string, etag: string): boolean {
  if (header.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((candidate) => opaque(candidate) === opaque(etag));
}

/** Whether the request's validators show the client's copy is current. */
export function isNotModified(request: Request, { etag, lastModified }: Validators): boolean {
  const ifNoneMatch = request.headers.get('if-none-match');
  if (ifNoneMatch !== null) return matchesEtag(ifNoneMatch, etag);
  const ifModifiedSince = request.headers.get('if-modified-since');
  if (ifModifiedSince === null || !lastModified) return false;
  const since = Date.parse(ifModifiedSince);
  // HTTP dates have whole seconds.
  return !Number.isNaN(since) && Math.floor(lastModified.getTime() / 1000) * 1000 <= since;
}

export function validatorHeaders({ etag, lastModified }: Validators, contentType: string): Headers {
  const headers = new Headers({
    'Content-Type': contentType,
    ETag: etag,
    'Cache-Control': `public, max-age=0, s-maxage=${config().CACHE_S_MAXAGE}, stale-while-revalidate=300`,
    'X-Content-Type-Options': 'nosniff',
  });
  if (lastModified) headers.set('Last-Modified', lastModified.toUTCString());
  return headers;
}

/** 304 with the validators, or the body with them. `body` is produced only when needed. */
export function conditionalResponse(
  request: Request,
  validators: Validators,
  contentType: string,
  body: () => BodyInit,
): Response {
  const headers = validatorHeaders(validators, contentType);
  if (isNotModified(request, validators)) {
    headers.delete('Content-Type');
    return new Response(null, { status: 304, headers });
  }
  return new Response(request.method === 'HEAD' ? null : body(), { status: 200, headers });
}

/** A weak ETag from a version string (a newest date, a count…), for responses streamed before their bytes are known. */
export function weakEtag(...parts: (string | number)[]): string {
  return `W/"${parts.join('-')}"`;
}

/** An ETag of a complete body (weak: the front layer may re-encode it). */
export function bodyEtag(body: string): string {
  return `W/"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
}

/** An async iterable of strings as a byte stream that pulls only as fast as the client reads. */
export function streamOf(chunks: AsyncIterable<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const iterator = chunks[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}
