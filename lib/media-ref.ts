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
}

/** A trashed or missing image is simply not shown. `alt` overrides the library's default text. */
export function mediaImage(row: MediaRow | null | undefined, alt?: string | null): ImageRef | null {
  if (!row || row.deletedAt || row.width <= 0 || row.height <= 0) return null;
  return { src: `/media/${row.path}`, width: row.width, height: row.height, alt: alt ?? row.alt };
}
