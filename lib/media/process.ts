/**
 * Everything sharp does to an accepted upload: decode under pixel limits, turn it upright, drop
 * every byte of metadata (EXIF, GPS, XMP, IPTC, maker notes), and encode the original plus the
 * variants the reader pages use. Works in memory; lib/media/storage.ts writes the results.
 */
import sharp, { type Metadata, type Sharp } from 'sharp';
import { VARIANT_WIDTHS } from '../image-loader';
import { MAX_PIXELS, MAX_SIDE, type MediaFormat } from '../validation/media';
import { MediaRejectedError, formatLabel } from './sniff';

/** The 16:9 crop used for heroes and cards, and the 1200×630 social-sharing image. */
export const CROPS = {
  wide: { ratio: 16 / 9, widths: VARIANT_WIDTHS, ext: 'webp' },
  og: { ratio: 1200 / 630, widths: [1200], ext: 'jpg' },
} as const;
export type CropName = keyof typeof CROPS;

export interface EncodedFile {
  /** Appended to the stored base name: '' for the original, '-800', '-wide-50x45-800', … */
  suffix: string;
  ext: string;
  width: number;
  height: number;
  crop?: CropName;
  data: Buffer;
}

export interface DecodedImage {
  format: MediaFormat;
  width: number;
  height: number;
  /** Upright, metadata-free pixels, decoded once. */
  pixels: Buffer;
  channels: 1 | 2 | 3 | 4;
}

// Never let libvips read more pixels than we accept, whatever the header claims.
const sharpInput = (bytes: Buffer) => sharp(bytes, { limitInputPixels: MAX_PIXELS, failOn: 'error', animated: false });

/** Decodes an upload after checking its declared size, so a decompression bomb never inflates. */
export async function decodeUpload(name: string, bytes: Buffer, format: MediaFormat): Promise<DecodedImage> {
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw new MediaRejectedError(`${name}: the ${formatLabel(format)} file is damaged and cannot be read.`);
  }
  const actual = meta.format === 'heif' && meta.compression === 'av1' ? 'avif' : meta.format;
  if (actual !== format) throw new MediaRejectedError(`${name}: the file starts like a ${formatLabel(format)} image but is not one.`, 415);
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  if (!width || !height) throw new MediaRejectedError(`${name}: the image has no size.`);
  if (width > MAX_SIDE || height > MAX_SIDE || width * height > MAX_PIXELS) {
    throw new MediaRejectedError(
      `${name}: the image is ${width} × ${height} pixels; the limit is ${MAX_PIXELS / 1_000_000} megapixels and ${MAX_SIDE} pixels a side.`,
      413,
    );
  }
  try {
    // rotate() applies the EXIF orientation before the EXIF block is discarded with the rest.
    const { data, info } = await sharpInput(bytes).rotate().raw().toBuffer({ resolveWithObject: true });
    return { format, width: info.width, height: info.height, pixels: data, channels: info.channels };
  } catch {
    throw new MediaRejectedError(`${name}: the ${formatLabel(format)} file is damaged and cannot be read.`);
  }
}

const fromPixels = (image: DecodedImage) => sharp(image.pixels, { raw: { width: image.width, height: image.height, channels: image.channels } });

/** The original, re-encoded in its own format: pixels kept, metadata gone. */
async function encodeOriginal(image: DecodedImage): Promise<EncodedFile> {
  const base = fromPixels(image);
  const encoders: Record<MediaFormat, [string, () => Sharp]> = {
    jpeg: ['jpg', () => base.jpeg({ quality: 90, mozjpeg: true })],
    png: ['png', () => base.png({ compressionLevel: 9 })],
    webp: ['webp', () => base.webp({ quality: 90 })],
    avif: ['avif', () => base.avif({ quality: 70, effort: 2 })],
    gif: ['gif', () => base.gif()],
  };
  const [ext, encode] = encoders[image.format];
  const data = await encode().toBuffer();
  return { suffix: '', ext, width: image.width, height: image.height, data };
}

/** The largest rectangle of `ratio` inside the image, centred on the focal point as far as the edges allow. */
export function cropRect(width: number, height: number, ratio: number, focalX: number, focalY: number) {
  let w = width;
  let h = Math.round(width / ratio);
  if (h > height) {
    h = height;
    w = Math.round(height * ratio);
  }
  const clamp = (v: number, max: number) => Math.max(0, Math.min(max, v));
  const left = clamp(Math.round(focalX * width - w / 2), width - w);
  const top = clamp(Math.round(focalY * height - h / 2), height - h);
  return { left, top, width: w, height: h };
}

/** Names crops after their focal point, so moving it yields new URLs that can be cached forever. */
export function focalKey(focalX: number, focalY: number): string {
  return `${Math.round(focalX * 100)}x${Math.round(focalY * 100)}`;
}

/** The crops for one focal point: 16:9 at every loader width and the 1200×630 sharing image. */
export async function encodeCrops(image: DecodedImage, focalX: number, focalY: number): Promise<EncodedFile[]> {
  const key = focalKey(focalX, focalY);
  const jobs: Promise<EncodedFile>[] = [];
  for (const [name, crop] of Object.entries(CROPS) as [CropName, (typeof CROPS)[CropName]][]) {
    const rect = cropRect(image.width, image.height, crop.ratio, focalX, focalY);
    for (const width of crop.widths) {
      // Never enlarge: a small picture's "1600" file holds its own size, as the loader expects a file per width.
      const w = Math.min(width, rect.width);
      const h = Math.round(w / crop.ratio);
      const pipeline = fromPixels(image).extract(rect).resize(w, h, { fit: 'cover' });
      const encoded = crop.ext === 'jpg' ? pipeline.flatten({ background: '#ffffff' }).jpeg({ quality: 82, mozjpeg: true }) : pipeline.webp({ quality: 78 });
      const suffix = crop.widths.length > 1 ? `-${name}-${key}-${width}` : `-${name}-${key}`;
      jobs.push(encoded.toBuffer().then((data) => ({ suffix, ext: crop.ext, width: w, height: h, crop: name, data })));
    }
  }
  return Promise.all(jobs);
}

/** Width variants with the original's proportions, named as lib/image-loader.ts expects. */
async function encodeWidths(image: DecodedImage): Promise<EncodedFile[]> {
  return Promise.all(
    VARIANT_WIDTHS.map(async (width) => {
      const w = Math.min(width, image.width);
      const h = Math.max(1, Math.round((image.height * w) / image.width));
      const data = await fromPixels(image).resize(w, h).webp({ quality: 78 }).toBuffer();
      return { suffix: `-${width}`, ext: 'webp', width: w, height: h, data };
    }),
  );
}

/** The original and every variant of a freshly accepted upload. */
export async function encodeAll(image: DecodedImage, focalX = 0.5, focalY = 0.5): Promise<EncodedFile[]> {
  const [original, widths, crops] = await Promise.all([encodeOriginal(image), encodeWidths(image), encodeCrops(image, focalX, focalY)]);
  return [original, ...widths, ...crops];
}

/** Decodes a stored original (already clean and within limits) to re-cut its crops. */
export async function decodeStored(bytes: Buffer, format: MediaFormat): Promise<DecodedImage> {
  const { data, info } = await sharpInput(bytes).raw().toBuffer({ resolveWithObject: true });
  return { format, width: info.width, height: info.height, pixels: data, channels: info.channels };
}
