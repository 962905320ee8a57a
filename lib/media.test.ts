import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { deflateSync, crc32 } from 'node:zlib';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { AuthorizationError } from './auth/actor';
import { onInvalidate } from './cache-tags';
import { db } from './db';
import {
  MediaInUseError,
  MediaNotPublishableError,
  MediaRejectedError,
  assertMediaPublishable,
  getMediaUsage,
  listMedia,
  trashMedia,
  updateMediaDetails,
  uploadMedia,
} from './media';
import { createArticle, createSection, createStaff, type Staff } from './media/fixtures';
import { serveMedia } from './media/serve';

let staff: Staff;
beforeAll(async () => {
  staff = await createStaff();
});

const mediaDir = () => process.env.MEDIA_DIR!;

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((entry) => {
    const full = join(dir, entry);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

const photo = (format: 'jpeg' | 'png' | 'webp' | 'avif' | 'gif', width = 640, height = 480) => {
  const img = sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 40 } } });
  return img[format]().toBuffer();
};

/** A JPEG carrying camera EXIF with GPS coordinates, the way phones write them. */
const jpegWithGps = () =>
  sharp({ create: { width: 800, height: 600, channels: 3, background: '#336699' } })
    .withExif({
      IFD0: { Make: 'SecretCam', Model: 'X1', Copyright: 'Owner' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '19/1 54/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '99/1 50/1 0/1' },
    })
    .jpeg()
    .toBuffer();

/** A PNG whose header claims 30000 × 30000 pixels with a tiny compressed body: a decompression bomb. */
function pngBomb(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(30000, 0);
  ihdr.writeUInt32BE(30000, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.alloc(30001 * 50))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

async function rejection(promise: Promise<unknown>): Promise<MediaRejectedError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MediaRejectedError);
  return error as MediaRejectedError;
}

describe('hostile uploads', () => {
  it('refuses each with a clear message and leaves nothing on disk', async () => {
    const jpeg = await photo('jpeg');
    const png = await photo('png');
    const cases: { name: string; bytes: Buffer; status: number; says: RegExp }[] = [
      { name: 'logo.svg', bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), status: 415, says: /SVG images are not accepted/ },
      { name: 'logo.png', bytes: Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'), status: 415, says: /SVG/ },
      { name: 'page.jpg', bytes: Buffer.from('<!doctype html><html><script>alert(1)</script></html>'), status: 415, says: /not a JPEG, PNG, WebP, AVIF or GIF/ },
      { name: 'photo.jpg', bytes: png, status: 415, says: /is a PNG image but its name ends in \.jpg/ },
      { name: 'photo', bytes: jpeg, status: 415, says: /has no extension/ },
      { name: 'photo.jpg.exe', bytes: jpeg, status: 415, says: /ends in \.exe/ },
      { name: 'polyglot.jpg', bytes: Buffer.concat([jpeg, Buffer.from('<script>alert(document.cookie)</script>')]), status: 422, says: /disguised/ },
      { name: 'gifar.gif', bytes: Buffer.concat([await photo('gif'), Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(40)]), status: 422, says: /ZIP archive/ },
      { name: 'html-in-comment.png', bytes: Buffer.concat([png.subarray(0, png.length - 12), Buffer.from('<html><body>hi</body></html>'), png.subarray(png.length - 12)]), status: 422, says: /disguised/ },
      { name: 'huge.jpg', bytes: Buffer.concat([jpeg, Buffer.alloc(26 * 1024 * 1024)]), status: 413, says: /limit is 25 MB/ },
      { name: 'bomb.png', bytes: pngBomb(), status: 413, says: /30000 × 30000 pixels/ },
      { name: 'broken.jpg', bytes: jpeg.subarray(0, 200), status: 422, says: /damaged/ },
      { name: 'empty.jpg', bytes: Buffer.alloc(0), status: 400, says: /empty/ },
      { name: '../../etc/passwd.jpg', bytes: jpeg, status: 400, says: /folders or "\.\."/ },
      { name: '..\\..\\windows\\evil.jpg', bytes: jpeg, status: 400, says: /folders/ },
      { name: 'sub/dir.jpg', bytes: jpeg, status: 400, says: /folders/ },
      { name: 'nul\u0000.jpg', bytes: jpeg, status: 400, says: /control characters/ },
      { name: '.htaccess.jpg', bytes: jpeg, status: 400, says: /start with a dot/ },
    ];
    for (const c of cases) {
      const error = await rejection(uploadMedia(staff.author, { name: c.name, bytes: c.bytes, alt: 'x' }));
      expect({ name: c.name, status: error.status, message: error.message }).toMatchObject({ name: c.name, status: c.status, message: expect.stringMatching(c.says) });
    }
    expect(filesUnder(mediaDir())).toEqual([]);
    expect(await db().media.count()).toBe(0);
  });
});

describe('accepted uploads', () => {
  it('takes every raster format, checked by content', async () => {
    for (const format of ['jpeg', 'png', 'webp', 'avif', 'gif'] as const) {
      const ext = format === 'jpeg' ? 'jpg' : format;
      const item = await uploadMedia(staff.author, { name: `picture.${ext}`, bytes: await photo(format), alt: `A ${format}` });
      expect(item.mimeType).toBe(`image/${format}`);
      expect(item.path).toMatch(new RegExp(`^uploads/\\d{4}/\\d{2}/[0-9a-f]{16}\\.${ext}$`));
      expect((await sharp(await readFile(join(mediaDir(), item.path))).metadata()).width).toBe(640);
    }
  });

  it('strips EXIF and GPS but keeps the picture', async () => {
    const bytes = await jpegWithGps();
    expect((await sharp(bytes).metadata()).exif).toBeDefined();
    const item = await uploadMedia(staff.author, { name: 'IMG_0001.JPG', bytes, alt: 'Blue' });
    for (const path of filesUnder(mediaDir()).filter((p) => p.includes(item.path.replace(/\.jpg$/, '')))) {
      const stored = await readFile(path);
      const meta = await sharp(stored).metadata();
      expect(meta.exif, path).toBeUndefined();
      expect(meta.xmp, path).toBeUndefined();
      expect(stored.toString('latin1')).not.toContain('SecretCam');
    }
    expect(item).toMatchObject({ width: 800, height: 600, originalName: 'IMG_0001.JPG' });
  });

  it('writes the widths the image loader asks for and crops around the focal point', async () => {
    // A portrait picture, red above and blue below: a 16:9 crop shows one colour or the other.
    const bytes = await sharp({ create: { width: 1000, height: 2000, channels: 3, background: '#ff0000' } })
      .composite([{ input: { create: { width: 1000, height: 1000, channels: 3, background: '#0000ff' } }, left: 0, top: 1000 }])
      .png()
      .toBuffer();
    const item = await uploadMedia(staff.editor, { name: 'halves.png', bytes, alt: 'Halves' });
    const base = item.path.replace(/\.png$/, '');
    for (const w of [480, 800, 1200, 1600]) expect(existsSync(join(mediaDir(), `${base}-${w}.webp`))).toBe(true);
    expect(item.wideSrc).toBe(`/media/${base}-wide-50x50.webp`);
    const og = await sharp(await readFile(join(mediaDir(), item.ogUrl.slice('/media/'.length)))).metadata();
    expect([og.width, og.height]).toEqual([1000, 525]);

    const centre = async (path: string) => {
      const { data, info } = await sharp(await readFile(join(mediaDir(), path))).raw().toBuffer({ resolveWithObject: true });
      const at = (Math.floor(info.height / 2) * info.width + Math.floor(info.width / 2)) * info.channels;
      return { size: [info.width, info.height], red: data[at]! > 200, blue: data[at + 2]! > 200 };
    };
    const moved = await updateMediaDetails(staff.editor, item.id, { alt: 'Halves', caption: '', credit: '', focalX: 0.5, focalY: 0.9 });
    if (!moved.ok) throw new Error('update refused');
    expect(moved.media.wideSrc).toBe(`/media/${base}-wide-50x90.webp`);
    expect(await centre(`${base}-wide-50x90-800.webp`)).toEqual({ size: [800, 450], red: false, blue: true });
    expect(existsSync(join(mediaDir(), `${base}-wide-50x50-800.webp`))).toBe(false);

    const up = await updateMediaDetails(staff.editor, item.id, { alt: 'Halves', caption: '', credit: '', focalX: 0.5, focalY: 0.1 });
    if (!up.ok) throw new Error('update refused');
    expect(await centre(`${base}-wide-50x10-800.webp`)).toEqual({ size: [800, 450], red: true, blue: false });
    expect(await centre(up.media.ogUrl.slice('/media/'.length))).toMatchObject({ red: true, blue: false });
  });

  it('serves files with immutable caching and refuses anything else', async () => {
    const item = await uploadMedia(staff.author, { name: 'serve.png', bytes: await photo('png'), alt: 'Served' });
    const get = (path: string, init?: RequestInit) => serveMedia(path.split('/'), new Request(`http://x/media/${path}`, init));
    const ok = await get(item.path);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toBe('image/png');
    expect(ok.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(ok.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await ok.arrayBuffer()).subarray(1, 4).toString()).toBe('PNG');
    expect((await get(item.path, { headers: { 'if-none-match': ok.headers.get('etag')! } })).status).toBe(304);
    expect((await get(item.path, { method: 'HEAD' })).status).toBe(200);
    for (const bad of ['uploads/nope.png', '../../etc/passwd', 'uploads/../../x.png', '.env', 'uploads/x.svg', 'uploads/x.html', '%2e%2e/x.png']) {
      expect((await get(bad)).status, bad).toBe(404);
    }
  });
});

describe('details, usage and trash', () => {
  it('lets authors edit only their own uploads; editors edit any', async () => {
    const item = await uploadMedia(staff.author, { name: 'mine.png', bytes: await photo('png') });
    const details = { alt: 'Rice terraces at dawn', caption: 'Mae Salong', credit: 'Staff', focalX: 0.5, focalY: 0.5 };
    await expect(updateMediaDetails(staff.otherAuthor, item.id, details)).rejects.toBeInstanceOf(AuthorizationError);
    await expect(trashMedia(staff.otherAuthor, item.id)).rejects.toBeInstanceOf(AuthorizationError);
    expect(await updateMediaDetails(staff.author, item.id, details)).toMatchObject({ ok: true, media: { alt: 'Rice terraces at dawn', caption: 'Mae Salong' } });
    expect(await updateMediaDetails(staff.editor, item.id, { ...details, focalX: 2 })).toMatchObject({ ok: false, errors: { focalX: [expect.stringMatching(/inside the image/)] } });
    const anonymous = null as unknown as Parameters<typeof listMedia>[0];
    await expect(listMedia(anonymous)).rejects.toThrow(/sign in/);
  });

  it('refuses to publish images without alt text', async () => {
    const a = await uploadMedia(staff.author, { name: 'no-alt.png', bytes: await photo('png') });
    const b = await uploadMedia(staff.author, { name: 'with-alt.png', bytes: await photo('png'), alt: 'Something' });
    await expect(assertMediaPublishable([{ mediaId: b.id }])).resolves.toBeUndefined();
    // Alt text written where the image is used counts, but only for that use.
    await expect(assertMediaPublishable([{ mediaId: a.id, alt: 'Terraces' }])).resolves.toBeUndefined();
    const error = await assertMediaPublishable([{ mediaId: a.id, alt: 'Terraces' }, { mediaId: a.id, alt: ' ' }, { mediaId: b.id }, { mediaId: 999_999 }]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MediaNotPublishableError);
    expect((error as MediaNotPublishableError).message).toMatch(/Add alt text to no-alt\.png/);
    expect((error as MediaNotPublishableError).problems).toEqual([
      { mediaId: a.id, problem: 'no-alt' },
      { mediaId: 999_999, problem: 'missing' },
    ]);
  });

  it('keeps images in use out of the trash and invalidates the pages that show them', async () => {
    const section = await createSection('media-news');
    const hero = await uploadMedia(staff.editor, { name: 'hero.jpg', bytes: await photo('jpeg'), alt: 'Hero' });
    const inline = await uploadMedia(staff.editor, { name: 'inline.jpg', bytes: await photo('jpeg'), alt: 'Inline' });
    const spare = await uploadMedia(staff.editor, { name: 'spare.jpg', bytes: await photo('jpeg'), alt: 'Spare' });
    const article = await createArticle(section.id, 'with-hero', { heroImageId: hero.id });
    const other = await createArticle(section.id, 'with-inline', {
      body: { blocks: [{ type: 'image', mediaId: inline.id, alt: 'Inline' }] },
    });
    expect((await getMediaUsage(staff.editor, hero.id)).articles.map((a) => a.id)).toEqual([article.id]);
    await expect(trashMedia(staff.editor, hero.id)).rejects.toBeInstanceOf(MediaInUseError);
    await expect(trashMedia(staff.editor, inline.id)).rejects.toThrow(/Headline with-inline/);

    const seen: string[][] = [];
    const stop = onInvalidate((t) => seen.push([...t]));
    await updateMediaDetails(staff.editor, inline.id, { alt: 'Better alt', caption: '', credit: '', focalX: 0.5, focalY: 0.5 });
    stop();
    expect(seen).toEqual([[`article:${other.id}`]]);

    await trashMedia(staff.editor, spare.id);
    const listed = await listMedia(staff.editor, { q: 'spare' });
    expect(listed.items).toEqual([]);
    expect((await listMedia(staff.editor, { q: 'HERO' })).items.map((i) => i.id)).toEqual([hero.id]);
  });
});
