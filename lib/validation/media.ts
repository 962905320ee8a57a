/**
 * Media boundaries: what an upload may be, and what an editor may change on a stored image.
 * Shared by the upload route handler, the media server actions and lib/media.ts.
 */
import { z } from 'zod';
import { plainText } from './text';

/** Largest accepted upload. Camera JPEGs are 5–15 MB; anything bigger is not meant for the web. */
export const MAX_UPLOAD_BYTES = 25 * 1024 * 1024;
/** Largest decoded image: 50 megapixels (a 8660 × 5774 frame). Protects against decompression bombs. */
export const MAX_PIXELS = 50_000_000;
/** Longest side accepted, whatever the pixel count (a 60000 × 100 strip is still a bomb for crops). */
export const MAX_SIDE = 16_384;
/** Files accepted in one upload request from the library page. */
export const MAX_FILES_PER_UPLOAD = 20;

export const MEDIA_FORMATS = ['jpeg', 'png', 'webp', 'avif', 'gif'] as const;
export type MediaFormat = (typeof MEDIA_FORMATS)[number];

/** Extensions a file of each format may carry; the name must agree with the content. */
export const EXTENSIONS: Record<MediaFormat, readonly string[]> = {
  jpeg: ['jpg', 'jpeg'],
  png: ['png'],
  webp: ['webp'],
  avif: ['avif'],
  gif: ['gif'],
};

export const MIME_TYPES: Record<MediaFormat, string> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  avif: 'image/avif',
  gif: 'image/gif',
};

/**
 * The name a browser sent. It never becomes a path (stored names are random), but a name with
 * separators or traversal is a sign of a crafted request and is refused outright.
 */
export const uploadNameSchema = z
  .string()
  .min(1, 'The file has no name.')
  .max(200, 'The file name is longer than 200 characters.')
  .refine((name) => !/[/\\]/.test(name) && !name.includes('..'), 'The file name may not contain folders or "..".')
  .refine((name) => !/[\u0000-\u001f\u007f]/.test(name), 'The file name contains control characters.')
  .refine((name) => !name.startsWith('.'), 'The file name may not start with a dot.');

const trimmed = (max: number, label: string) =>
  plainText()
    .trim()
    .max(max, `${label} must be at most ${max} characters.`);

/** A focal point as fractions of width and height, from the top-left corner. */
export const focalSchema = z.coerce.number().min(0, 'The focal point must lie inside the image.').max(1, 'The focal point must lie inside the image.');

/** What an editor may change on a stored image. */
export const mediaDetailsSchema = z.object({
  alt: trimmed(500, 'Alt text'),
  caption: trimmed(1000, 'The caption'),
  credit: trimmed(300, 'The credit'),
  focalX: focalSchema,
  focalY: focalSchema,
});
export type MediaDetailsInput = z.infer<typeof mediaDetailsSchema>;

/** Library filters (search box, type, alt text missing, in trash) with keyset-free page numbers. */
export const mediaListSchema = z.object({
  q: plainText().trim().max(200).optional().catch(undefined),
  format: z.enum(MEDIA_FORMATS).optional().catch(undefined),
  missingAlt: z.coerce.boolean().optional().catch(undefined),
  mine: z.coerce.boolean().optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).default(1).catch(1),
});
export type MediaListInput = z.infer<typeof mediaListSchema>;
