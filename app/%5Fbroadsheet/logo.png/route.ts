import { getSeoSettings } from '@/lib/seo/data';
import { renderWordmark } from '@/lib/social-image';

/** The publisher wordmark JSON-LD names as the logo while no logo is uploaded. */
export async function GET() {
  const settings = await getSeoSettings();
  const png = await renderWordmark(settings.name);
  return new Response(new Uint8Array(png), {
    headers: { 'Content-Type': 'image/png', 'Content-Length': String(png.length), 'Cache-Control': 'public, max-age=3600' },
  });
}
