import { sitemapChunk, SITEMAP_CONTENT_TYPE } from '@/lib/sitemaps';
import { conditionalResponse, streamOf } from '@/lib/seo/http';

type Context = { params: Promise<{ name: string }> };

/** /sitemaps/{name}.xml: one chunk, streamed. */
export async function GET(request: Request, { params }: Context) {
  const { name } = await params;
  const chunk = await sitemapChunk(name);
  if (!chunk) return new Response('No such sitemap\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return conditionalResponse(request, chunk, SITEMAP_CONTENT_TYPE, () => streamOf(chunk.chunks));
}
