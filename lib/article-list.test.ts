import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from './auth/actor';
import { createArticle, getArticleForEditing, publishArticle, saveArticle, trashArticle } from './article-workflow';
import { articleListQuerySchema, listArticlesForStaff } from './article-list';
import { write } from './db';
import { articleInput, createTestSections, type TestSections } from './testing/content';
import { createTestActor } from './testing/users';

let sections: TestSections;
let editor: Actor;
let author: Actor;

beforeAll(async () => {
  sections = await createTestSections();
  editor = await createTestActor('editor');
  author = await createTestActor('author');
});

const paragraph = (text: string) => ({ blocks: [{ type: 'paragraph' as const, content: [{ text }] }] });

async function headlinesFor(actor: Actor, query: Record<string, string>): Promise<string[]> {
  const page = await listArticlesForStaff(actor, articleListQuerySchema.parse(query));
  return page.rows.map((row) => row.headline);
}

describe('the newsroom list text filter', () => {
  it('finds working copies by words in the body, staged edits included, and an id typed as a number', async () => {
    const dam = await createArticle(editor, articleInput({ primarySectionId: sections.news, headline: 'Council meets on Tuesday', body: paragraph('Engineers inspected the Mae Kuang dam spillway.') }));
    await createArticle(editor, articleInput({ primarySectionId: sections.news, headline: 'Night market reopens', body: paragraph('Stalls return to the old quarter.') }));
    const live = await createArticle(editor, articleInput({ primarySectionId: sections.sport, headline: 'Derby ends level' }));
    await publishArticle(editor, live.id);
    const { version } = await getArticleForEditing(editor, live.id);
    // A staged edit of a live article: readers still see the old headline, staff search finds the new words.
    await saveArticle(editor, live.id, articleInput({ primarySectionId: sections.sport, headline: 'Derby ends level after spillway delay' }), { baseVersion: version });

    expect(await headlinesFor(editor, { q: 'spillway' })).toEqual(expect.arrayContaining(['Council meets on Tuesday', 'Derby ends level']));
    expect(await headlinesFor(editor, { q: 'spillway' })).not.toContain('Night market reopens');
    expect(await headlinesFor(editor, { q: 'spill' })).toContain('Council meets on Tuesday');
    expect(await headlinesFor(editor, { q: String(dam.id) })).toEqual(['Council meets on Tuesday']);
  });

  it('keeps an author to their own articles and still searches the trash by headline', async () => {
    await createArticle(editor, articleInput({ primarySectionId: sections.news, headline: 'Editors only: budget leak', body: paragraph('A confidential budget.') }));
    const own = await createArticle(author, articleInput({ primarySectionId: sections.news, headline: 'My budget explainer', body: paragraph('How the budget works.') }));
    expect(await headlinesFor(author, { q: 'budget' })).toEqual(['My budget explainer']);

    await trashArticle(editor, own.id);
    expect(await headlinesFor(author, { q: 'budget' })).toEqual([]);
    expect(await headlinesFor(author, { q: 'explainer', state: 'trash' })).toEqual(['My budget explainer']);
  });

  it('pages through a word that matches the whole ranking window, newest change first', async () => {
    // 1,000 matching ids are more than SQLite binds in one statement.
    const base = Date.UTC(2026, 0, 1);
    await write((tx) =>
      tx.article.createMany({
        data: Array.from({ length: 1000 }, (_, i) => ({
          slug: `lantern-${i}`,
          headline: `Lantern festival note ${i}`,
          body: paragraph('Lanterns over the moat.'),
          primarySectionId: sections.news,
          topSectionId: sections.news,
          // Change order differs from id order, so every part of the id list holds some of page one.
          updatedAt: new Date(base + ((i * 7919) % 1000) * 60_000),
        })),
      }),
    );
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = await listArticlesForStaff(editor, articleListQuerySchema.parse({ q: 'lantern', ...(after ? { after } : {}) }));
      seen.push(...page.rows.map((row) => row.headline));
      after = page.next ?? undefined;
    } while (after);
    const expected = Array.from({ length: 1000 }, (_, i) => i)
      .sort((a, b) => ((b * 7919) % 1000) - ((a * 7919) % 1000))
      .map((i) => `Lantern festival note ${i}`);
    expect(seen).toEqual(expected);
  });
});
