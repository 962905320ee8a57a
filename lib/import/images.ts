/**
 * A private image ingest for the importer, writing the layout lib/seed/images.ts writes and
 * lib/image-loader.ts reads: an original under MEDIA_DIR plus `<base>-<width>.webp` variants.
 * Files are checked like uploads: size limit, the format sniffed from the bytes (never the file
 * name), a pixel limit, and metadata (EXIF, GPS) stripped by re-encoding.
 * TODO(lib/media.ts): switch to the media library's ingest once it exists.
 */
import { mkdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import sharp from 'sharp';
import { VARIANT_WIDTHS } from '../image-loader';

export const MAX_IMAGE_BYTES = 25 * 1024 * 1024;
const MAX_PIXELS = 60_000_000;

/** Formats accepted, by what sharp finds in the bytes, and what each is stored as. */
const STORED_AS: Record<string, { ext: string; mime: string }> = {
  jpeg: { ext: 'jpg', mime: 'image/jpeg' },
  png: { ext: 'png', mime: 'image/png' },
  webp: { ext: 'webp', mime: 'image/webp' },
  gif: { ext: 'png', mime: 'image/png' },
  heif: { ext: 'jpg', mime: 'image/jpeg' },
  tiff: { ext: 'jpg', mime: 'image/jpeg' },
};

export interface IngestedImage {
  /** Relative to MEDIA_DIR. */
  path: string;
  mimeType: string;
  width: number;
  height: number;
  bytes: number;
  variants: { width: number; height: number; path: string }[];
}

/** The file cannot be imported; the message says why, for the report. */
export class ImageRejected extends Error {}

/** `relativePath` inside `root`, refusing anything that climbs out of it. */
export function insideDir(root: string, relativePath: string): string | null {
  const full = resolve(root, relativePath.replace(/^\/+/, ''));
  const rel = relative(resolve(root), full);
  return rel && !rel.startsWith('..') && !rel.startsWith(sep) ? full : null;
}

/**
 * Validates `source` and writes it under `mediaDir` as `<base>.<ext>` with its WebP variants.
 * `base` is a path relative to mediaDir without extension (e.g. `wp/12-harbour`).
 */
export async function ingestImage(source: string, mediaDir: string, base: string): Promise<IngestedImage> {
  const info = await stat(source).catch(() => null);
  if (!info?.isFile()) throw new ImageRejected('file not found');
  if (info.size > MAX_IMAGE_BYTES) throw new ImageRejected(`file is ${Math.round(info.size / 1048576)} MB; the limit is ${MAX_IMAGE_BYTES / 1048576} MB`);
  const input = await readFile(source);
  let meta: Awaited<ReturnType<ReturnType<typeof sharp>['metadata']>>;
  try {
    meta = await sharp(input, { limitInputPixels: MAX_PIXELS }).metadata();
  } catch {
    throw new ImageRejected('not a readable image');
  }
  const stored = meta.format ? STORED_AS[meta.format] : undefined;
  if (!stored) throw new ImageRejected(`unsupported image format (${meta.format ?? 'unknown'})`);
  if (!meta.width || !meta.height) throw new ImageRejected('image has no dimensions');

  // Apply the EXIF orientation, then decode once; re-encoding drops every metadata block.
  const { data, info: raw } = await sharp(input, { limitInputPixels: MAX_PIXELS, pages: 1 }).rotate().raw().toBuffer({ resolveWithObject: true });
  const pixels = () => sharp(data, { raw: { width: raw.width, height: raw.height, channels: raw.channels } });
  const path = `${base}.${stored.ext}`;
  await mkdir(dirname(join(mediaDir, path)), { recursive: true });
  const original = pixels();
  const encoded = stored.ext === 'jpg' ? original.flatten({ background: '#ffffff' }).jpeg({ quality: 85, mozjpeg: true }) : stored.ext === 'png' ? original.png() : original.webp({ quality: 85 });
  const written = await encoded.toFile(join(mediaDir, path));

  const variants = VARIANT_WIDTHS.map((width) => {
    // The loader asks for every width; smaller originals are not enlarged.
    const w = Math.min(width, raw.width);
    return { width: w, height: Math.round((raw.height * w) / raw.width), path: `${base}-${width}.webp` };
  });
  await Promise.all(variants.map((v) => pixels().resize(v.width, v.height).webp({ quality: 75, effort: 2 }).toFile(join(mediaDir, v.path))));
  return { path, mimeType: stored.mime, width: raw.width, height: raw.height, bytes: written.size, variants };
}
