import { existsSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { trashArticle } from './article-workflow';
import { AuthorizationError } from './auth/actor';
import { db } from './db';
import { trashMedia, uploadMedia } from './media';
import { createArticle, createSection, createStaff, type Staff } from './media/fixtures';
import { createPage, trashPage } from './pages-editing';
import { loadRedirects } from './redirects';
import { createSection as createSectionAsEditor } from './taxonomy-editing';
import { listTrash, purgeExpiredTrash, purgeFromTrash, restoreFromTrash } from './trash';

let staff: Staff;
let sectionId: number;
beforeAll(async () => {
  staff = await createStaff();
  sectionId = (await createSection('world')).id;
});

const DAY = 86_400_000;
const png = () => sharp({ create: { width: 64, height: 64, channels: 3, background: '#888' } }).png().toBuffer();

describe('trash', () => {
  it('lists trashed articles and restores them through the workflow, as unpublished copies', async () => {
    const article = await createArticle(sectionId, 'back-again');
    await trashArticle(staff.editor, article.id);
    expect((await listTrash(staff.editor)).items).toEqual([expect.objectContaining({ kind: 'article', id: article.id, title: 'Headline back-again' })]);
    await restoreFromTrash(staff.editor, 'article', article.id);
    expect(await db().article.findUniqueOrThrow({ where: { id: article.id }, select: { deletedAt: true, publicationState: true } })).toEqual({ deletedAt: null, publicationState: 'unpublished' });
    expect((await listTrash(staff.editor)).items).toEqual([]);
  });

  it('restores a page only when its URL is still free', async () => {
    const made = await createPage(staff.editor, { title: 'Jobs', slug: 'jobs', body: { blocks: [] } });
    if (!made.ok) throw new Error('page refused');
    await trashPage(staff.editor, made.value.id);
    // The slug stays reserved by the trashed page, so a section cannot take it meanwhile.
    expect(await createSectionAsEditor(staff.editor, { name: 'Jobs', slug: 'jobs' })).toMatchObject({ ok: false });
    await restoreFromTrash(staff.editor, 'page', made.value.id);
    expect(await db().page.findUniqueOrThrow({ where: { id: made.value.id }, select: { deletedAt: true } })).toEqual({ deletedAt: null });
  });

  it('purges after 30 days: rows, files and old URLs answer 410', async () => {
    const now = new Date('2026-12-31T00:00:00Z');
    const old = new Date(now.getTime() - 31 * DAY);
    const recent = new Date(now.getTime() - 29 * DAY);
    const gone = await createArticle(sectionId, 'long-gone', { deletedAt: old });
    const kept = await createArticle(sectionId, 'recently-trashed', { deletedAt: recent });
    const image = await uploadMedia(staff.editor, { name: 'old.png', bytes: await png(), alt: 'Old' });
    await trashMedia(staff.editor, image.id, old);
    const inUse = await uploadMedia(staff.editor, { name: 'used.png', bytes: await png(), alt: 'Used' });
    await db().media.update({ where: { id: inUse.id }, data: { deletedAt: old } });
    await createArticle(sectionId, 'uses-image', { heroImageId: inUse.id });

    expect(await purgeExpiredTrash(now)).toEqual({ articles: 1, pages: 0, media: 1 });
    expect(await db().article.count({ where: { id: gone.id } })).toBe(0);
    expect(await db().article.count({ where: { id: kept.id } })).toBe(1);
    expect(await db().media.count({ where: { id: image.id } })).toBe(0);
    expect(existsSync(join(process.env.MEDIA_DIR!, image.path))).toBe(false);
    expect(existsSync(join(process.env.MEDIA_DIR!, inUse.path))).toBe(true);
    expect((await loadRedirects()).find((r) => r.fromPath === '/world/long-gone')).toEqual({ fromPath: '/world/long-gone', toPath: null });
    expect(await purgeExpiredTrash(now)).toEqual({ articles: 0, pages: 0, media: 0 });
  });

  it('editors list and restore; only admins purge early; authors do neither', async () => {
    const item = await createArticle(sectionId, 'purge-me', { deletedAt: new Date() });
    await expect(listTrash(staff.author)).rejects.toBeInstanceOf(AuthorizationError);
    await expect(restoreFromTrash(staff.author, 'article', item.id)).rejects.toBeInstanceOf(AuthorizationError);
    await expect(purgeFromTrash(staff.editor, 'article', item.id)).rejects.toBeInstanceOf(AuthorizationError);
    expect(await purgeFromTrash(staff.admin, 'article', item.id)).toBe(true);
    expect(await purgeFromTrash(staff.admin, 'article', item.id)).toBe(false);
  });
});
