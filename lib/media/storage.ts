/**
 * Files under MEDIA_DIR. Layout (shared with lib/seed/images.ts and lib/image-loader.ts):
 *   uploads/<yyyy>/<mm>/<random>.<ext>            the cleaned original
 *   uploads/<yyyy>/<mm>/<random>-<w>.webp         widths for next/image (480, 800, 1200, 1600)
 *   uploads/<yyyy>/<mm>/<random>-wide-<fx>x<fy>-<w>.webp   16:9 crops around the focal point
 *   uploads/<yyyy>/<mm>/<random>-og-<fx>x<fy>.jpg  the 1200×630 sharing image
 * Names are random, never derived from what the uploader sent, and files are written to a
 * temporary name and renamed, so a reader never sees half a file.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { config } from '../config';
import type { EncodedFile } from './process';

export function mediaRoot(): string {
  return resolve(config().MEDIA_DIR);
}

/** A stored relative path is safe when every segment is a plain name. */
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

export function isSafeRelativePath(path: string): boolean {
  const segments = path.split('/');
  return segments.length <= 8 && segments.every((s) => SEGMENT.test(s) && !s.includes('..'));
}

/** Absolute path of a stored file, or null when `path` could escape MEDIA_DIR. */
export function absoluteMediaPath(path: string): string | null {
  if (!isSafeRelativePath(path)) return null;
  const root = mediaRoot();
  const full = resolve(root, path);
  const rel = relative(root, full);
  if (!rel || rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) return null;
  return full;
}

/** A new random base name for an upload made at `now`: `uploads/2026/11/3f9a…`. */
export function newBaseName(now = new Date()): string {
  const yyyy = String(now.getUTCFullYear());
  const mm = String(now.getUTCMonth() + 1).padStart(2, '0');
  return `uploads/${yyyy}/${mm}/${randomBytes(8).toString('hex')}`;
}

export function fileName(base: string, file: Pick<EncodedFile, 'suffix' | 'ext'>): string {
  return `${base}${file.suffix}.${file.ext}`;
}

/** Writes every file or none: on any failure, whatever was already written is removed. */
export async function writeFiles(base: string, files: EncodedFile[]): Promise<string[]> {
  const written: string[] = [];
  try {
    for (const file of files) {
      const path = fileName(base, file);
      const full = absoluteMediaPath(path);
      if (!full) throw new Error(`unsafe media path ${path}`);
      await mkdir(dirname(full), { recursive: true });
      const temp = `${full}.${randomBytes(4).toString('hex')}.tmp`;
      written.push(path);
      try {
        await writeFile(temp, file.data, { flag: 'wx' });
        await rename(temp, full);
      } finally {
        await rm(temp, { force: true });
      }
    }
    return written;
  } catch (error) {
    await removeFiles(written);
    throw error;
  }
}

export async function removeFiles(paths: Iterable<string>): Promise<void> {
  for (const path of paths) {
    const full = absoluteMediaPath(path);
    if (full) await rm(full, { force: true });
  }
}
