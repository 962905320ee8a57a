/**
 * Decides what an uploaded file really is from its bytes, never from its name or the type the
 * browser claimed. Anything that is not one of our raster formats, or that carries a second
 * personality (markup, script or an archive hidden in the same bytes), is refused.
 */
import { EXTENSIONS, type MediaFormat } from '../validation/media';

export class MediaRejectedError extends Error {
  readonly status: number;
  constructor(message: string, status = 422) {
    super(message);
    this.name = 'MediaRejectedError';
    this.status = status;
  }
}

const ascii = (bytes: Buffer, start: number, end: number) => bytes.subarray(start, end).toString('latin1');

/** The raster format named by the leading bytes, 'svg' for markup, or null. */
export function sniffFormat(bytes: Buffer): MediaFormat | 'svg' | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (bytes.length >= 6 && /^GIF8[79]a$/.test(ascii(bytes, 0, 6))) return 'gif';
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
  if (bytes.length >= 12 && ascii(bytes, 4, 8) === 'ftyp') {
    // ISO-BMFF: AVIF declares avif/avis as its major brand or among the compatible brands.
    const boxSize = bytes.readUInt32BE(0);
    const end = Math.min(bytes.length, boxSize >= 16 && boxSize <= 256 ? boxSize : 16);
    const brands = [ascii(bytes, 8, 12)];
    for (let i = 16; i + 4 <= end; i += 4) brands.push(ascii(bytes, i, i + 4));
    return brands.some((b) => b === 'avif' || b === 'avis') ? 'avif' : null;
  }
  const head = ascii(bytes, 0, 512).replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart().toLowerCase();
  if (head.startsWith('<?xml') || head.startsWith('<svg') || head.startsWith('<!doctype svg') || /<svg[\s>]/.test(head)) return 'svg';
  return null;
}

/**
 * Signatures of a second file format hidden in an image: HTML or SVG markup and script that a
 * browser could be talked into rendering, PHP for misconfigured servers, ZIP/JAR archives.
 * Genuine photographs do not contain these byte strings (the chance of one occurring by accident
 * in compressed data is around one in 10^12 per position).
 */
const POLYGLOT_MARKERS = ['<script', '<html', '<svg', '<!doctype', '<?php', '<iframe', '<body', 'javascript:'];
const ZIP_MARKERS = [Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from([0x50, 0x4b, 0x05, 0x06])];

export function findPolyglotMarker(bytes: Buffer): string | null {
  // latin1 keeps one character per byte, so the scan cannot be confused by invalid UTF-8.
  const text = bytes.toString('latin1').toLowerCase();
  for (const marker of POLYGLOT_MARKERS) if (text.includes(marker)) return marker;
  for (const zip of ZIP_MARKERS) if (bytes.includes(zip)) return 'a ZIP archive';
  return null;
}

const LABEL: Record<MediaFormat, string> = { jpeg: 'JPEG', png: 'PNG', webp: 'WebP', avif: 'AVIF', gif: 'GIF' };

export function formatLabel(format: MediaFormat): string {
  return LABEL[format];
}

/**
 * Returns the file's format or throws a MediaRejectedError whose message tells the uploader what
 * to do. `name` has already passed uploadNameSchema.
 */
export function checkUploadBytes(name: string, bytes: Buffer): MediaFormat {
  const format = sniffFormat(bytes);
  if (format === 'svg') {
    throw new MediaRejectedError(`${name}: SVG images are not accepted, because they can carry scripts. Export the image as PNG instead.`, 415);
  }
  if (!format) {
    throw new MediaRejectedError(`${name}: this is not a JPEG, PNG, WebP, AVIF or GIF image.`, 415);
  }
  const ext = name.includes('.') ? name.slice(name.lastIndexOf('.') + 1).toLowerCase() : '';
  if (!EXTENSIONS[format].includes(ext)) {
    const expected = EXTENSIONS[format].map((e) => `.${e}`).join(' or ');
    throw new MediaRejectedError(
      ext ? `${name}: the file is a ${LABEL[format]} image but its name ends in .${ext}. Rename it to end in ${expected}.` : `${name}: the file name has no extension; a ${LABEL[format]} image should end in ${expected}.`,
      415,
    );
  }
  const marker = findPolyglotMarker(bytes);
  if (marker) {
    throw new MediaRejectedError(`${name}: the image also contains ${marker.startsWith('a ') ? marker : `"${marker}"`} — it looks like a disguised file and was refused.`, 422);
  }
  return format;
}
