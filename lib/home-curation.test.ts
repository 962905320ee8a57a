import { beforeAll, describe, expect, it } from 'vitest';
import { AuthorizationError } from './auth/actor';
import { collectTags, onInvalidate, type RenderRecord } from './cache-tags';
import { db } from './db';
import {
  clearBreakingBar,
  getBreakingBar,
  getHomeCuration,
  getHomeLineup,
  saveHomeCuration,
  searchStoriesForCuration,
  setBreakingBar,
} from './home-curation';
import { createArticle, createSection, createStaff, type Staff } from './media/fixtures';

let staff: Staff;
let ids: number[] = [];
const base = Date.UTC(2026, 10, 1, 12);

beforeAll(async () => {
  staff = await createStaff();
  await db().siteSettings.create({ data: { id: 1, name: 'Test Ledger' } });
  const section = await createSection('home-news');
  // Story i is published i hours after the base: the highest number is the newest.
  for (let i = 1; i <= 10; i++) ids.push((await createArticle(section.id, `story-${i}`, { publishedAt: new Date(base + i * 3600_000) })).id);
  ids = [0, ...ids]; // ids[i] is story i
  await createArticle(section.id, 'draft', { published: false });
});

const lineupIds = async (topCount = 4) => {
  const { lead, top } = await getHomeLineup({ topCount });
  return { lead: lead?.id ?? null, top: top.map((s) => s.id) };
};

describe('home curation', () => {
  it('without curation shows the newest stories', async () => {
    expect(await lineupIds()).toEqual({ lead: ids[10], top: [ids[9], ids[8], ids[7], ids[6]] });
  });

  it('honours the lead, pins top stories in place and lets new stories push unpinned picks down', async () => {
    const seen: string[][] = [];
    const stop = onInvalidate((t) => seen.push([...t]));
    // Curated after story 7 went out, before stories 8–10.
    const curatedAt = new Date(base + 7.5 * 3600_000);
    const saved = await saveHomeCuration(
      staff.editor,
      {
        leadId: ids[2],
        top: [
          { articleId: ids[1], pinned: true },
          { articleId: ids[4], pinned: false },
          { articleId: ids[5], pinned: false },
        ],
      },
      curatedAt,
    );
    stop();
    expect(saved).toEqual({ ok: true });
    expect(seen).toEqual([['home']]);
    // Stories 8–10 came out after the curation, so they flow in above the unpinned picks; the pin holds position 0.
    expect(await lineupIds(6)).toEqual({ lead: ids[2], top: [ids[1], ids[10], ids[9], ids[8], ids[4], ids[5]] });
    expect(await lineupIds(4)).toEqual({ lead: ids[2], top: [ids[1], ids[10], ids[9], ids[8]] });
    expect(await getHomeCuration(staff.editor)).toMatchObject({ lead: { articleId: ids[2], live: true }, top: [{ articleId: ids[1], pinned: true }, { articleId: ids[4] }, { articleId: ids[5] }] });
  });

  it('keeps unpinned picks in order when nothing newer has been published, and records the tags it read', async () => {
    await saveHomeCuration(staff.editor, { leadId: ids[3], top: [{ articleId: ids[10], pinned: false }, { articleId: ids[1], pinned: false }] }, new Date(base + 11 * 3600_000));
    const record: RenderRecord = { tags: new Set() };
    const lineup = await collectTags(record, () => getHomeLineup({ topCount: 3 }));
    // The third position, left free by the editor, takes the newest story not placed yet.
    expect({ lead: lineup.lead?.id, top: lineup.top.map((s) => s.id) }).toEqual({ lead: ids[3], top: [ids[10], ids[1], ids[9]] });
    expect([...record.tags].sort()).toEqual(['home', `article:${ids[1]}`, `article:${ids[10]}`, `article:${ids[3]}`, `article:${ids[9]}`].sort());
  });

  it('never shows a story twice and refuses duplicates or stories that are not live', async () => {
    expect(await saveHomeCuration(staff.editor, { leadId: ids[1], top: [{ articleId: ids[1], pinned: false }] })).toEqual({ ok: false, message: 'A story can appear only once on the home page.' });
    expect(await saveHomeCuration(staff.editor, { leadId: null, top: [{ articleId: ids[2], pinned: true }, { articleId: ids[2], pinned: false }] })).toMatchObject({ ok: false });
    const draft = await db().article.findFirstOrThrow({ where: { slug: 'draft' } });
    expect(await saveHomeCuration(staff.editor, { leadId: draft.id, top: [] })).toMatchObject({ ok: false, message: expect.stringMatching(/Only published stories/) });

    // A curated story that is later unpublished drops out; the gap fills without repeating anyone.
    await saveHomeCuration(staff.editor, { leadId: ids[9], top: [{ articleId: ids[10], pinned: true }, { articleId: ids[8], pinned: true }] });
    await db().article.update({ where: { id: ids[10] }, data: { publicationState: 'unpublished' } });
    const { lead, top } = await lineupIds(6);
    const all = [lead, ...top];
    expect(new Set(all).size).toBe(all.length);
    expect(all).not.toContain(ids[10]);
    expect(lead).toBe(ids[9]);
    // Story 8 stays pinned at the second position; the first fills with the newest live story.
    expect(top.slice(0, 2)).toEqual([ids[7], ids[8]]);
    await db().article.update({ where: { id: ids[10] }, data: { publicationState: 'published' } });
  });

  it('is for editors and admins only', async () => {
    const input = { leadId: null, top: [] };
    await expect(saveHomeCuration(staff.author, input)).rejects.toBeInstanceOf(AuthorizationError);
    await expect(getHomeCuration(staff.author)).rejects.toBeInstanceOf(AuthorizationError);
    await expect(searchStoriesForCuration(staff.author)).rejects.toBeInstanceOf(AuthorizationError);
    await expect(setBreakingBar(staff.author, { text: 'x', minutes: 15 })).rejects.toBeInstanceOf(AuthorizationError);
    await expect(clearBreakingBar(staff.author)).rejects.toBeInstanceOf(AuthorizationError);
    expect(await saveHomeCuration(staff.admin, input)).toEqual({ ok: true });
    expect((await searchStoriesForCuration(staff.editor, 'story-1')).length).toBeGreaterThan(0);
    expect((await searchStoriesForCuration(staff.editor, 'HEADLINE STORY-7')).map((s) => s.id)).toEqual([ids[7]]);
  });
});

describe('breaking bar', () => {
  it('shows until it expires, and the render expires with it', async () => {
    const now = new Date(Date.UTC(2026, 10, 29, 9, 0));
    const seen: string[][] = [];
    const stop = onInvalidate((t) => seen.push([...t]));
    const set = await setBreakingBar(staff.editor, { text: 'Flood warning for Mae Sai', url: '/news/flood', minutes: 30 }, now);
    stop();
    expect(set).toMatchObject({ ok: true });
    expect(seen).toEqual([['settings']]);
    const record: RenderRecord = { tags: new Set() };
    const bar = await collectTags(record, () => getBreakingBar(new Date(now.getTime() + 29 * 60_000)));
    expect(bar).toMatchObject({ text: 'Flood warning for Mae Sai', url: '/news/flood' });
    expect(record.expiresAt).toBe(now.getTime() + 30 * 60_000);
    expect(await getBreakingBar(new Date(now.getTime() + 30 * 60_000))).toBeNull();
  });

  it('never renders an unsafe link written around the form', async () => {
    const expires = new Date(Date.now() + 60_000);
    await db().siteSettings.update({ where: { id: 1 }, data: { breakingText: ' Road closed ', breakingUrl: 'javascript:alert(1)', breakingExpiresAt: expires } });
    expect(await getBreakingBar()).toEqual({ text: 'Road closed', url: null, expiresAt: expires });
  });

  it('validates the line, the link and the duration', async () => {
    expect(await setBreakingBar(staff.editor, { text: '  ', url: 'javascript:alert(1)', minutes: 7 })).toMatchObject({
      ok: false,
      errors: { text: ['Write the breaking news line.'], url: [expect.any(String)], minutes: ['Choose how long the bar stays up.'] },
    });
    await setBreakingBar(staff.admin, { text: 'Gone soon', minutes: 15 });
    await clearBreakingBar(staff.admin);
    expect(await getBreakingBar()).toBeNull();
  });
});
