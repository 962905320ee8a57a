import { beforeAll, describe, expect, it } from 'vitest';
import { AuthenticationError, type Actor } from './auth/actor';
import { createArticle, publishArticle, scheduleArticle, submitForReview } from './article-workflow';
import { getDashboard } from './dashboard';
import { write } from './db';
import { articleInput, createTestSections } from './testing/content';
import { createTestActor } from './testing/users';

const timeZone = 'Asia/Bangkok';
// 09:30 in Bangkok: local midnight was 17:00 UTC the day before.
const now = new Date('2026-11-29T02:30:00Z');
let editor: Actor;
let author: Actor;
let other: Actor;
const id: Record<string, number> = {};

beforeAll(async () => {
  const { news } = await createTestSections();
  editor = await createTestActor('editor');
  author = await createTestActor('author');
  other = await createTestActor('author');
  const make = async (who: Actor, headline: string) => (id[headline] = (await createArticle(who, articleInput({ primarySectionId: news, headline }))).id);
  await make(author, 'Author draft');
  await make(other, 'Other draft');
  await make(editor, 'Editor draft');
  await submitForReview(author, await make(author, 'Author in review'));
  await submitForReview(other, await make(other, 'Other in review'));
  await scheduleArticle(editor, await make(other, 'Other scheduled'), new Date(now.getTime() + 3600_000), now);
  await publishArticle(editor, await make(author, 'Author live'), new Date(now.getTime() - 3600_000));
  await publishArticle(editor, await make(other, 'Other live'), new Date(now.getTime() - 1800_000));
  await write((tx) =>
    tx.viewBucket.createMany({
      data: [
        // Before local midnight: yesterday's readers do not count.
        { articleId: id['Author live']!, hour: new Date('2026-11-28T16:00:00Z'), count: 500 },
        { articleId: id['Author live']!, hour: new Date('2026-11-28T17:00:00Z'), count: 7 },
        { articleId: id['Author live']!, hour: new Date('2026-11-29T02:00:00Z'), count: 3 },
        { articleId: id['Other live']!, hour: new Date('2026-11-29T01:00:00Z'), count: 40 },
      ],
    }),
  );
});

const headlines = (items: { headline: string }[]) => items.map((i) => i.headline);

describe('the dashboard', () => {
  it('shows editors everyone’s work, with their own drafts under "my drafts"', async () => {
    const d = await getDashboard(editor, { timeZone, now });
    expect(headlines(d.myDrafts)).toEqual(['Editor draft']);
    expect(headlines(d.inReview)).toEqual(expect.arrayContaining(['Author in review', 'Other in review']));
    expect(headlines(d.scheduled)).toContain('Other scheduled');
    expect(headlines(d.recentlyPublished).slice(0, 2)).toEqual(['Other live', 'Author live']);
    expect(d.mostReadToday.map((m) => [m.headline, m.views])).toEqual([
      ['Other live', 40],
      ['Author live', 10],
    ]);
    expect(d.mostReadToday[0]!.path).toMatch(/^\/news-\d+\/other-live$/);
  });

  it('shows an author only their own articles', async () => {
    const d = await getDashboard(author, { timeZone, now });
    expect(headlines(d.myDrafts)).toEqual(['Author draft']);
    expect(headlines(d.inReview)).toEqual(['Author in review']);
    expect(d.scheduled).toEqual([]);
    expect(headlines(d.recentlyPublished)).toEqual(['Author live']);
    expect(d.mostReadToday.map((m) => [m.headline, m.views])).toEqual([['Author live', 10]]);
  });

  it('needs a signed-in actor', async () => {
    await expect(getDashboard(null as unknown as Actor, { timeZone, now })).rejects.toBeInstanceOf(AuthenticationError);
  });
});
