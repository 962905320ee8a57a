/**
 * The permission matrix, second half: the library's server actions (home page, media, pages,
 * people, sections, tags, settings, trash) and the invitation action, called directly as
 * anonymous, an author, another author, an editor and an admin. Every cell runs on its own fresh
 * data and asserts both the outcome and whether the data changed, so a "denied" that still wrote
 * something fails. The first half (articles, users) is lib/permission-matrix.test.ts.
 */
import sharp from 'sharp';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from './auth/actor';
import { createArticle, publishArticle, trashArticle } from './article-workflow';
import { db } from './db';
import { setBreakingBar } from './home-curation';
import { uploadMedia } from './media';
import { createPage, trashPage } from './pages-editing';
import { createPerson } from './people-editing';
import { saveSettings } from './settings-editing';
import { createSection, createTag } from './taxonomy-editing';
import { form, outcomeOf, type Outcome } from './testing/action-outcome';
import { articleInput, createTestSections, type TestSections } from './testing/content';
import { signInAs } from './testing/next-request';
import { createTestActor, TEST_PASSWORD } from './testing/users';
import { inviteUser } from './users';

vi.mock('next/headers', () => import('./testing/next-request'));
// revalidatePath needs Next's request store; the admin pages it refreshes are not under test here.
vi.mock('next/cache', () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

const articles = await import('@/app/admin/articles/actions');
const home = await import('@/app/admin/home/actions');
const mediaActions = await import('@/app/admin/media/actions');
const pages = await import('@/app/admin/pages/actions');
const people = await import('@/app/admin/people/actions');
const sections = await import('@/app/admin/sections/actions');
const settings = await import('@/app/admin/settings/actions');
const tagActions = await import('@/app/admin/tags/actions');
const trash = await import('@/app/admin/trash/actions');
const users = await import('@/app/admin/users/actions');

type Who = 'anonymous' | 'author' | 'otherAuthor' | 'editor' | 'admin';
const WHO: Who[] = ['anonymous', 'author', 'otherAuthor', 'editor', 'admin'];
const EDITORS: Who[] = ['editor', 'admin'];
const ADMIN: Who[] = ['admin'];
const OWNER_AND_EDITORS: Who[] = ['author', 'editor', 'admin'];
const EVERYONE: Who[] = WHO;

const actors = {} as Record<Exclude<Who, 'anonymous'>, Actor>;
let articleSections: TestSections;
let png: Buffer;
let n = 0;
const unique = (label: string) => `${label}-${++n}-${process.pid}`;

beforeAll(async () => {
  actors.author = await createTestActor('author');
  actors.otherAuthor = await createTestActor('author');
  actors.editor = await createTestActor('editor');
  actors.admin = await createTestActor('admin');
  articleSections = await createTestSections();
  png = await sharp({ create: { width: 32, height: 32, channels: 3, background: '#357' } }).png().toBuffer();
  const saved = await saveSettings(actors.admin, {
    name: 'Matrix Times',
    tagline: 'Before',
    logoId: null,
    timeZone: 'Asia/Bangkok',
    language: 'en',
    socialLinks: [],
    sponsoredLinks: [],
    appPromo: null,
    footerText: '',
    blockAiCrawlers: false,
    feedFullContent: false,
  });
  expect(saved).toEqual({ ok: true });
});

function ok<T>(result: { ok: true; value?: T } | { ok: false; errors: unknown }): T {
  if (!result.ok) throw new Error(`fixture refused: ${JSON.stringify(result.errors)}`);
  return result.value as T;
}

const fixtures = {
  publishedArticle: async () => {
    const { id } = await createArticle(actors.editor, articleInput({ primarySectionId: articleSections.news, headline: unique('Lead') }));
    await publishArticle(actors.editor, id);
    return id;
  },
  /** An image the author uploaded: the author may manage it, another author may not. */
  authorsImage: async () => (await uploadMedia(actors.author, { name: `${unique('img')}.png`, bytes: png, alt: 'Before' })).id,
  page: async () => ok<{ id: number }>(await createPage(actors.editor, { title: unique('Page'), slug: unique('page'), body: { blocks: [{ type: 'paragraph', content: [{ text: 'Text.' }] }] }, published: true, showInFooter: false })).id,
  trashedPage: async () => {
    const id = await fixtures.page();
    ok(await trashPage(actors.editor, id));
    return id;
  },
  trashedArticle: async () => {
    const { id } = await createArticle(actors.author, articleInput({ primarySectionId: articleSections.news, headline: unique('Trashed') }));
    await trashArticle(actors.editor, id);
    return id;
  },
  section: async () => ok<{ id: number }>(await createSection(actors.editor, { name: unique('Section'), slug: unique('section'), description: '', parentId: null, showInNav: false })).id,
  tag: async () => ok<{ id: number }>(await createTag(actors.editor, { name: unique('Tag'), slug: unique('tag'), description: '' })).id,
  person: async () => ok<{ id: number }>(await createPerson(actors.editor, { name: unique('Person'), slug: unique('person') })).id,
};

interface Case {
  name: string;
  allowed: Who[];
  /** Calls the action on fresh data; `changed` says whether the data it targets changed. */
  run: () => Promise<{ outcome: Outcome; changed: boolean }>;
}

/** Runs `call` and compares a probe of the data before and after. */
async function probe<T>(read: () => Promise<T>, call: () => Promise<unknown>): Promise<{ outcome: Outcome; changed: boolean }> {
  const before = JSON.stringify(await read());
  const outcome = await outcomeOf(call as () => Promise<void>);
  return { outcome, changed: JSON.stringify(await read()) !== before };
}

const homeSlots = () => db().homeSlot.findMany({ select: { slot: true, articleId: true } });
const breaking = () => db().siteSettings.findUnique({ where: { id: 1 }, select: { breakingText: true } });
const mediaRow = (id: number) => db().media.findUniqueOrThrow({ where: { id }, select: { alt: true, deletedAt: true } });
const pageRow = (id: number) => db().page.findUnique({ where: { id }, select: { title: true, deletedAt: true } });
const sectionRow = (id: number) => db().section.findUnique({ where: { id }, select: { name: true, position: true } });
const tagRow = (id: number) => db().tag.findUnique({ where: { id }, select: { name: true } });
const personRow = (id: number) => db().person.findUnique({ where: { id }, select: { bio: true } });
const sectionSiblings = () => db().section.findMany({ where: { parentId: null }, orderBy: { id: 'asc' }, select: { id: true, position: true } });

const pageFields = (title: string) => ({ title, slug: '', body: 'A paragraph of copy.', published: 'on' });

const CASES: Case[] = [
  {
    name: 'home: save curation',
    allowed: EDITORS,
    run: async () => {
      const id = await fixtures.publishedArticle();
      return probe(homeSlots, () => home.saveCurationAction({}, form({ curation: JSON.stringify({ leadId: id, top: [] }) })));
    },
  },
  {
    name: 'home: put up the breaking bar',
    allowed: EDITORS,
    run: () => probe(breaking, () => home.setBreakingAction({}, form({ text: unique('Breaking'), url: '', minutes: '30' }))),
  },
  {
    name: 'home: take down the breaking bar',
    allowed: EDITORS,
    run: async () => {
      await setBreakingBar(actors.editor, { text: unique('Up'), url: '', minutes: 30 });
      return probe(breaking, () => home.clearBreakingAction({}));
    },
  },
  {
    name: "media: edit the author's image",
    allowed: OWNER_AND_EDITORS,
    run: async () => {
      const id = await fixtures.authorsImage();
      return probe(() => mediaRow(id), () => mediaActions.updateMediaAction(id, {}, form({ alt: 'After', caption: '', credit: '', focalX: '0.5', focalY: '0.5' })));
    },
  },
  {
    name: "media: trash the author's image",
    allowed: OWNER_AND_EDITORS,
    run: async () => {
      const id = await fixtures.authorsImage();
      return probe(() => mediaRow(id), () => mediaActions.trashMediaAction(id, {}));
    },
  },
  {
    name: 'pages: create',
    allowed: EDITORS,
    run: async () => {
      const title = unique('New page');
      return probe(() => db().page.count({ where: { title } }), () => pages.savePageAction(null, {}, form(pageFields(title))));
    },
  },
  {
    name: 'pages: edit',
    allowed: EDITORS,
    run: async () => {
      const id = await fixtures.page();
      const { title } = (await pageRow(id))!;
      return probe(() => pageRow(id), () => pages.savePageAction(id, {}, form({ ...pageFields(`${title} edited`), slug: `${unique('edited')}` })));
    },
  },
  {
    name: 'pages: trash',
    allowed: EDITORS,
    run: async () => {
      const id = await fixtures.page();
      return probe(() => pageRow(id), () => pages.trashPageAction(id, {}));
    },
  },
  {
    name: 'people: create',
    allowed: EDITORS,
    run: async () => {
      const name = unique('New person');
      return probe(() => db().person.count({ where: { name } }), () => people.savePersonAction(null, {}, form({ name, slug: unique('new-person') })));
    },
  },
  {
    name: "people: edit the author's own profile",
    allowed: OWNER_AND_EDITORS,
    run: async () => {
      const id = actors.author.personId!;
      const { name, slug } = await db().person.findUniqueOrThrow({ where: { id }, select: { name: true, slug: true } });
      return probe(() => personRow(id), () => people.savePersonAction(id, {}, form({ name, slug, bio: unique('A new bio') })));
    },
  },
  {
    name: 'people: delete',
    allowed: EDITORS,
    run: async () => {
      const id = await fixtures.person();
      return probe(() => personRow(id), () => people.deletePersonAction(id, {}));
    },
  },
  {
    name: 'sections: create',
    allowed: EDITORS,
    run: async () => {
      const name = unique('Created section');
      return probe(() => db().section.count({ where: { name } }), () => sections.saveSectionAction(null, {}, form({ name, slug: unique('created-section') })));
    },
  },
  {
    name: 'sections: edit',
    allowed: EDITORS,
    run: async () => {
      const id = await fixtures.section();
      return probe(() => sectionRow(id), () => sections.saveSectionAction(id, {}, form({ name: unique('Renamed'), slug: unique('renamed') })));
    },
  },
  {
    name: 'sections: reorder',
    allowed: EDITORS,
    run: async () => {
      const id = await fixtures.section();
      await fixtures.section();
      return probe(sectionSiblings, () => sections.moveSectionAction(id, 'down'));
    },
  },
  {
    name: 'sections: delete',
    allowed: EDITORS,
    run: async () => {
      const id = await fixtures.section();
      return probe(() => sectionRow(id), () => sections.deleteSectionAction(id, {}));
    },
  },
  {
    name: 'settings: save',
    allowed: ADMIN,
    run: () =>
      probe(
        () => db().siteSettings.findUnique({ where: { id: 1 }, select: { tagline: true } }),
        () => settings.saveSettingsAction({}, form({ name: 'Matrix Times', tagline: unique('Tagline'), timeZone: 'Asia/Bangkok', language: 'en' })),
      ),
  },
  {
    name: 'tags: create',
    allowed: EDITORS,
    run: async () => {
      const name = unique('Created tag');
      return probe(() => db().tag.count({ where: { name } }), () => tagActions.saveTagAction(null, {}, form({ name, slug: unique('created-tag') })));
    },
  },
  {
    name: 'tags: edit',
    allowed: EDITORS,
    run: async () => {
      const id = await fixtures.tag();
      return probe(() => tagRow(id), () => tagActions.saveTagAction(id, {}, form({ name: unique('Renamed tag'), slug: unique('renamed-tag') })));
    },
  },
  {
    name: 'tags: merge',
    allowed: EDITORS,
    run: async () => {
      const source = await fixtures.tag();
      const target = await db().tag.findUniqueOrThrow({ where: { id: await fixtures.tag() }, select: { slug: true } });
      return probe(() => tagRow(source), () => tagActions.mergeTagAction(source, {}, form({ target: target.slug })));
    },
  },
  {
    name: 'tags: delete',
    allowed: EDITORS,
    run: async () => {
      const id = await fixtures.tag();
      return probe(() => tagRow(id), () => tagActions.deleteTagAction(id, {}));
    },
  },
  {
    name: 'trash: restore a page',
    allowed: EDITORS,
    run: async () => {
      const id = await fixtures.trashedPage();
      return probe(() => pageRow(id), () => trash.restoreAction('page', id, {}));
    },
  },
  {
    name: 'trash: restore an article',
    allowed: EDITORS,
    run: async () => {
      const id = await fixtures.trashedArticle();
      return probe(() => db().article.findUnique({ where: { id }, select: { deletedAt: true } }), () => trash.restoreAction('article', id, {}));
    },
  },
  {
    name: 'trash: delete a page for good',
    allowed: ADMIN,
    run: async () => {
      const id = await fixtures.trashedPage();
      return probe(() => pageRow(id), () => trash.purgeAction('page', id, {}));
    },
  },
  {
    name: 'invitation: accept with its token (the token is the authorization)',
    allowed: EVERYONE,
    run: async () => {
      const email = `${unique('invitee')}@example.test`;
      const { token } = await inviteUser(actors.admin, { email, role: 'author' });
      return probe(() => db().user.count({ where: { email } }), () => users.acceptInvitationAction(token, {}, form({ name: 'New Colleague', password: TEST_PASSWORD, confirm: TEST_PASSWORD })));
    },
  },
];

describe('library and invitation actions', () => {
  for (const testCase of CASES) {
    for (const who of WHO) {
      const expected: Outcome = testCase.allowed.includes(who) ? 'allowed' : 'denied';
      it(`${testCase.name} as ${who}: ${expected}`, async () => {
        await signInAs(who === 'anonymous' ? null : actors[who]);
        expect(await testCase.run()).toEqual({ outcome: expected, changed: expected === 'allowed' });
      });
    }
  }

  for (const who of WHO) {
    const expected: Outcome = who === 'anonymous' ? 'denied' : 'allowed';
    it(`image picker: list the library as ${who}: ${expected}`, async () => {
      await fixtures.authorsImage();
      await signInAs(who === 'anonymous' ? null : actors[who]);
      const result = await articles.listMediaForPickerAction({ page: 1 });
      if (expected === 'denied') expect(result).toEqual({ error: expect.stringMatching(/Sign in again/) });
      else expect((result as { items: unknown[] }).items.length).toBeGreaterThan(0);
    });
  }

  it('an invitation token that is wrong or already used opens no account', async () => {
    await signInAs(null);
    const email = `${unique('once')}@example.test`;
    const { token } = await inviteUser(actors.admin, { email, role: 'editor' });
    const accept = (t: string) => users.acceptInvitationAction(t, {}, form({ name: 'Someone', password: TEST_PASSWORD, confirm: TEST_PASSWORD }));
    const wrong = await accept(`${token.slice(0, -2)}xx`).catch((error: unknown) => error);
    expect(await db().user.count({ where: { email } })).toBe(0);
    expect(wrong).toMatchObject({ message: expect.any(String) });
    await outcomeOf(() => accept(token));
    expect(await db().user.count({ where: { email } })).toBe(1);
    const again = await accept(token).catch((error: unknown) => error);
    expect(again).toMatchObject({ message: expect.any(String) });
    expect(await db().user.count({ where: { email } })).toBe(1);
  });
});
