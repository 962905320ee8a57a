/**
 * The permission matrix for the library's data functions: every action is called as anonymous,
 * author, another author, editor and admin, and each cell asserts allowed or denied. "Allowed"
 * means the call got past authorization (it may still refuse its input); "denied" means it threw
 * AuthenticationError or AuthorizationError before touching anything.
 */
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { AuthenticationError, AuthorizationError, type Actor } from './auth/actor';
import { getDashboard } from './dashboard';
import { clearBreakingBar, getBreakingBarForEditing, getHomeCuration, saveHomeCuration, searchStoriesForCuration, setBreakingBar } from './home-curation';
import { getMedia, getMediaUsage, listMedia, trashMedia, updateMediaDetails, uploadMedia } from './media';
import { createStaff, type Staff } from './media/fixtures';
import { createPage, getPageForEditing, listPages, trashPage, updatePage } from './pages-editing';
import { createPerson, deletePerson, listLinkableUsers, listPeople, updatePerson } from './people-editing';
import { getEditableSettings, saveSettings } from './settings-editing';
import { createSection, createTag, deleteSection, deleteTag, findTagIdBySlug, getTagForEditing, listSectionTree, listTags, mergeTags, moveSection, updateSection, updateTag } from './taxonomy-editing';
import { listTrash, purgeFromTrash, restoreFromTrash } from './trash';

type Who = 'anonymous' | 'author' | 'otherAuthor' | 'editor' | 'admin';
const WHO: Who[] = ['anonymous', 'author', 'otherAuthor', 'editor', 'admin'];
const STAFF: Who[] = ['author', 'otherAuthor', 'editor', 'admin'];
const EDITORS: Who[] = ['editor', 'admin'];
const ADMIN: Who[] = ['admin'];

let staff: Staff;
let png: Buffer;
beforeAll(async () => {
  staff = await createStaff();
  png = await sharp({ create: { width: 32, height: 32, channels: 3, background: '#444' } }).png().toBuffer();
});

const MISSING = 987_654;
const matrix: [string, Who[], (actor: Actor) => Promise<unknown>][] = [
  ['getDashboard', STAFF, (a) => getDashboard(a, { timeZone: 'UTC' })],
  ['uploadMedia', STAFF, (a) => uploadMedia(a, { name: 'm.png', bytes: png, alt: 'x' })],
  ['listMedia', STAFF, (a) => listMedia(a)],
  ['getMedia', STAFF, (a) => getMedia(a, MISSING)],
  ['getMediaUsage', STAFF, (a) => getMediaUsage(a, MISSING)],
  ['updateMediaDetails', STAFF, (a) => updateMediaDetails(a, MISSING, { alt: 'x', caption: '', credit: '', focalX: 0.5, focalY: 0.5 })],
  ['trashMedia', STAFF, (a) => trashMedia(a, MISSING)],
  ['getHomeCuration', EDITORS, (a) => getHomeCuration(a)],
  ['saveHomeCuration', EDITORS, (a) => saveHomeCuration(a, { leadId: null, top: [] })],
  ['searchStoriesForCuration', EDITORS, (a) => searchStoriesForCuration(a)],
  ['getBreakingBarForEditing', EDITORS, (a) => getBreakingBarForEditing(a)],
  ['setBreakingBar', EDITORS, (a) => setBreakingBar(a, { text: '', minutes: 0 })],
  ['clearBreakingBar', EDITORS, (a) => clearBreakingBar(a)],
  ['getEditableSettings', ADMIN, (a) => getEditableSettings(a)],
  ['saveSettings', ADMIN, (a) => saveSettings(a, {})],
  ['listSectionTree', EDITORS, (a) => listSectionTree(a)],
  ['createSection', EDITORS, (a) => createSection(a, {})],
  ['updateSection', EDITORS, (a) => updateSection(a, MISSING, {})],
  ['moveSection', EDITORS, (a) => moveSection(a, MISSING, 'up')],
  ['deleteSection', EDITORS, (a) => deleteSection(a, MISSING)],
  ['listTags', EDITORS, (a) => listTags(a)],
  ['findTagIdBySlug', EDITORS, (a) => findTagIdBySlug(a, 'no-such-tag')],
  ['getTagForEditing', EDITORS, (a) => getTagForEditing(a, MISSING)],
  ['createTag', EDITORS, (a) => createTag(a, {})],
  ['updateTag', EDITORS, (a) => updateTag(a, MISSING, {})],
  ['mergeTags', EDITORS, (a) => mergeTags(a, MISSING, MISSING + 1)],
  ['deleteTag', EDITORS, (a) => deleteTag(a, MISSING)],
  ['listPeople', EDITORS, (a) => listPeople(a)],
  ['listLinkableUsers', EDITORS, (a) => listLinkableUsers(a)],
  ['createPerson', EDITORS, (a) => createPerson(a, {})],
  ['deletePerson', EDITORS, (a) => deletePerson(a, MISSING)],
  ['listPages', EDITORS, (a) => listPages(a)],
  ['getPageForEditing', EDITORS, (a) => getPageForEditing(a, MISSING)],
  ['createPage', EDITORS, (a) => createPage(a, {})],
  ['updatePage', EDITORS, (a) => updatePage(a, MISSING, {})],
  ['trashPage', EDITORS, (a) => trashPage(a, MISSING)],
  ['listTrash', EDITORS, (a) => listTrash(a)],
  ['restoreFromTrash', EDITORS, (a) => restoreFromTrash(a, 'page', MISSING)],
  ['purgeFromTrash', ADMIN, (a) => purgeFromTrash(a, 'page', MISSING)],
];

async function outcome(call: () => Promise<unknown>): Promise<'allowed' | 'denied'> {
  try {
    await call();
  } catch (error) {
    if (error instanceof AuthorizationError || error instanceof AuthenticationError) return 'denied';
  }
  return 'allowed';
}

describe('library permission matrix', () => {
  it.each(matrix)('%s', async (_name, allowed, call) => {
    const actors: Record<Who, Actor> = { anonymous: null as unknown as Actor, ...staff };
    const got: Record<string, string> = {};
    const want: Record<string, string> = {};
    for (const who of WHO) {
      got[who] = await outcome(() => call(actors[who]));
      want[who] = allowed.includes(who) ? 'allowed' : 'denied';
    }
    expect(got).toEqual(want);
  });

  it('an author edits only their own profile; editors edit anyone’s', async () => {
    const made = await createPerson(staff.editor, { name: 'Matrix Person', slug: 'matrix-person' });
    if (!made.ok) throw new Error('refused');
    const id = made.value.id;
    const mine = { ...staff.author, personId: id };
    expect(await outcome(() => updatePerson(mine, id, { bio: 'Mine' }))).toBe('allowed');
    expect(await outcome(() => updatePerson(staff.otherAuthor, id, { bio: 'Not mine' }))).toBe('denied');
    expect(await outcome(() => updatePerson(staff.editor, id, { name: 'Matrix Person', slug: 'matrix-person' }))).toBe('allowed');
    expect(await outcome(() => updatePerson(null as unknown as Actor, id, {}))).toBe('denied');
  });
});
