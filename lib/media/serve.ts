/**
 * Answers GET/HEAD for /media/<path>. Stored names never change content (a new focal point gets
 * new crop names), so every hit may be cached for a year as immutable. Only our raster types are
 * served, from inside MEDIA_DIR, and never a symlink that points outside it.
 */
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { absoluteMediaPath, mediaRoot } from './storage';

const CONTENT_TYPES: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
  gif: 'image/gif',
};

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  // An image needs no scripts, styles or frames even if someone opens it as a document.
  'Content-Security-Policy': "default-src 'none'; sandbox",
  'Cross-Origin-Resource-Policy': 'same-site',
};

function notFound(): Response {
  return new Response('Not found', {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'public, max-age=60', ...SECURITY_HEADERS },
  });
}

export async function serveMedia(segments: readonly string[], request: Request): Promise<Response> {
  const path = segments.join('/');
  const ext = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
  const type = CONTENT_TYPES[ext];
  const full = type ? absoluteMediaPath(path) : null;
  if (!type || !full) return notFound();
  let size: number;
  let mtime: Date;
  try {
    const real = await realpath(full);
    const root = await realpath(mediaRoot());
    if (!real.startsWith(root + '/')) return notFound();
    const info = await stat(real);
    if (!info.isFile()) return notFound();
    size = info.size;
    mtime = info.mtime;
  } catch {
    return notFound();
  }
  const etag = `"${size.toString(36)}-${Math.floor(mtime.getTime()).toString(36)}"`;
  const headers = {
    'Content-Type': type,
    'Content-Length': String(size),
    'Cache-Control': 'public, max-age=31536000, immutable',
    ETag: etag,
    'Last-Modified': mtime.toUTCString(),
    ...SECURITY_HEADERS,
  };
  const match = request.headers.get('if-none-match');
  if (match && match.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) {
    return new Response(null, { status: 304, headers: { ETag: etag, 'Cache-Control': headers['Cache-Control'] } });
  }
  if (request.method === 'HEAD') return new Response(null, { status: 200, headers });
  const stream = Readable.toWeb(createReadStream(full)) as ReadableStream<Uint8Array>;
  return new Response(stream, { status: 200, headers });
}
