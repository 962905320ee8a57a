import { getImageProps } from 'next/image';
import type { ImageRef } from '@/lib/media-ref';

/**
 * A responsive image from our media variants (the custom loader in lib/image-loader.ts). Rendered
 * as a plain <img> with width and height, so its box is reserved before it loads (no layout shift)
 * and no client component is involved.
 */
export function Picture({
  image,
  sizes,
  eager = false,
  className,
  alt,
}: {
  image: ImageRef;
  sizes: string;
  eager?: boolean;
  className?: string;
  /** Overrides the image's own alt text; '' for a decorative copy next to a linked headline. */
  alt?: string;
}) {
  const { props } = getImageProps({
    src: image.src,
    width: image.width,
    height: image.height,
    alt: alt ?? image.alt,
    sizes,
    loading: eager ? 'eager' : 'lazy',
    fetchPriority: eager ? 'high' : undefined,
  });
  // eslint-disable-next-line @next/next/no-img-element, jsx-a11y/alt-text -- getImageProps supplies alt
  return <img {...props} className={className} />;
}
