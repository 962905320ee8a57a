import { getSeoSettings } from '@/lib/seo/data';
import { robotsTxt } from '@/lib/seo/robots';

/** /robots.txt (rewritten here by next.config.js). */
export async function GET() {
  const settings = await getSeoSettings();
  return new Response(robotsTxt(settings), {
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'public, max-age=0, s-maxage=300' },
  });
}
