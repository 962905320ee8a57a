/**
 * `/api/views`: the view beacon (DESIGN §5). Answered by the front layer itself, never by Next:
 * it is the most frequent request a busy paper gets and needs nothing but the counter.
 * `POST /api/views?a=ID` (navigator.sendBeacon from public/enhance.js) answers 204;
 * `GET /api/views?a=ID` (a <noscript> pixel) answers a 1×1 GIF. Neither sets a cookie.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { recordView } from '../views';
import { SECURITY_HEADERS } from './headers';

const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

const beaconQuery = z.object({
  a: z.coerce.number({ error: 'a must be an article id' }).int({ error: 'a must be an article id' }).positive({ error: 'a must be an article id' }).max(2_147_483_647, { error: 'a must be an article id' }),
});

function reply(res: ServerResponse, status: number, headers: Record<string, string | number>, body?: Buffer | string) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'cache-control': 'no-store', ...headers });
  res.end(body);
}

export async function handleViewBeacon(req: IncomingMessage, res: ServerResponse, ip: string): Promise<void> {
  if (req.method !== 'POST' && req.method !== 'GET') {
    reply(res, 405, { allow: 'GET, POST', 'content-type': 'application/json' }, JSON.stringify({ error: 'Use POST (beacon) or GET (pixel).' }));
    return;
  }
  // A beacon carries its id in the URL; any body is ignored and not read beyond this drain.
  req.resume();
  const params = Object.fromEntries(new URLSearchParams((req.url ?? '').split('?')[1] ?? ''));
  const parsed = beaconQuery.safeParse(params);
  if (!parsed.success) {
    reply(res, 400, { 'content-type': 'application/json' }, JSON.stringify({ error: parsed.error.issues[0]!.message }));
    return;
  }
  // A view that cannot be counted (Redis down) is lost; the reader's page is unaffected.
  await recordView({ articleId: parsed.data.a, userAgent: req.headers['user-agent'], ip }).catch((error: unknown) => console.error('Counting a view failed:', (error as Error).message));
  if (req.method === 'POST') reply(res, 204, {});
  else reply(res, 200, { 'content-type': 'image/gif', 'content-length': PIXEL.length }, PIXEL);
}
