import { getSocialCardArticle } from '@/lib/seo/data';
import { renderSocialCard } from '@/lib/social-image';

type Context = { params: Promise<{ file: string }> };

const FILE = /^(\d{1,10})-(\d{1,10})\.png$/;

/**
 * The generated share picture of an article without a hero image. The URL carries the article's
 * version, so a changed headline gets a new URL and the picture can be cached for good.
 */
export async function GET(_request: Request, { params }: Context) {
  const match = FILE.exec((await params).file);
  const article = match ? await getSocialCardArticle(Number(match[1])) : null;
  if (!article) return new Response('No such image\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  const png = await renderSocialCard(article);
  const current = Number(match![2]) === article.version;
  return new Response(new Uint8Array(png), {
    headers: {
      'Content-Type': 'image/png',
      'Content-Length': String(png.length),
      // An old version's URL shows the current card, but only briefly: it is not what it names.
      'Cache-Control': current ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
    },
  });
}
