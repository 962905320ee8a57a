import { beforeAll, describe, expect, it } from 'vitest';
import { ArticleNotFoundError, createArticle, EditConflictError, getArticleForEditing, publishArticle, saveArticle } from './article-workflow';
import { AuthorizationError, type Actor } from './auth/actor';
import { db, write } from './db';
import { diffBodies, diffRevisions, foldUnchanged, listRevisions, restoreRevision, RevisionNotFoundError, type DiffPart } from './revisions';
import { articleInput, createTestSections, type TestSections } from './testing/content';
import { createTestActor } from './testing/users';
import type { ArticleInput } from './validation/article';
import type { Body } from './validation/body';

let sections: TestSections;
let editor: Actor;
let author: Actor;
let otherAuthor: Actor;

beforeAll(async () => {
  sections = await createTestSections();
  editor = await createTestActor('editor');
  author = await createTestActor('author');
  otherAuthor = await createTestActor('author');
});

const paragraphs = (...texts: string[]): Body => ({ blocks: texts.map((text) => ({ type: 'paragraph' as const, content: [{ text }] })) });

const ORIGINAL = ['The lanterns went up at dusk.', 'Thousands lined the river banks.', 'The parade ends on Sunday.'];
const EDITED = ['The lanterns went up at dusk.', 'Tens of thousands lined the river banks, police said.', 'The parade ends on Sunday.'];

async function version(id: number): Promise<number> {
  return (await db().article.findUniqueOrThrow({ where: { id }, select: { version: true } })).version;
}

async function save(actor: Actor, id: number, overrides: Partial<ArticleInput>): Promise<void> {
  await saveArticle(actor, id, articleInput({ primarySectionId: sections.news, bylinePersonIds: [author.personId!], ...overrides }), { baseVersion: await version(id) });
}

/** An article by `author` with a first revision holding ORIGINAL and a second holding EDITED. */
async function editedArticle(): Promise<{ id: number; first: number; second: number }> {
  const { id } = await createArticle(author, articleInput({ primarySectionId: sections.news, body: paragraphs(...ORIGINAL), tagNames: ['Festivals'] }));
  await save(author, id, { body: paragraphs(...EDITED), tagNames: ['Festivals', 'Police'], seoTitle: 'Lantern parade draws record crowd' });
  const { revisions } = await listRevisions(author, id);
  return { id, first: revisions[1]!.id, second: revisions[0]!.id };
}

const joined = (parts: DiffPart[], kind: DiffPart['kind']) =>
  parts
    .filter((p) => p.kind === kind)
    .map((p) => p.text)
    .join(' ');

describe('listing revisions', () => {
  it('lists every explicit save newest first, with who, kind and version', async () => {
    const { id } = await editedArticle();
    const { revisions, article } = await listRevisions(editor, id);
    expect(revisions.map((r) => [r.kind, r.version, r.userName])).toEqual([
      ['save', 2, author.name],
      ['save', 1, author.name],
    ]);
    expect(article.version).toBe(2);
  });

  it('pages through a long history without repeating or skipping', async () => {
    const { id } = await createArticle(editor, articleInput({ primarySectionId: sections.news }));
    for (let i = 0; i < 54; i++) await save(editor, id, { headline: `Headline ${i}` });
    const first = await listRevisions(editor, id);
    expect(first.revisions).toHaveLength(50);
    const second = await listRevisions(editor, id, { before: first.nextBefore! });
    expect(second.nextBefore).toBeNull();
    const all = [...first.revisions, ...second.revisions];
    expect(all.map((r) => r.version)).toEqual(Array.from({ length: 55 }, (_, i) => 55 - i));
    // Each revision shows the headline it had then.
    expect(all.slice(0, 2).map((r) => r.headline)).toEqual(['Headline 53', 'Headline 52']);
    expect(all.at(-1)!.headline).toBe(articleInput({ primarySectionId: 0 }).headline);
  });

  it('is refused to another author and reports a missing article', async () => {
    const { id } = await editedArticle();
    await expect(listRevisions(otherAuthor, id)).rejects.toBeInstanceOf(AuthorizationError);
    await expect(listRevisions(editor, 99_999_999)).rejects.toBeInstanceOf(ArticleNotFoundError);
  });
});

describe('diffing two revisions', () => {
  it('shows the changed sentence word by word and leaves unchanged paragraphs alone', async () => {
    const { id, first, second } = await editedArticle();
    const diff = await diffRevisions(editor, id, first, second);
    expect(diff.bodyChanged).toBe(true);
    expect(diff.body.map((b) => b.kind)).toEqual(['same', 'changed', 'same']);
    const changed = diff.body[1]!.parts;
    expect(joined(changed, 'del')).toContain('Thousands');
    expect(joined(changed, 'ins')).toContain('Tens of thousands');
    expect(joined(changed, 'ins')).toContain('police said');
    // The unchanged words are kept as they were, not deleted and re-inserted.
    expect(joined(changed, 'same')).toContain('lined the river');
  });

  it('lists changed fields: SEO title as text, tags as added names', async () => {
    const { id, first, second } = await editedArticle();
    const { fields } = await diffRevisions(editor, id, first, second);
    expect(fields.map((f) => f.field).sort()).toEqual(['seoTitle', 'tagIds']);
    const tagsChange = fields.find((f) => f.field === 'tagIds');
    expect(tagsChange).toMatchObject({ type: 'list', added: ['Police'], removed: [] });
    const seo = fields.find((f) => f.field === 'seoTitle');
    expect(seo?.type === 'text' && joined(seo.parts, 'ins')).toBe('Lantern parade draws record crowd');
  });

  it('refuses a revision of another article and another author', async () => {
    const a = await editedArticle();
    const b = await editedArticle();
    await expect(diffRevisions(editor, a.id, a.first, b.second)).rejects.toBeInstanceOf(RevisionNotFoundError);
    await expect(diffRevisions(otherAuthor, a.id, a.first, a.second)).rejects.toBeInstanceOf(AuthorizationError);
  });

  it('folds long unchanged runs, keeping one paragraph of context on each side of a change', () => {
    const texts = Array.from({ length: 12 }, (_, i) => `Paragraph ${i}.`);
    const edited = texts.map((t, i) => (i === 6 ? 'Paragraph six, rewritten.' : t));
    const rows = foldUnchanged(diffBodies(paragraphs(...texts), paragraphs(...edited)));
    expect(rows.map((r) => (r.type === 'fold' ? `fold ${r.blocks.length}` : r.block.kind))).toEqual(['fold 5', 'same', 'changed', 'same', 'fold 4']);
    // A run with just one block beyond its context is shown rather than folded.
    const short = foldUnchanged(diffBodies(paragraphs('A.', 'B.', 'C.'), paragraphs('A.', 'B.', 'Z.')));
    expect(short.map((r) => r.type)).toEqual(['block', 'block', 'block']);
  });

  it('aligns an inserted paragraph instead of marking every later paragraph changed', () => {
    const diff = diffBodies(paragraphs('One.', 'Two.', 'Three.'), paragraphs('One.', 'New paragraph here.', 'Two.', 'Three.'));
    expect(diff.map((b) => b.kind)).toEqual(['same', 'ins', 'same', 'same']);
  });
});

describe('restoring a revision', () => {
  it('brings the old text back as a new version and a new restore revision', async () => {
    const { id, first } = await editedArticle();
    const base = await version(id);
    const result = await restoreRevision(author, id, first, { baseVersion: base });
    expect(result).toEqual({ version: base + 1, dropped: [] });
    const article = await getArticleForEditing(author, id);
    expect(article.copy.body).toEqual(paragraphs(...ORIGINAL));
    expect(article.tagNames).toEqual(['Festivals']);
    expect(article.copy.seoTitle).toBeNull();
    const { revisions } = await listRevisions(author, id);
    expect(revisions.map((r) => r.kind)).toEqual(['restore', 'save', 'save']);
    // History is kept: the edited text is still there to go back to.
    const diff = await diffRevisions(author, id, revisions[1]!.id, revisions[0]!.id);
    expect(joined(diff.body[1]!.parts, 'del')).toContain('police said');
    const entry = await db().auditLog.findFirstOrThrow({ where: { entityType: 'article', entityId: String(id) }, orderBy: { id: 'desc' } });
    expect(entry).toMatchObject({ action: 'article.restore-revision', userId: author.userId });
    expect(entry.summary).toContain('version 1');
    expect(entry.before).toMatchObject({ body: EDITED[1] });
    expect(entry.after).toMatchObject({ body: ORIGINAL[1] });
  });

  it('refuses to restore over a save made since the page was opened, changing nothing', async () => {
    const { id, first } = await editedArticle();
    const seen = await version(id);
    await save(editor, id, { body: paragraphs('An editor rewrote everything.') });
    await expect(restoreRevision(author, id, first, { baseVersion: seen })).rejects.toBeInstanceOf(EditConflictError);
    const article = await getArticleForEditing(author, id);
    expect(article.copy.body).toEqual(paragraphs('An editor rewrote everything.'));
    expect((await listRevisions(author, id)).revisions).toHaveLength(3);
  });

  it('stages the old copy on a live article: readers keep the published text until it is published', async () => {
    const { id, first } = await editedArticle();
    await publishArticle(editor, id);
    await restoreRevision(editor, id, first, { baseVersion: await version(id) });
    const row = await db().article.findUniqueOrThrow({ where: { id }, select: { body: true, stagedCopy: true, publicationState: true } });
    expect(row.publicationState).toBe('published');
    expect(row.body).toEqual(paragraphs(...EDITED));
    expect((row.stagedCopy as { body: Body }).body).toEqual(paragraphs(...ORIGINAL));
  });

  it('leaves out references deleted since, and says so', async () => {
    const { id, first } = await editedArticle();
    await write((tx) => tx.tag.deleteMany({ where: { slug: 'festivals' } }));
    const result = await restoreRevision(editor, id, first, { baseVersion: await version(id) });
    expect(result.dropped).toEqual(['1 tag(s) no longer exists']);
    expect((await getArticleForEditing(editor, id)).tagNames).toEqual([]);
  });

  it('is refused to another author, leaving the article as it was', async () => {
    const { id, first } = await editedArticle();
    const before = await version(id);
    await expect(restoreRevision(otherAuthor, id, first, { baseVersion: before })).rejects.toBeInstanceOf(AuthorizationError);
    expect(await version(id)).toBe(before);
  });
});
