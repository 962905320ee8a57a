import { beforeAll, describe, expect, it } from 'vitest';
import { collectTags, type RenderRecord } from './cache-tags';
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

  it('follows the editors’ lineup: lead, pins in place, picks in order, a story no longer live skipped, nothing twice', async () => {
    const lead = ids[13]!; // news-13, an old story
    await write(async (tx) => {
      await tx.homeSlot.createMany({
        data: [
          { slot: 'lead', position: 0, articleId: lead, pinned: true, curatedAt: now },
          { slot: 'top', position: 0, articleId: ids[19]!, curatedAt: now }, // sport-5
          { slot: 'top', position: 1, articleId: ids[12]!, curatedAt: now }, // news-12, archived below
          { slot: 'top', position: 2, articleId: ids[11]!, pinned: true, curatedAt: now }, // news-11, pinned third
        ],
      });
      await tx.article.update({ where: { id: ids[12]! }, data: { publicationState: 'archived' } });
    });
    const home = await getHomePage(await listNavSections(), now);
    expect(home.lead?.id).toBe(lead);
    // Nothing was published after the curation, so the unpinned pick keeps its place; the gaps fill with the newest.
    expect(home.top.map((s) => s.id)).toEqual([ids[19], ids[0], ids[11], ids[14]]);
    const all = [home.lead!, ...home.top, ...home.sections.flatMap((b) => b.stories), ...home.latest, ...home.opinion, ...home.mostRead];
    expect(new Set(all.map((s) => s.id)).size).toBe(all.length);
    expect(all.map((s) => s.id)).not.toContain(ids[12]);
  });

  it('lets a story published after the curation move in above the unpinned picks, never above a pin', async () => {
    const [fresh] = await insertArticles(new Date(now.getTime() + 3600_000), [{ slug: 'fresh', hoursAgo: 0.5, primarySectionId: c.asia, topSectionId: c.news }]);
    const record: RenderRecord = { tags: new Set() };
    const home = await collectTags(record, async () => getHomePage(await listNavSections(), now));
    expect(home.top.map((s) => s.id)).toEqual([fresh, ids[19], ids[11], ids[0]]);
    // Saving the curation, publishing and unpublishing all invalidate `home`; each placed story is tagged too.
    expect(record.tags).toContain('home');
    expect(record.tags).toContain(`article:${fresh}`);
  });
});
