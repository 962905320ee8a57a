import { beforeAll, describe, expect, it } from 'vitest';
import { write } from './db';
import { getHomePage } from './home';
import { listNavSections } from './taxonomy';
import { insertArticles, insertCatalog, type Catalog } from './testing/reader-fixtures';

const now = new Date('2026-11-29T09:30:00Z');
let c: Catalog;
let ids: number[];

beforeAll(async () => {
  c = await insertCatalog();
  ids = await insertArticles(now, [
    ...Array.from({ length: 14 }, (_, i) => ({ slug: `news-${i}`, hoursAgo: i + 1, primarySectionId: c.asia, topSectionId: c.news })),
    ...Array.from({ length: 6 }, (_, i) => ({ slug: `sport-${i}`, hoursAgo: i + 1.5, primarySectionId: c.football, topSectionId: c.sport })),
    ...Array.from({ length: 3 }, (_, i) => ({ slug: `view-${i}`, hoursAgo: 30 + i, primarySectionId: c.asia, topSectionId: c.news, isOpinion: true })),
  ]);
});

describe('the home page', () => {
  it('without curation leads with the newest stories and never shows a story twice', async () => {
    const home = await getHomePage(await listNavSections(), now);
    expect(home.lead?.path).toBe('/news/news-0');
    expect(home.top.map((s) => s.path)).toEqual(['/sport/sport-0', '/news/news-1', '/sport/sport-1', '/news/news-2']);
    const all = [home.lead!, ...home.top, ...home.sections.flatMap((b) => b.stories), ...home.latest, ...home.opinion, ...home.mostRead];
    expect(new Set(all.map((s) => s.id)).size).toBe(all.length);
    expect(home.sections.map((b) => b.section.name)).toEqual(['News', 'Sport']);
    expect(home.opinion.map((s) => s.path)).toEqual(['/news/view-0', '/news/view-1', '/news/view-2']);
  });

  it('honours the editors’ lead and top slots, skipping a curated story that is no longer live', async () => {
    const lead = ids[13]!; // news-13, an old story
    const top = ids[19]!; // sport-5
    await write(async (tx) => {
      await tx.homeSlot.createMany({
        data: [
          { slot: 'lead', position: 0, articleId: lead },
          { slot: 'top', position: 0, articleId: top },
          { slot: 'top', position: 1, articleId: ids[12]! },
        ],
      });
      await tx.article.update({ where: { id: ids[12]! }, data: { publicationState: 'archived' } });
    });
    const home = await getHomePage(await listNavSections(), now);
    expect(home.lead?.id).toBe(lead);
    expect(home.top.map((s) => s.id)).toEqual([top, ids[0], ids[14], ids[1]]);
    const all = [home.lead!, ...home.top, ...home.sections.flatMap((b) => b.stories), ...home.latest, ...home.opinion, ...home.mostRead];
    expect(new Set(all.map((s) => s.id)).size).toBe(all.length);
    expect(all.map((s) => s.id)).not.toContain(ids[12]);
  });
});
