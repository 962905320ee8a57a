import { buildFeed } from '@/lib/feeds';
import { parseFeedRoute } from '@/lib/seo/feed-route';
import { conditionalResponse } from '@/lib/seo/http';

type Context = { params: Promise<{ format: string; scope?: string[] }> };

/** Every feed URL of DESIGN §4, rewritten here by next.config.js. */
export async function GET(request: Request, { params }: Context) {
  const route = parseFeedRoute(await params);
  const feed = route && (await buildFeed(route.format, route.scope));
  if (!feed) return new Response('No such feed\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return conditionalResponse(request, feed, feed.contentType, () => feed.body);
}
