import { buildSitemapIndex, SITEMAP_CONTENT_TYPE } from '@/lib/sitemaps';
import { conditionalResponse } from '@/lib/seo/http';

/** /sitemap.xml: the sitemap index. */
export async function GET(request: Request) {
  const index = await buildSitemapIndex();
  return conditionalResponse(request, index, SITEMAP_CONTENT_TYPE, () => index.body);
}
