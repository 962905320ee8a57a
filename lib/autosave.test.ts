import { beforeAll, describe, expect, it } from 'vitest';
import { AuthorizationError, type Actor } from './auth/actor';
import { createArticle } from './article-workflow';
import { AutosaveInputError, discardAutosave, getAutosave, saveAutosave } from './autosave';
import { articleInput, createTestSections, type TestSections } from './testing/content';
import { createTestActor } from './testing/users';
import { MAX_AUTOSAVE_CHARS } from './validation/autosave';

let sections: TestSections;
let author: Actor;
let otherAuthor: Actor;
let editor: Actor;

beforeAll(async () => {
  sections = await createTestSections();
  author = await createTestActor('author');
  otherAuthor = await createTestActor('author');
  editor = await createTestActor('editor');
});

const newArticle = async () => (await createArticle(author, articleInput({ primarySectionId: sections.news }))).id;

describe('autosave', () => {
  it('keeps one autosave per article and user, overwritten by the next, and gives each user only their own', async () => {
    const id = await newArticle();
    await saveAutosave(author, id, { baseVersion: 1, values: { headline: 'First try', bodyJson: '{"blocks":[]}' } }, new Date('2026-11-29T10:00:00Z'));
    await saveAutosave(author, id, { baseVersion: 1, values: { headline: 'Second try' } }, new Date('2026-11-29T10:00:05Z'));
    await saveAutosave(editor, id, { baseVersion: 1, values: { headline: 'The editor’s version' } });
    expect(await getAutosave(author, id)).toEqual({ values: { headline: 'Second try' }, baseVersion: 1, savedAt: new Date('2026-11-29T10:00:05Z') });
    expect((await getAutosave(editor, id))?.values.headline).toBe('The editor’s version');
    await discardAutosave(author, id);
    expect(await getAutosave(author, id)).toBeNull();
    expect(await getAutosave(editor, id)).not.toBeNull();
  });

  it('refuses authors on other people’s articles, and leaves nothing behind', async () => {
    const id = await newArticle();
    await expect(saveAutosave(otherAuthor, id, { baseVersion: 1, values: { headline: 'x' } })).rejects.toBeInstanceOf(AuthorizationError);
    await expect(getAutosave(otherAuthor, id)).rejects.toBeInstanceOf(AuthorizationError);
    expect(await getAutosave(author, id)).toBeNull();
  });

  it('refuses input that is not an autosave', async () => {
    const id = await newArticle();
    for (const input of [null, { baseVersion: 0, values: {} }, { baseVersion: 1, values: { 'bad key!': 'x' } }, { baseVersion: 1, values: { body: 'x'.repeat(MAX_AUTOSAVE_CHARS + 1) } }, { baseVersion: 1, values: { a: 1 } }]) {
      await expect(saveAutosave(author, id, input)).rejects.toBeInstanceOf(AutosaveInputError);
    }
    expect(await getAutosave(author, id)).toBeNull();
  });
});
