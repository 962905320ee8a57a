/**
 * Serves `public/enhance.js` from memory, compressed once, under a content-hashed URL that
 * browsers may keep for a year (the hash changes whenever the file does).
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import { buildEntry, chooseVariant, matchesIfNoneMatch } from './encode';
import { SECURITY_HEADERS } from './headers';

export const ENHANCE_FILE = 'enhance.js';

export interface StaticAsset {
  /** The URL pages reference, with its version parameter. */
  url: string;
  serve(req: IncomingMessage, res: ServerResponse): void;
}

export function loadEnhanceModule(publicDir: string): StaticAsset {
  let source: Buffer;
  try {
    source = readFileSync(join(publicDir, ENHANCE_FILE));
  } catch {
    source = Buffer.from('');
  }
  const entry = buildEntry({ status: 200, headers: { 'content-type': 'text/javascript; charset=utf-8' }, body: source, tags: new Set() });
  const version = entry.identity.etag.slice(1, 11);
  const url = `/${ENHANCE_FILE}?v=${version}`;
  return {
    url,
    serve(req, res) {
      const { encoding, variant } = chooseVariant(entry, req.headers['accept-encoding']);
      const current = new URLSearchParams((req.url ?? '').split('?')[1] ?? '').get('v') === version;
      const headers: Record<string, string | number> = {
        ...SECURITY_HEADERS,
        'content-type': 'text/javascript; charset=utf-8',
        'cache-control': current ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
        vary: 'Accept-Encoding',
        etag: variant.etag,
      };
      if (matchesIfNoneMatch(req.headers['if-none-match'], entry)) {
        res.writeHead(304, headers);
        res.end();
        return;
      }
      if (encoding !== 'identity') headers['content-encoding'] = encoding;
      headers['content-length'] = variant.body.length;
      res.writeHead(200, headers);
      res.end(req.method === 'HEAD' ? undefined : variant.body);
    },
  };
}
