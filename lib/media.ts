/**
 * The media library: uploads, details (alt text, caption, credit, focal point), listing, usage,
 * trash. Files live under MEDIA_DIR (lib/media/storage.ts) and are served at /media/<path>.
 */
import { readFile } from 'node:fs/promises';
import { requireRole, AuthorizationError, type Actor } from './auth/actor';
import { invalidate, tags } from './cache-tags';
import { db, dbProvider, write, type Tx } from './db';
import { mediaCropUrls, variantsOf as storedVariants } from './media-ref';
import { audit } from './media/audit';
import { decodeStored, decodeUpload, encodeAll, encodeCrops, focalKey, type CropName, type EncodedFile } from './media/process';
import { MediaRejectedError, checkUploadBytes } from './media/sniff';
import { absoluteMediaPath, fileName, newBaseName, removeFiles, writeFiles } from './media/storage';
import { containsText } from './media/sql';
import {
  MAX_UPLOAD_BYTES,
  MEDIA_FORMATS,
  MIME_TYPES,
  mediaDetailsSchema,
  mediaListSchema,
  uploadNameSchema,
  type MediaFormat,
} from './validation/media';

export { MediaRejectedError };

export interface MediaVariant {
  width: number;
  height: number;
  path: string;
  crop?: CropName;
}

export interface MediaItem {
  id: number;
  /** Relative to MEDIA_DIR; the public URL is `/media/${path}`. */
  path: string;
  url: string;
  originalName: string;
  mimeType: string;
  width: number;
  height: number;
  bytes: number;
  alt: string;
  caption: string | null;
  credit: string | null;
  focalX: number;
  focalY: number;
  /** src for next/image of the 16:9 crop (the loader appends the width), or the original when there is none. */
  wideSrc: string;
  /** The 1200×630 sharing image, or the original when there is none. */
  ogUrl: string;
  uploadedById: number | null;
  createdAt: Date;
  deletedAt: Date | null;
}

const mediaSelect = {
  id: true,
  path: true,
  originalName: true,
  mimeType: true,
  width: true,
  height: true,
  bytes: true,
  alt: true,
  caption: true,
  credit: true,
  focalX: true,
  focalY: true,
  variants: true,
  uploadedById: true,
  createdAt: true,
  deletedAt: true,
} as const;

type MediaRow = {
  id: number;
  path: string;
  originalName: string;
  mimeType: string;
  width: number;
  height: number;
  bytes: number;
  alt: string;
  caption: string | null;
  credit: string | null;
  focalX: number;
  focalY: number;
  variants: unknown;
  uploadedById: number | null;
  createdAt: Date;
  deletedAt: Date | null;
};

const variantsOf = (row: { variants: unknown }) => storedVariants(row) as MediaVariant[];

function toItem(row: MediaRow): MediaItem {
  const { variants: _variants, ...rest } = row;
  return { ...rest, url: `/media/${row.path}`, ...mediaCropUrls(row) };
}

const STAFF = ['admin', 'editor', 'author'] as const;

/** Authors manage what they uploaded; editors and admins manage everything. */
function requireManage(actor: Actor, row: { uploadedById: number | null }): void {
  requireRole(actor, ...STAFF);
  if (actor.role === 'author' && row.uploadedById !== actor.userId) {
    throw new AuthorizationError('Only an editor can change an image someone else uploaded.');
  }
}

// One upload is decoded at a time: a 50-megapixel image needs ~200 MB of pixels, and libvips
// already uses every core for each one.
let processing: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const run = processing.then(work, work);
  processing = run.catch(() => undefined);
  return run;
}

export interface UploadInput {
  name: string;
  bytes: Buffer;
  alt?: string;
  caption?: string;
  credit?: string;
}

function variantRecords(base: string, files: EncodedFile[]): MediaVariant[] {
  return files
    .filter((f) => f.suffix !== '')
    .map((f) => ({ width: f.width, height: f.height, path: fileName(base, f), ...(f.crop ? { crop: f.crop } : {}) }));
}

/** An accepted image whose files are written but whose Media row is not yet recorded. */
export interface PreparedMedia {
  /** The Media row's fields, except who uploaded it and where it came from. */
  data: {
    path: string;
    originalName: string;
    mimeType: string;
    width: number;
    height: number;
    bytes: number;
    alt: string;
    caption: string | null;
    credit: string | null;
    variants: object[];
  };
  /** Every file written, for {@link discardPreparedMedia} when recording the row fails. */
  files: string[];
}

/**
 * Everything an upload goes through before it is recorded, shared by the upload form and the
 * WordPress importer: checks the file by its content (size, format sniffed from the bytes and
 * matching the name, pixel limits), strips its metadata, writes the original and its variants.
 * A refused file throws MediaRejectedError (with an HTTP status) and leaves nothing on disk.
 */
export async function prepareMedia(input: UploadInput, now = new Date()): Promise<PreparedMedia> {
  const named = uploadNameSchema.safeParse(input.name);
  if (!named.success) throw new MediaRejectedError(named.error.issues[0]!.message, 400);
  const name = named.data;
  if (input.bytes.length === 0) throw new MediaRejectedError(`${name}: the file is empty.`, 400);
  if (input.bytes.length > MAX_UPLOAD_BYTES) {
    throw new MediaRejectedError(`${name}: the file is ${(input.bytes.length / 1048576).toFixed(1)} MB; the limit is ${MAX_UPLOAD_BYTES / 1048576} MB.`, 413);
  }
  const details = mediaDetailsSchema.pick({ alt: true, caption: true, credit: true }).safeParse({
    alt: input.alt ?? '',
    caption: input.caption ?? '',
    credit: input.credit ?? '',
  });
  if (!details.success) throw new MediaRejectedError(details.error.issues[0]!.message, 400);
  const format = checkUploadBytes(name, input.bytes);

  return oneAtATime(async () => {
    const image = await decodeUpload(name, input.bytes, format);
    const files = await encodeAll(image);
    const base = newBaseName(now);
    const original = files.find((f) => f.suffix === '')!;
    const written = await writeFiles(base, files);
    return {
      data: {
        path: fileName(base, original),
        originalName: name,
        mimeType: MIME_TYPES[format],
        width: image.width,
        height: image.height,
        bytes: original.data.length,
        alt: details.data.alt,
        caption: details.data.caption || null,
        credit: details.data.credit || null,
        variants: variantRecords(base, files) as object[],
      },
      files: written,
    };
  });
}

/** Removes a prepared image's files (its row could not be recorded). */
export async function discardPreparedMedia(prepared: PreparedMedia): Promise<void> {
  await removeFiles(prepared.files);
}

/**
 * Checks an upload by its content, strips its metadata, writes the original and its variants,
 * and records it. A refused file throws MediaRejectedError (with an HTTP status) and leaves
 * nothing on disk.
 */
export async function uploadMedia(actor: Actor, input: UploadInput, now = new Date()): Promise<MediaItem> {
  requireRole(actor, ...STAFF);
  const prepared = await prepareMedia(input, now);
  try {
    const row = await write(async (tx) => {
      const created = await tx.media.create({ data: { ...prepared.data, uploadedById: actor.userId }, select: mediaSelect });
      await audit(tx, actor, { action: 'media.upload', entityType: 'media', entityId: created.id, summary: `Uploaded ${prepared.data.originalName}` });
      return created;
    });
    return toItem(row);
  } catch (error) {
    await discardPreparedMedia(prepared);
    throw error;
  }
}

export async function getMedia(actor: Actor, id: number): Promise<MediaItem | null> {
  requireRole(actor, ...STAFF);
  const row = await db().media.findUnique({ where: { id }, select: mediaSelect });
  return row ? toItem(row) : null;
}

export interface MediaPage {
  items: MediaItem[];
  page: number;
  pages: number;
  total: number;
}

export const MEDIA_PAGE_SIZE = 24;

/** The library grid: newest first, searchable by name, alt text, caption and credit. */
export async function listMedia(actor: Actor, filters: unknown = {}): Promise<MediaPage> {
  requireRole(actor, ...STAFF);
  const f = mediaListSchema.parse(filters);
  const where = {
    deletedAt: null,
    ...(f.q ? { OR: [{ originalName: containsText(f.q) }, { alt: containsText(f.q) }, { caption: containsText(f.q) }, { credit: containsText(f.q) }] } : {}),
    ...(f.format ? { mimeType: MIME_TYPES[f.format] } : {}),
    ...(f.missingAlt ? { alt: '' } : {}),
    ...(f.mine ? { uploadedById: actor.userId } : {}),
  };
  const [total, rows] = await Promise.all([
    db().media.count({ where }),
    db().media.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], skip: (f.page - 1) * MEDIA_PAGE_SIZE, take: MEDIA_PAGE_SIZE, select: mediaSelect }),
  ]);
  return { items: rows.map(toItem), page: f.page, pages: Math.max(1, Math.ceil(total / MEDIA_PAGE_SIZE)), total };
}

export interface MediaUsage {
  articles: { id: number; headline: string; trashed: boolean }[];
  people: { id: number; name: string }[];
  siteLogo: boolean;
}

/** Ids of articles whose body or staged body has an image block showing `mediaId`. */
async function articlesWithBodyImage(client: Tx | ReturnType<typeof db>, mediaId: number): Promise<number[]> {
  const id = Math.trunc(mediaId);
  const rows =
    dbProvider() === 'postgresql'
      ? await client.$queryRawUnsafe<{ id: number }[]>(
          `SELECT "id" FROM "Article" WHERE "body" @> $1::jsonb OR "stagedCopy" @> $2::jsonb`,
          JSON.stringify({ blocks: [{ mediaId: id }] }),
          JSON.stringify({ body: { blocks: [{ mediaId: id }] } }),
        )
      : // Prisma stores SQLite JSON compactly, so the key is always followed directly by the number.
        await client.$queryRawUnsafe<{ id: number }[]>(
          `SELECT "id" FROM "Article" WHERE "body" LIKE ? OR "body" LIKE ? OR "stagedCopy" LIKE ? OR "stagedCopy" LIKE ?`,
          ...[`%"mediaId":${id},%`, `%"mediaId":${id}}%`].flatMap((p) => [p, p]),
        );
  return rows.map((r) => Number(r.id));
}

async function usageOf(client: Tx | ReturnType<typeof db>, mediaId: number): Promise<MediaUsage> {
  const bodyIds = await articlesWithBodyImage(client, mediaId);
  const [articles, people, settings] = await Promise.all([
    client.article.findMany({
      where: { OR: [{ heroImageId: mediaId }, { id: { in: bodyIds } }] },
      select: { id: true, headline: true, deletedAt: true },
      orderBy: { id: 'desc' },
      take: 50,
    }),
    client.person.findMany({ where: { photoId: mediaId }, select: { id: true, name: true }, take: 50 }),
    client.siteSettings.count({ where: { logoId: mediaId } }),
  ]);
  return { articles: articles.map((a) => ({ id: a.id, headline: a.headline, trashed: a.deletedAt !== null })), people, siteLogo: settings > 0 };
}

export async function getMediaUsage(actor: Actor, mediaId: number): Promise<MediaUsage> {
  requireRole(actor, ...STAFF);
  return usageOf(db(), mediaId);
}

/** Cache tags of every reader page that shows this image. */
function usageTags(usage: MediaUsage): string[] {
  return [
    ...usage.articles.map((a) => tags.article(a.id)),
    ...usage.people.map((p) => tags.author(p.id)),
    ...(usage.siteLogo ? [tags.settings] : []),
  ];
}

export class MediaNotFoundError extends Error {
  readonly status = 404;
  constructor(message = 'That image no longer exists.') {
    super(message);
    this.name = 'MediaNotFoundError';
  }
}

export type MediaDetailsResult = { ok: true; media: MediaItem } | { ok: false; errors: Record<string, string[]> };

/**
 * Saves alt text, caption, credit and focal point. A new focal point re-cuts the crops under new
 * names (old URLs stay cached forever elsewhere, so they are never overwritten) and removes the old ones.
 */
export async function updateMediaDetails(actor: Actor, id: number, input: unknown): Promise<MediaDetailsResult> {
  requireRole(actor, ...STAFF);
  const parsed = mediaDetailsSchema.safeParse(input);
  if (!parsed.success) return { ok: false, errors: parsed.error.flatten().fieldErrors as Record<string, string[]> };
  const before = await db().media.findUnique({ where: { id }, select: mediaSelect });
  if (!before || before.deletedAt) throw new MediaNotFoundError();
  requireManage(actor, before);
  const data = parsed.data;
  const focalX = Math.round(data.focalX * 100) / 100;
  const focalY = Math.round(data.focalY * 100) / 100;

  const oldVariants = variantsOf(before);
  let variants = oldVariants;
  let newCropPaths: string[] = [];
  const hadCrops = oldVariants.some((v) => v.crop);
  if (hadCrops && focalKey(focalX, focalY) !== focalKey(before.focalX, before.focalY)) {
    const full = absoluteMediaPath(before.path);
    const format = (MEDIA_FORMATS.find((f) => MIME_TYPES[f] === before.mimeType) ?? 'jpeg') as MediaFormat;
    const crops = await oneAtATime(async () => encodeCrops(await decodeStored(await readFile(full!), format), focalX, focalY));
    const base = before.path.replace(/\.[a-z0-9]+$/i, '');
    newCropPaths = await writeFiles(base, crops);
    variants = [...oldVariants.filter((v) => !v.crop), ...variantRecords(base, crops)];
  }

  let after: MediaRow;
  let usage: MediaUsage;
  try {
    ({ after, usage } = await write(async (tx) => {
      const updated = await tx.media.update({
        where: { id },
        data: { alt: data.alt, caption: data.caption || null, credit: data.credit || null, focalX, focalY, variants: variants as object[] },
        select: mediaSelect,
      });
      await audit(tx, actor, {
        action: 'media.update',
        entityType: 'media',
        entityId: id,
        summary: `Updated details of ${before.originalName}`,
        before: { alt: before.alt, caption: before.caption, credit: before.credit, focalX: before.focalX, focalY: before.focalY },
        after: { alt: updated.alt, caption: updated.caption, credit: updated.credit, focalX, focalY },
      });
      return { after: updated, usage: await usageOf(tx, id) };
    }));
  } catch (error) {
    await removeFiles(newCropPaths);
    throw error;
  }
  if (newCropPaths.length) await removeFiles(oldVariants.filter((v) => v.crop).map((v) => v.path));
  await invalidate(usageTags(usage));
  return { ok: true, media: toItem(after) };
}

export class MediaInUseError extends Error {
  readonly status = 409;
  constructor(
    readonly usage: MediaUsage,
    message: string,
  ) {
    super(message);
    this.name = 'MediaInUseError';
  }
}

function describeUsage(usage: MediaUsage): string {
  const parts: string[] = [];
  if (usage.articles.length) parts.push(`${usage.articles.length} article${usage.articles.length === 1 ? '' : 's'} (${usage.articles.slice(0, 3).map((a) => `“${a.headline}”`).join(', ')}${usage.articles.length > 3 ? '…' : ''})`);
  if (usage.people.length) parts.push(`the profile of ${usage.people.map((p) => p.name).join(', ')}`);
  if (usage.siteLogo) parts.push('the site logo');
  return parts.join(', ');
}

/** Moves an unused image to the trash; an image shown anywhere (even in a trashed article) stays. */
export async function trashMedia(actor: Actor, id: number, now = new Date()): Promise<void> {
  requireRole(actor, ...STAFF);
  await write(async (tx) => {
    const row = await tx.media.findUnique({ where: { id }, select: { id: true, originalName: true, uploadedById: true, deletedAt: true } });
    if (!row || row.deletedAt) throw new MediaNotFoundError();
    requireManage(actor, row);
    const usage = await usageOf(tx, id);
    if (usage.articles.length || usage.people.length || usage.siteLogo) {
      throw new MediaInUseError(usage, `This image is still used by ${describeUsage(usage)}. Remove it there first.`);
    }
    await tx.media.update({ where: { id }, data: { deletedAt: now } });
    await audit(tx, actor, { action: 'media.trash', entityType: 'media', entityId: id, summary: `Moved ${row.originalName} to the trash` });
  });
  // Nothing public shows an unused image, so there is nothing to invalidate.
}

export class MediaNotPublishableError extends Error {
  readonly status = 422;
  constructor(
    readonly problems: { mediaId: number; problem: 'missing' | 'trashed' | 'no-alt' }[],
    message: string,
  ) {
    super(message);
    this.name = 'MediaNotPublishableError';
  }
}

/** One place an article shows an image, with the alt text that place gives it (empty: the library's). */
export interface ImageUse {
  mediaId: number;
  alt?: string | null;
}

/**
 * Throws MediaNotPublishableError unless every image used exists, is not in the trash and has
 * alt text — the use's own, or the library's. The publishing workflow calls it (inside its
 * transaction when given `tx`) with the hero and body images of the copy about to go live.
 */
export async function assertMediaPublishable(uses: Iterable<ImageUse>, tx?: Tx): Promise<void> {
  const list = [...uses];
  const wanted = [...new Set(list.map((u) => u.mediaId))];
  if (!wanted.length) return;
  // The library's alt text is what readers get wherever a use leaves its own empty.
  const needsLibraryAlt = new Set(list.filter((u) => !u.alt?.trim()).map((u) => u.mediaId));
  const rows = await (tx ?? db()).media.findMany({ where: { id: { in: wanted } }, select: { id: true, alt: true, deletedAt: true, originalName: true } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  const problems: MediaNotPublishableError['problems'] = [];
  const names: string[] = [];
  for (const id of wanted) {
    const row = byId.get(id);
    if (!row) problems.push({ mediaId: id, problem: 'missing' });
    else if (row.deletedAt) problems.push({ mediaId: id, problem: 'trashed' });
    else if (!row.alt.trim() && needsLibraryAlt.has(id)) {
      problems.push({ mediaId: id, problem: 'no-alt' });
      names.push(row.originalName);
    }
  }
  if (!problems.length) return;
  const missing = problems.filter((p) => p.problem !== 'no-alt').length;
  const message = [
    names.length ? `Add alt text to ${names.join(', ')} in the media library before publishing.` : '',
    missing ? `${missing} image${missing === 1 ? ' is' : 's are'} no longer in the library; choose another.` : '',
  ]
    .filter(Boolean)
    .join(' ');
  throw new MediaNotPublishableError(problems, message);
}

/** Restores a trashed image (lib/trash.ts checks the role and writes the audit row). */
export async function restoreMediaRow(tx: Tx, id: number): Promise<void> {
  await tx.media.update({ where: { id }, data: { deletedAt: null } });
}

/** Paths of an image's original and variants, for purging. */
export function mediaFilePaths(row: { path: string; variants: unknown }): string[] {
  return [row.path, ...variantsOf(row).map((v) => v.path)];
}

