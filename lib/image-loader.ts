/**
 * next/image loader for our media (DESIGN §8.9). Next's optimizer cannot see /media, so images
 * point at the sharp variants written at upload time: `<base>-<width>.webp`, choosing the
 * smallest stored width at or above the one requested.
 */
export const VARIANT_WIDTHS = [480, 800, 1200, 1600] as const;

export default function mediaLoader({ src, width }: { src: string; width: number; quality?: number }): string {
  if (!src.startsWith('/media/')) return src;
  const chosen = VARIANT_WIDTHS.find((w) => w >= width) ?? VARIANT_WIDTHS[VARIANT_WIDTHS.length - 1];
  return `${src.replace(/\.[a-z0-9]+$/i, '')}-${chosen}.webp`;
}
