/** How reader pages refer to a stored image: its public URL (served under /media) and intrinsic size. */

export interface ImageRef {
  src: string;
  width: number;
  height: number;
  alt: string;
}

export interface MediaRow {
  path: string;
  width: number;
  height: number;
  alt: string;
  deletedAt: Date | null;
  /** The variants the media library generated (lib/media.ts); seeded images have none. */
  variants?: unknown;
}

interface StoredVariant {
  width: number;
  height: number;
  path: string;
  crop?: string;
}

export function variantsOf(row: { variants?: unknown }): StoredVariant[] {
  return Array.isArray(row.variants) ? (row.variants as StoredVariant[]) : [];
}

/** The 16:9 crop around the editor's focal point, at its largest width, or undefined when none was made. */
function wideCrop(row: { variants?: unknown }): StoredVariant | undefined {
  return variantsOf(row)
    .filter((v) => v.crop === 'wide')
    .sort((a, b) => b.width - a.width)[0];
}

/** URLs of the crops of a stored image (seeded images have none and fall back to the original). */
export function mediaCropUrls(row: { path: string; variants?: unknown }): { wideSrc: string; ogUrl: string } {
  const wide = wideCrop(row);
  const og = variantsOf(row).find((v) => v.crop === 'og');
  // The loader turns `<base>-wide-<focal>.webp` into `<base>-wide-<focal>-<width>.webp`.
  const wideSrc = wide ? `/media/${wide.path.replace(/-\d+\.webp$/, '.webp')}` : `/media/${row.path}`;
  return { wideSrc, ogUrl: og ? `/media/${og.path}` : `/media/${row.path}` };
}

/** A trashed or missing image is simply not shown. `alt` overrides the library's default text. */
export function mediaImage(row: MediaRow | null | undefined, alt?: string | null): ImageRef | null {
  if (!row || row.deletedAt || row.width <= 0 || row.height <= 0) return null;
  return { src: `/media/${row.path}`, width: row.width, height: row.height, alt: alt ?? row.alt };
}

/** A hero picture: the 16:9 crop around the focal point the editor set, or the original. */
export function heroImage(row: MediaRow | null | undefined, alt?: string | null): ImageRef | null {
  const image = mediaImage(row, alt);
  const wide = row && wideCrop(row);
  if (!image || !wide) return image;
  return { ...image, src: mediaCropUrls(row).wideSrc, width: wide.width, height: wide.height };
}
