import { beforeAll, describe, expect, it } from 'vitest';
import { AuthorizationError, type Actor } from './auth/actor';
import {
  approveArticle,
  archiveArticle,
  ArticleInputError,
  createArticle,
  EditConflictError,
  getArticleForEditing,
  publishArticle,
  publishDueArticles,
  restoreArticle,
  saveArticle,
  scheduleArticle,
  submitForReview,
  trashArticle,
  unpublishArticle,
} from './article-workflow';
import { onInvalidate, tags } from './cache-tags';
import { db, write } from './db';
import { MediaNotPublishableError } from './media';
import { articleInput, createTestSections, type TestSections } from './testing/content';
import { createTestActor } from './testing/users';

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

/** Runs `fn` and returns the cache tags it invalidated. */
async function invalidatedBy(fn: () => Promise<unknown>): Promise<Set<string>> {
  const seen = new Set<string>();
  const stop = onInvalidate((names) => names.forEach((n) => seen.add(n)));
  try {
    await fn();
  } finally {
    stop();
  }
  return seen;
}

async function listingKeys(articleId: number) {
  const [s, t, b] = await Promise.all([
    db().articleSection.findMany({ where: { articleId }, select: { publishedAt: true } }),
    db().articleTag.findMany({ where: { articleId }, select: { publishedAt: true } }),
    db().articleByline.findMany({ where: { articleId }, select: { publishedAt: true } }),
  ]);
  return [...s, ...t, ...b].map((r) => r.publishedAt?.toISOString() ?? null);
}

async function revisionKinds(articleId: number) {
  const rows = await db().revision.findMany({ where: { articleId }, orderBy: { id: 'asc' }, select: { kind: true } });
  return rows.map((r) => r.kind);
}

async function readerRow(id: number) {
  return db().article.findUniqueOrThrow({ where: { id }, select: { headline: true, slug: true, publicationState: true, publishedAt: true, stagedCopy: true, editorialState: true } });
}

async function redirectFor(fromPath: string) {
  return db().redirect.findUnique({ where: { fromPath }, select: { toPath: true } });
}

describe('drafts', () => {
  it('an author creates a draft bylined to them, with a slug made from the headline and kept unique', async () => {
    const { id } = await createArticle(author, articleInput({ primarySectionId: sections.local, tagNames: ['Lanterns', 'Chiang Mai'] }));
    const article = await getArticleForEditing(author, id);
    expect(article.publicationState).toBe('unpublished');
    expect(article.editorialState).toBe('draft');
    expect(article.copy.slug).toBe('river-festival-opens-with-lantern-parade');
    expect(article.copy.bylinePersonIds).toEqual([author.personId]);
    expect(article.tagNames).toEqual(['Lanterns', 'Chiang Mai']);
    const again = await createArticle(author, articleInput({ primarySectionId: sections.news }));
    expect((await getArticleForEditing(author, again.id)).copy.slug).toBe('river-festival-opens-with-lantern-parade-2');
    // A sub-section of the same top-level section owns /news-n/local, so an article cannot take it.
    const clash = await createArticle(editor, articleInput({ primarySectionId: sections.news, headline: 'Local' }));
    expect((await getArticleForEditing(editor, clash.id)).copy.slug).toBe('local-2');
    expect(await revisionKinds(id)).toEqual(['save']);
  });

  it('refuses invalid input with the field it belongs to', async () => {
    await expect(createArticle(author, articleInput({ primarySectionId: sections.news, headline: '  ' }))).rejects.toMatchObject({ field: 'headline' });
    await expect(createArticle(author, articleInput({ primarySectionId: 999_999 }))).rejects.toMatchObject({ field: 'primarySectionId' });
    await expect(createArticle(author, articleInput({ primarySectionId: sections.news, slug: 'Not A Slug' }))).rejects.toBeInstanceOf(ArticleInputError);
  });

  it('keeps authors to their own articles', async () => {
    const { id } = await createArticle(author, articleInput({ primarySectionId: sections.news }));
    await expect(getArticleForEditing(otherAuthor, id)).rejects.toBeInstanceOf(AuthorizationError);
    await expect(saveArticle(otherAuthor, id, articleInput({ primarySectionId: sections.news }), { baseVersion: 1 })).rejects.toBeInstanceOf(AuthorizationError);
    await expect(submitForReview(otherAuthor, id)).rejects.toBeInstanceOf(AuthorizationError);
    await expect(publishArticle(author, id)).rejects.toBeInstanceOf(AuthorizationError);
    // A byline makes it theirs too.
    const shared = await createArticle(editor, articleInput({ primarySectionId: sections.news, bylinePersonIds: [otherAuthor.personId!] }));
    await expect(getArticleForEditing(otherAuthor, shared.id)).resolves.toMatchObject({ id: shared.id });
  });

  it('refuses a save made on top of someone else’s newer save', async () => {
    const { id } = await createArticle(author, articleInput({ primarySectionId: sections.news }));
    await saveArticle(editor, id, articleInput({ primarySectionId: sections.news, headline: 'Editor’s headline' }), { baseVersion: 1 });
    await expect(saveArticle(author, id, articleInput({ primarySectionId: sections.news, headline: 'Author’s headline' }), { baseVersion: 1 })).rejects.toBeInstanceOf(EditConflictError);
    expect((await getArticleForEditing(author, id)).copy.headline).toBe('Editor’s headline');
  });
});

describe('publishing', () => {
  it('takes a story from draft through review to readers, keeping listing keys and invalidating what it touches', async () => {
    const { id } = await createArticle(author, articleInput({ primarySectionId: sections.local, secondarySectionIds: [sections.sport], tagNames: ['Floods'] }));
    await submitForReview(author, id);
    await expect(approveArticle(author, id)).rejects.toBeInstanceOf(AuthorizationError);
    await approveArticle(editor, id);
    expect((await readerRow(id)).editorialState).toBe('approved');
    const now = new Date('2026-11-29T09:00:00Z');
    const tagId = (await db().tag.findUniqueOrThrow({ where: { slug: 'floods' } })).id;
    const invalidated = await invalidatedBy(() => publishArticle(editor, id, now));
    expect(invalidated).toEqual(
      new Set([tags.article(id), tags.section(sections.local), tags.section(sections.news), tags.section(sections.sport), tags.tag(tagId), tags.author(author.personId!), tags.home, tags.feeds, tags.sitemaps, tags.search, tags.mostRead, tags.redirects]),
    );
    const row = await readerRow(id);
    expect(row).toMatchObject({ publicationState: 'published', publishedAt: now, stagedCopy: null });
    expect(await listingKeys(id)).toEqual([now.toISOString(), now.toISOString(), now.toISOString()]);
    expect(await revisionKinds(id)).toEqual(['save', 'submit', 'publish']);
  });

  it('stages an edit to a live article that readers do not see until it is published; a new slug leaves a 301', async () => {
    const { id } = await createArticle(editor, articleInput({ primarySectionId: sections.news, headline: 'Night market moves' }));
    await publishArticle(editor, id);
    const oldPath = `/news-1/night-market-moves`;
    const staging = await invalidatedBy(() => saveArticle(editor, id, articleInput({ primarySectionId: sections.news, headline: 'Night market moves to riverside', slug: 'night-market-riverside' }), { baseVersion: 2 }));
    expect(staging.size).toBe(0); // nothing readers see has changed
    expect(await readerRow(id)).toMatchObject({ headline: 'Night market moves', slug: 'night-market-moves' });
    const editing = await getArticleForEditing(editor, id);
    expect(editing).toMatchObject({ hasStagedEdit: true, publicPath: oldPath, editorialState: 'draft' });
    expect(editing.copy.headline).toBe('Night market moves to riverside');

    const { path } = await publishArticle(editor, id);
    expect(path).toBe('/news-1/night-market-riverside');
    expect(await readerRow(id)).toMatchObject({ headline: 'Night market moves to riverside', stagedCopy: null });
    expect(await redirectFor(oldPath)).toEqual({ toPath: path });
  });

  it('unpublishing answers 410 at once and clears the listing keys; publishing again restores both', async () => {
    const { id } = await createArticle(editor, articleInput({ primarySectionId: sections.sport, headline: 'Derby called off', tagNames: ['Football'], bylinePersonIds: [editor.personId!] }));
    const first = new Date('2026-11-29T08:00:00Z');
    const { path } = await publishArticle(editor, id, first);
    const invalidated = await invalidatedBy(() => unpublishArticle(editor, id));
    expect(invalidated).toContain(tags.article(id));
    expect(invalidated).toContain(tags.home);
    expect(invalidated).toContain(tags.redirects);
    expect((await readerRow(id)).publicationState).toBe('unpublished');
    expect(await listingKeys(id)).toEqual([null, null]);
    expect(await redirectFor(path)).toEqual({ toPath: null });

    await publishArticle(editor, id, new Date('2026-11-29T10:00:00Z'));
    expect(await redirectFor(path)).toBeNull();
    // The original date stands: re-publishing is not a new story.
    expect(await listingKeys(id)).toEqual([first.toISOString(), first.toISOString()]);
  });

  it('archives and trashes live articles out of readers’ sight; restoring from the trash puts one back live', async () => {
    const a = await createArticle(editor, articleInput({ primarySectionId: sections.sport, headline: 'Old fixture list' }));
    const { path } = await publishArticle(editor, a.id);
    await archiveArticle(editor, a.id);
    expect((await readerRow(a.id)).publicationState).toBe('archived');
    expect(await redirectFor(path)).toEqual({ toPath: null });

    const b = await createArticle(editor, articleInput({ primarySectionId: sections.sport, headline: 'Wrong result', bylinePersonIds: [editor.personId!] }));
    const published = await publishArticle(editor, b.id, new Date('2026-11-29T07:00:00Z'));
    await expect(trashArticle(author, b.id)).rejects.toBeInstanceOf(AuthorizationError);
    await trashArticle(editor, b.id);
    expect(await redirectFor(published.path)).toEqual({ toPath: null });
    expect(await listingKeys(b.id)).toEqual([null]);
    await expect(getArticleForEditing(editor, b.id)).rejects.toThrow('No such article');
    await restoreArticle(editor, b.id);
    expect(await readerRow(b.id)).toMatchObject({ publicationState: 'published' });
    expect(await redirectFor(published.path)).toBeNull();
    expect(await listingKeys(b.id)).toEqual(['2026-11-29T07:00:00.000Z']);
    expect((await revisionKinds(b.id)).at(-1)).toBe('restore');
  });
});

describe('scheduling', () => {
  it('refuses a time in the past', async () => {
    const { id } = await createArticle(editor, articleInput({ primarySectionId: sections.news }));
    const now = new Date('2026-11-29T09:00:00Z');
    await expect(scheduleArticle(editor, id, new Date(now.getTime() - 1000), now)).rejects.toMatchObject({ field: 'scheduledAt' });
    await expect(scheduleArticle(author, id, new Date(now.getTime() + 60_000), now)).rejects.toBeInstanceOf(AuthorizationError);
  });

  it('publishes when due, exactly once, even when runs overlap', async () => {
    const now = new Date('2026-11-29T09:00:00Z');
    const { id } = await createArticle(author, articleInput({ primarySectionId: sections.news, headline: 'Scheduled budget story' }));
    await scheduleArticle(editor, id, new Date(now.getTime() + 60_000), now);
    expect(await publishDueArticles(new Date(now.getTime() + 59_000))).not.toContain(id);
    const due = new Date(now.getTime() + 61_000);
    const runs = await Promise.all([publishDueArticles(due), publishDueArticles(due), publishDueArticles(due)]);
    expect(runs.flat().filter((x) => x === id)).toHaveLength(1);
    expect(await readerRow(id)).toMatchObject({ publicationState: 'published', publishedAt: due });
    expect((await revisionKinds(id)).filter((k) => k === 'publish')).toHaveLength(1);
    expect(await publishDueArticles(new Date(due.getTime() + 3600_000))).not.toContain(id);
  });

  it('takes a scheduled article off the schedule when its author changes it after review', async () => {
    const now = new Date('2026-11-29T09:00:00Z');
    const { id } = await createArticle(author, articleInput({ primarySectionId: sections.news, headline: 'Reviewed copy' }));
    await approveArticle(editor, id);
    await scheduleArticle(editor, id, new Date(now.getTime() + 3600_000), now);
    const { version } = await getArticleForEditing(author, id);
    await saveArticle(author, id, articleInput({ primarySectionId: sections.news, headline: 'Unreviewed change' }), { baseVersion: version });
    expect(await readerRow(id)).toMatchObject({ publicationState: 'unpublished', editorialState: 'draft' });
  });
});

describe('images need alt text before they go live', () => {
  let n = 0;
  const image = (alt: string) =>
    write((tx) => tx.media.create({ data: { path: `uploads/alt-${++n}.jpg`, originalName: `photo-${n}.jpg`, mimeType: 'image/jpeg', width: 1600, height: 900, bytes: 1000, alt } }));

  it('refuses to publish or schedule a hero or body image without alt text, and says which', async () => {
    const hero = await image('');
    const inline = await image('');
    const body = { blocks: [{ type: 'image' as const, mediaId: inline.id, alt: '' }] };
    const { id } = await createArticle(editor, articleInput({ primarySectionId: sections.news, headline: 'Flood pictures', heroImageId: hero.id, body }));
    const refused = await publishArticle(editor, id).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(MediaNotPublishableError);
    expect((refused as Error).message).toBe(`Add alt text to ${hero.originalName}, ${inline.originalName} in the media library before publishing.`);
    await expect(scheduleArticle(editor, id, new Date(Date.now() + 3600_000))).rejects.toBeInstanceOf(MediaNotPublishableError);
    expect(await readerRow(id)).toMatchObject({ publicationState: 'unpublished', publishedAt: null });

    // Alt text in the library, or written where the image is used, lets it through.
    await write((tx) => tx.media.update({ where: { id: hero.id }, data: { alt: 'Water over the Mae Sai bridge' } }));
    const { version } = await getArticleForEditing(editor, id);
    await saveArticle(editor, id, articleInput({ primarySectionId: sections.news, headline: 'Flood pictures', heroImageId: hero.id, body: { blocks: [{ ...body.blocks[0]!, alt: 'Sandbags at the market' }] } }), { baseVersion: version });
    await publishArticle(editor, id);
    expect(await readerRow(id)).toMatchObject({ publicationState: 'published' });
  });

  it('the scheduler leaves a story unpublished and off the schedule when its image lost its alt text', async () => {
    const now = new Date('2026-11-29T09:00:00Z');
    const hero = await image('A longtail boat at Tha Ton');
    const { id } = await createArticle(editor, articleInput({ primarySectionId: sections.news, headline: 'Boat race', heroImageId: hero.id }));
    await scheduleArticle(editor, id, new Date(now.getTime() + 60_000), now);
    await write((tx) => tx.media.update({ where: { id: hero.id }, data: { alt: '' } }));
    expect(await publishDueArticles(new Date(now.getTime() + 61_000))).not.toContain(id);
    expect(await db().article.findUniqueOrThrow({ where: { id }, select: { publicationState: true, scheduledAt: true } })).toEqual({ publicationState: 'unpublished', scheduledAt: null });
    const log = await db().auditLog.findFirstOrThrow({ where: { entityType: 'article', entityId: String(id), action: 'article.schedule-failed' } });
    expect(log.summary).toMatch(/Add alt text to photo-\d+\.jpg/);
  });
});

it('keeps a staged slug from taking another live article’s URL', async () => {
  const a = await createArticle(editor, articleInput({ primarySectionId: sections.news, headline: 'Alpha story' }));
  const b = await createArticle(editor, articleInput({ primarySectionId: sections.news, headline: 'Beta story' }));
  await publishArticle(editor, a.id);
  await publishArticle(editor, b.id);
  const { version } = await getArticleForEditing(editor, b.id);
  await saveArticle(editor, b.id, articleInput({ primarySectionId: sections.news, headline: 'Beta story', slug: 'alpha-story' }), { baseVersion: version });
  const { path } = await publishArticle(editor, b.id);
  expect(path).toBe('/news-1/alpha-story-2');
});
