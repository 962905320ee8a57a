import { beforeAll, describe, expect, it } from 'vitest';
import { AuthorizationError } from './auth/actor';
import { db } from './db';
import { createStaff, type Staff } from './media/fixtures';
import { createPage, getPageForEditing, listPages, trashPage, updatePage } from './pages-editing';
import { createPerson, deletePerson, getPerson, listPeople, updatePerson } from './people-editing';
import { loadRedirects } from './redirects';
import { createSection } from './taxonomy-editing';

let staff: Staff;
beforeAll(async () => {
  staff = await createStaff();
});

const redirects = async () => Object.fromEntries((await loadRedirects()).map((r) => [r.fromPath, r.toPath]));
const person = { name: 'Malee Srisuk', slug: 'malee-srisuk', jobTitle: 'Reporter', bio: 'Covers the border.', socialLinks: [{ network: 'x', url: 'https://x.com/malee' }] };

describe('people', () => {
  it('editors create and rename profiles; the old author page redirects', async () => {
    const made = await createPerson(staff.editor, { ...person, userId: staff.author.userId });
    if (!made.ok) throw new Error(JSON.stringify(made.errors));
    expect(await createPerson(staff.editor, { ...person, name: 'Other' })).toMatchObject({ ok: false, errors: { slug: [expect.stringMatching(/Malee Srisuk already uses/)] } });
    expect(await createPerson(staff.editor, { ...person, slug: 'other', userId: staff.author.userId })).toMatchObject({ ok: false, errors: { userId: [expect.stringMatching(/already linked/)] } });
    expect(await updatePerson(staff.editor, made.value.id, { ...person, slug: 'malee-s' })).toEqual({ ok: true, value: undefined });
    expect(await redirects()).toMatchObject({ '/author/malee-srisuk': '/author/malee-s', '/author/malee-srisuk/feed.xml': '/author/malee-s/feed.xml' });
    expect((await listPeople(staff.editor, { q: 'malee' })).items[0]).toMatchObject({ name: 'Malee Srisuk', slug: 'malee-s', socialLinks: person.socialLinks, user: null });
  });

  it('an author edits only the bio, photo and links of their own profile', async () => {
    const made = await createPerson(staff.editor, { ...person, slug: 'own-profile', name: 'Own Profile' });
    if (!made.ok) throw new Error('refused');
    const me = { ...staff.author, personId: made.value.id };
    expect(await updatePerson(me, made.value.id, { jobTitle: 'Senior reporter', bio: 'New bio', photoId: null, socialLinks: [], slug: 'hijack', name: 'Hijack' })).toEqual({ ok: true, value: undefined });
    expect(await getPerson(me, made.value.id)).toMatchObject({ name: 'Own Profile', slug: 'own-profile', jobTitle: 'Senior reporter', bio: 'New bio' });
    await expect(updatePerson(staff.otherAuthor, made.value.id, { bio: 'x' })).rejects.toBeInstanceOf(AuthorizationError);
    await expect(createPerson(staff.author, person)).rejects.toBeInstanceOf(AuthorizationError);
    await expect(deletePerson(staff.author, made.value.id)).rejects.toBeInstanceOf(AuthorizationError);
    expect(await deletePerson(staff.editor, made.value.id)).toEqual({ ok: true, value: undefined });
  });
});

describe('static pages', () => {
  const body = { blocks: [{ type: 'paragraph', content: [{ text: 'Write to us.' }] }] };

  it('share the top-level namespace with sections and redirect when renamed', async () => {
    await createSection(staff.editor, { name: 'Business', slug: 'business' });
    expect(await createPage(staff.editor, { title: 'Business', slug: 'business', body })).toMatchObject({ ok: false, errors: { slug: [expect.stringMatching(/section “Business”/)] } });
    expect(await createPage(staff.editor, { title: 'Search', slug: 'search', body })).toMatchObject({ ok: false, errors: { slug: [expect.stringMatching(/used by the site/)] } });
    const made = await createPage(staff.editor, { title: 'Contact', slug: 'contact', body });
    if (!made.ok) throw new Error('refused');
    expect(await updatePage(staff.editor, made.value.id, { title: 'Contact us', slug: 'contact-us', body })).toEqual({ ok: true, value: undefined });
    expect((await redirects())['/contact']).toBe('/contact-us');
    expect(await getPageForEditing(staff.editor, made.value.id)).toMatchObject({ title: 'Contact us', body });
    expect(await updatePage(staff.editor, made.value.id, { title: 'Contact', slug: 'contact', body: { blocks: [{ type: 'nope' }] } })).toMatchObject({ ok: false, errors: { body: [expect.any(String)] } });
    await trashPage(staff.editor, made.value.id);
    expect((await listPages(staff.editor)).map((p) => p.slug)).not.toContain('contact-us');
    expect(await db().page.count({ where: { id: made.value.id } })).toBe(1);
  });

  it('are for editors and admins', async () => {
    await expect(listPages(staff.author)).rejects.toBeInstanceOf(AuthorizationError);
    await expect(createPage(staff.author, { title: 'x', slug: 'x', body })).rejects.toBeInstanceOf(AuthorizationError);
    await expect(updatePage(staff.author, 1, { title: 'x', slug: 'x', body })).rejects.toBeInstanceOf(AuthorizationError);
    await expect(trashPage(staff.author, 1)).rejects.toBeInstanceOf(AuthorizationError);
  });
});
