import { buildNewsSitemap, SITEMAP_CONTENT_TYPE } from '@/lib/sitemaps';
import { conditionalResponse } from '@/lib/seo/http';

/** /news-sitemap.xml: Google News, the last 48 hours. */
export async function GET(request: Request) {
  const sitemap = await buildNewsSitemap();
  return conditionalResponse(request, sitemap, SITEMAP_CONTENT_TYPE, () => sitemap.body);
}
