// What a page costs a reader: its HTML as served (identity), and the JavaScript it loads (external
// modules fetched, inline scripts counted; JSON-LD is data, not code), both also gzip-compressed.
import { gzipSync } from 'node:zlib';

export interface PageWeight {
  /** The exact body served, kept so nginx can serve the same bytes. */
  body: Buffer;
  contentType: string;
  htmlBytes: number;
  htmlGzip: number;
  jsBytes: number;
  jsGzip: number;
}

const IDENTITY = { headers: { 'accept-encoding': 'identity' } };

export async function pageWeight(origin: string, path: string): Promise<PageWeight> {
  const response = await fetch(origin + path, IDENTITY);
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  const body = Buffer.from(await response.arrayBuffer());
  const contentType = response.headers.get('content-type') ?? '';
  let jsBytes = 0;
  let jsGzip = 0;
  if (contentType.startsWith('text/html')) {
    for (const [, attributes, content] of body.toString('utf8').matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
      if (/type="application\/ld\+json"/.test(attributes!)) continue;
      const src = /src="([^"]+)"/.exec(attributes!)?.[1];
      const code = src ? Buffer.from(await (await fetch(new URL(src, origin + path), IDENTITY)).arrayBuffer()) : Buffer.from(content!);
      jsBytes += code.length;
      jsGzip += gzipSync(code, { level: 9 }).length;
    }
  }
  return { body, contentType, htmlBytes: body.length, htmlGzip: gzipSync(body).length, jsBytes, jsGzip };
}
