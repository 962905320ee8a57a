/**
 * Insecure direct object references through the data layer: another author who knows (or guesses)
 * an article's id can neither open, preview, list, edit, submit, discard, trash nor find it in a
 * staff search, and every attempt leaves it as it was. The same ids over HTTP (preview and admin
 * pages, server actions) are in lib/access.integration.test.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { AuthorizationError, type Actor } from './auth/actor';
import { articleListQuerySchema, listArticlesForStaff } from './article-list';
import { createArticle, discardStagedEdit, getArticleForEditing, publishArticle, saveArticle, submitForReview, trashArticle } from './article-workflow';
import { db } from './db';
import { articleInput, createTestSections, type TestSections } from './testing/content';
import { createTestActor } from './testing/users';

let owner: Actor;
let intruder: Actor;
let editor: Actor;
let sections: TestSections;

beforeAll(async () => {
  owner = await createTestActor('author');
  intruder = await createTestActor('author');
  editor = await createTestActor('editor');
  sections = await createTestSections();
});

const snapshot = (id: number) =>
  db().article.findUniqueOrThrow({ where: { id }, select: { version: true, headline: true, editorialState: true, publicationState: true, stagedCopy: true, deletedAt: true } });

async function ownersDraft(headline: string): Promise<number> {
  return (await createArticle(owner, articleInput({ primarySectionId: sections.news, headline }))).id;
}

async function ownersLiveArticleWithStagedEdit(): Promise<number> {
  const id = await ownersDraft('Live story with a staged edit');
  await publishArticle(editor, id);
  const { version } = await snapshot(id);
  await saveArticle(owner, id, articleInput({ primarySectionId: sections.news, headline: 'Staged secret headline' }), { baseVersion: version });
  return id;
}

const ATTEMPTS: [string, (id: number, version: number) => Promise<unknown>][] = [
  ['open in the editor or preview', (id) => getArticleForEditing(intruder, id)],
  ['open from the trash view', (id) => getArticleForEditing(intruder, id, { includeTrashed: true })],
  ['save over it', (id, version) => saveArticle(intruder, id, articleInput({ primarySectionId: sections.news, headline: 'Defaced' }), { baseVersion: version })],
  ['submit it for review', (id) => submitForReview(intruder, id)],
  ['discard its staged edit', (id) => discardStagedEdit(intruder, id)],
  ['trash it', (id) => trashArticle(intruder, id)],
];

describe("another author's article by id", () => {
  for (const [name, attempt] of ATTEMPTS) {
    it(`cannot ${name}, and nothing changes`, async () => {
      for (const id of [await ownersDraft(`Draft for ${name}`), await ownersLiveArticleWithStagedEdit()]) {
        const before = await snapshot(id);
        await expect(attempt(id, before.version)).rejects.toBeInstanceOf(AuthorizationError);
        expect(await snapshot(id)).toEqual(before);
      }
    });
  }

  it('the owner can do what the intruder cannot (the refusals are about ownership, not state)', async () => {
    const id = await ownersDraft('Owner works on it');
    await expect(getArticleForEditing(owner, id)).resolves.toMatchObject({ id });
    await submitForReview(owner, id);
    expect((await snapshot(id)).editorialState).toBe('in_review');
  });

  it('does not show up in the intruder’s article list or staff search, even filtered by the owner', async () => {
    const id = await ownersDraft('Zanzibar clove harvest exclusive');
    const asIntruder = await listArticlesForStaff(intruder, articleListQuerySchema.parse({ q: 'Zanzibar' }));
    expect(asIntruder.rows.map((a) => a.id)).not.toContain(id);
    const byOwner = await listArticlesForStaff(intruder, articleListQuerySchema.parse({ author: owner.personId }));
    expect(byOwner.rows.map((a) => a.id)).not.toContain(id);
    const asOwner = await listArticlesForStaff(owner, articleListQuerySchema.parse({ q: 'Zanzibar' }));
    expect(asOwner.rows.map((a) => a.id)).toContain(id);
  });

});
