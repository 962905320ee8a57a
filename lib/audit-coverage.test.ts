/**
 * Every kind of newsroom change leaves an audit entry naming who did it (issue 8): each step makes
 * one real change through its lib/ function and expects exactly that action, by that person, to be
 * logged. A new write function needs its step here. (Signing out is logged by the server action in
 * app/admin/session-actions.ts, command-line account tools by lib/users.ts.)
 */
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  approveArticle,
  archiveArticle,
  cancelSchedule,
  createArticle,
  discardStagedEdit,
  publishArticle,
  publishDueArticles,
  restoreArticle,
  returnToDraft,
  saveArticle,
  scheduleArticle,
  submitForReview,
  trashArticle,
  unpublishArticle,
} from './article-workflow';
import type { Actor } from './auth/actor';
import { signIn } from './auth/login';
import { db } from './db';
import { clearBreakingBar, saveHomeCuration, setBreakingBar } from './home-curation';
import { trashMedia, updateMediaDetails, uploadMedia } from './media';
import { createPage, trashPage, updatePage } from './pages-editing';
import { createPerson, deletePerson, updatePerson } from './people-editing';
import { restoreRevision } from './revisions';
import { saveSettings } from './settings-editing';
import { createSection, createTag, deleteSection, deleteTag, mergeTags, moveSection, updateSection, updateTag } from './taxonomy-editing';
import { articleInput, createTestSections, type TestSections } from './testing/content';
import { createTestActor, TEST_PASSWORD } from './testing/users';
import { purgeFromTrash, restoreFromTrash } from './trash';
import { acceptInvitation, changeOwnPassword, changeUserRole, disableUser, enableUser, inviteUser, logOutEverywhere, resetUserPassword, revokeInvitation } from './users';

let sections: TestSections;
let admin: Actor;
let editor: Actor;
let author: Actor;

beforeAll(async () => {
  sections = await createTestSections();
  admin = await createTestActor('admin');
  editor = await createTestActor('editor');
  author = await createTestActor('author');
});

/** Runs `change` and returns the entries it wrote, oldest first, as "action by user id". */
async function entriesOf(change: () => Promise<unknown>): Promise<string[]> {
  const last = (await db().auditLog.findFirst({ orderBy: { id: 'desc' }, select: { id: true } }))?.id ?? 0;
  await change();
  const rows = await db().auditLog.findMany({ where: { id: { gt: last } }, orderBy: { id: 'asc' }, select: { action: true, userId: true } });
  return rows.map((r) => `${r.action} by ${r.userId ?? 'system'}`);
}

const by = (action: string, actor: Actor | null) => `${action} by ${actor?.userId ?? 'system'}`;
const version = async (id: number) => (await db().article.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
const ok = <T extends { ok: boolean }>(result: T) => {
  expect(result).toMatchObject({ ok: true });
  return result as Extract<T, { ok: true }>;
};

describe('every newsroom change writes an audit entry', () => {
  it('articles: every step of the workflow, revisions restore and the scheduler', async () => {
    let id = 0;
    expect(await entriesOf(async () => ({ id } = await createArticle(author, articleInput({ primarySectionId: sections.news }))))).toEqual([by('article.create', author)]);
    const save = (actor: Actor, headline: string) => async () => saveArticle(actor, id, articleInput({ primarySectionId: sections.news, headline }), { baseVersion: await version(id) });
    expect(await entriesOf(save(author, 'A second headline'))).toEqual([by('article.save', author)]);
    expect(await entriesOf(() => submitForReview(author, id))).toEqual([by('article.submit', author)]);
    expect(await entriesOf(() => returnToDraft(editor, id))).toEqual([by('article.return', editor)]);
    expect(await entriesOf(() => approveArticle(editor, id))).toEqual([by('article.approve', editor)]);
    expect(await entriesOf(() => scheduleArticle(editor, id, new Date(Date.now() + 3600_000)))).toEqual([by('article.schedule', editor)]);
    expect(await entriesOf(() => cancelSchedule(editor, id))).toEqual([by('article.unschedule', editor)]);
    expect(await entriesOf(() => publishArticle(editor, id))).toEqual([by('article.publish', editor)]);
    expect(await entriesOf(save(editor, 'A staged headline'))).toEqual([by('article.save', editor)]);
    expect(await entriesOf(() => discardStagedEdit(editor, id))).toEqual([by('article.discard', editor)]);
    const first = (await db().revision.findFirstOrThrow({ where: { articleId: id }, orderBy: { id: 'asc' } })).id;
    expect(await entriesOf(async () => restoreRevision(editor, id, first, { baseVersion: await version(id) }))).toEqual([by('article.restore-revision', editor)]);
    expect(await entriesOf(() => unpublishArticle(editor, id))).toEqual([by('article.unpublish', editor)]);
    expect(await entriesOf(() => publishArticle(admin, id))).toEqual([by('article.publish', admin)]);
    expect(await entriesOf(() => archiveArticle(admin, id))).toEqual([by('article.archive', admin)]);
    expect(await entriesOf(() => trashArticle(admin, id))).toEqual([by('article.trash', admin)]);
    expect(await entriesOf(() => restoreArticle(admin, id))).toEqual([by('article.restore', admin)]);
    expect(await entriesOf(() => trashArticle(admin, id))).toEqual([by('article.trash', admin)]);
    expect(await entriesOf(() => purgeFromTrash(admin, 'article', id))).toEqual([by('article.purge', admin)]);

    const { id: scheduled } = await createArticle(editor, articleInput({ primarySectionId: sections.news }));
    const now = Date.now();
    await scheduleArticle(editor, scheduled, new Date(now + 1000), new Date(now));
    expect(await entriesOf(() => publishDueArticles(new Date(now + 2000)))).toEqual([by('article.publish', null)]);
  });

  it('article entries say what changed: states from and to, and the fields readers see change', async () => {
    const { id } = await createArticle(author, articleInput({ primarySectionId: sections.news, headline: 'Before the edit' }));
    const newest = () => db().auditLog.findFirstOrThrow({ where: { entityType: 'article', entityId: String(id) }, orderBy: { id: 'desc' }, select: { before: true, after: true } });
    await submitForReview(author, id);
    expect(await newest()).toEqual({ before: { editorialState: 'draft' }, after: { editorialState: 'in_review' } });
    await publishArticle(editor, id);
    expect(await newest()).toMatchObject({ before: { publicationState: 'unpublished', path: null }, after: { publicationState: 'published', path: expect.stringMatching(/^\/news-/) } });
    await saveArticle(editor, id, articleInput({ primarySectionId: sections.news, headline: 'After the edit' }), { baseVersion: await version(id) });
    expect(await newest()).toMatchObject({ before: { headline: 'Before the edit' }, after: { headline: 'After the edit' } });
    await publishArticle(editor, id);
    expect(await newest()).toMatchObject({ before: { publicationState: 'published', headline: 'Before the edit' }, after: { publicationState: 'published', headline: 'After the edit' } });
  });

  it('media: upload, details, trash, restore and purge', async () => {
    const bytes = await sharp({ create: { width: 16, height: 16, channels: 3, background: '#363' } }).png().toBuffer();
    let mediaId = 0;
    expect(await entriesOf(async () => ({ id: mediaId } = await uploadMedia(author, { name: 'audit.png', bytes, alt: 'Green' })))).toEqual([by('media.upload', author)]);
    expect(await entriesOf(() => updateMediaDetails(author, mediaId, { alt: 'Dark green', caption: '', credit: '', focalX: 0.5, focalY: 0.5 }))).toEqual([by('media.update', author)]);
    expect(await entriesOf(() => trashMedia(editor, mediaId))).toEqual([by('media.trash', editor)]);
    expect(await entriesOf(() => restoreFromTrash(editor, 'media', mediaId))).toEqual([by('media.restore', editor)]);
    await trashMedia(editor, mediaId);
    expect(await entriesOf(() => purgeFromTrash(admin, 'media', mediaId))).toEqual([by('media.purge', admin)]);
  });

  it('sections, tags and people', async () => {
    let sectionId = 0;
    expect(await entriesOf(async () => ({ id: sectionId } = ok(await createSection(editor, { name: 'Audit desk', slug: 'audit-desk' })).value))).toEqual([by('section.create', editor)]);
    expect(await entriesOf(async () => ok(await updateSection(editor, sectionId, { name: 'Audit desk', slug: 'audit-desk', description: 'Now described' })))).toEqual([by('section.update', editor)]);
    expect(await entriesOf(() => moveSection(editor, sectionId, 'up'))).toEqual([by('section.move', editor)]);
    expect(await entriesOf(async () => ok(await deleteSection(editor, sectionId)))).toEqual([by('section.delete', editor)]);

    let tagId = 0;
    let otherTag = 0;
    expect(await entriesOf(async () => ({ id: tagId } = ok(await createTag(editor, { name: 'Audits', slug: 'audits' })).value))).toEqual([by('tag.create', editor)]);
    ({ id: otherTag } = ok(await createTag(editor, { name: 'Audit', slug: 'audit' })).value);
    expect(await entriesOf(async () => ok(await updateTag(editor, tagId, { name: 'Audits', slug: 'audits-2' })))).toEqual([by('tag.update', editor)]);
    expect(await entriesOf(async () => ok(await mergeTags(editor, otherTag, tagId)))).toEqual([by('tag.merge', editor)]);
    expect(await entriesOf(async () => ok(await deleteTag(editor, tagId)))).toEqual([by('tag.delete', editor)]);

    let personId = 0;
    expect(await entriesOf(async () => ({ id: personId } = ok(await createPerson(editor, { name: 'Audit Person', slug: 'audit-person' })).value))).toEqual([by('person.create', editor)]);
    expect(await entriesOf(async () => ok(await updatePerson(editor, personId, { name: 'Audit Person', slug: 'audit-person', bio: 'Writes.' })))).toEqual([by('person.update', editor)]);
    expect(await entriesOf(async () => ok(await deletePerson(editor, personId)))).toEqual([by('person.delete', editor)]);
  });

  it('pages, settings and the home page', async () => {
    let pageId = 0;
    const page = { title: 'Audit policy', slug: 'audit-policy', body: { blocks: [{ type: 'paragraph', content: [{ text: 'We keep a log.' }] }] } };
    expect(await entriesOf(async () => ({ id: pageId } = ok(await createPage(editor, page)).value))).toEqual([by('page.create', editor)]);
    expect(await entriesOf(async () => ok(await updatePage(editor, pageId, { ...page, title: 'Our audit policy' })))).toEqual([by('page.update', editor)]);
    expect(await entriesOf(async () => ok(await trashPage(editor, pageId)))).toEqual([by('page.trash', editor)]);
    expect(await entriesOf(() => restoreFromTrash(editor, 'page', pageId))).toEqual([by('page.restore', editor)]);
    await trashPage(editor, pageId);
    expect(await entriesOf(() => purgeFromTrash(admin, 'page', pageId))).toEqual([by('page.purge', admin)]);

    const settings = { name: 'Audit Times', tagline: '', logoId: null, timeZone: 'Asia/Bangkok', language: 'en', socialLinks: [], sponsoredLinks: [], appPromo: null, footerText: '', blockAiCrawlers: false, feedFullContent: true };
    expect(await entriesOf(async () => ok(await saveSettings(admin, settings)))).toEqual([by('settings.update', admin)]);

    expect(await entriesOf(async () => ok(await saveHomeCuration(editor, { leadId: null, top: [] })))).toEqual([by('home.curate', editor)]);
    expect(await entriesOf(async () => ok(await setBreakingBar(editor, { text: 'Audit news', minutes: 15 })))).toEqual([by('breaking.set', editor)]);
    expect(await entriesOf(() => clearBreakingBar(editor))).toEqual([by('breaking.clear', editor)]);
  });

  it('users, invitations and sessions', async () => {
    const target = await createTestActor('author', { withPerson: false });
    expect(await entriesOf(() => changeUserRole(admin, target.userId, 'editor'))).toEqual([by('user.role', admin)]);
    expect(await entriesOf(() => disableUser(admin, target.userId))).toEqual([by('user.disable', admin)]);
    expect(await entriesOf(() => enableUser(admin, target.userId))).toEqual([by('user.enable', admin)]);
    expect(await entriesOf(() => resetUserPassword(admin, target.userId, 'another long passphrase'))).toEqual([by('user.reset-password', admin)]);
    expect(await entriesOf(() => changeOwnPassword(author, { current: TEST_PASSWORD, password: 'a different passphrase here' }))).toEqual([by('user.change-password', author)]);
    expect(await entriesOf(() => signIn({ email: author.email, password: 'a different passphrase here', ip: '203.0.113.9' }))).toEqual([by('session.login', author)]);
    expect(await entriesOf(() => logOutEverywhere(author))).toEqual([by('session.logout-everywhere', author)]);

    let token = '';
    let invitationId = 0;
    expect(await entriesOf(async () => ({ token, invitationId } = await inviteUser(admin, { email: 'audit-invitee@example.test', role: 'author' })))).toEqual([by('user.invite', admin)]);
    expect(await entriesOf(() => revokeInvitation(admin, invitationId))).toEqual([by('user.revoke-invitation', admin)]);
    ({ token } = await inviteUser(admin, { email: 'audit-joiner@example.test', role: 'author' }));
    const joined = await entriesOf(() => acceptInvitation(token, { name: 'Joiner', password: 'a joiner passphrase' }));
    const joiner = await db().user.findUniqueOrThrow({ where: { email: 'audit-joiner@example.test' }, select: { id: true } });
    expect(joined).toEqual([`user.accept-invitation by ${joiner.id}`]);
  });
});
