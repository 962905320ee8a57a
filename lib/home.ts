/**
 * The home page: editors' lead and top stories (HomeSlot), then section blocks in navigation
 * order, latest, opinion and most read. Each block excludes every story placed before it, so no
 * story appears twice on the page.
 */
import { recordTags, tags } from './cache-tags';
import { db } from './db';
import { listArticleCards, listLatestArticles, listMostRead, listOpinion, listSectionLatest, type ArticleCard } from './articles';
import type { NavSection } from './taxonomy';

export interface SectionBlock {
  section: { id: number; name: string; path: string };
  stories: ArticleCard[];
}

export interface HomePage {
  lead: ArticleCard | null;
  top: ArticleCard[];
  sections: SectionBlock[];
  latest: ArticleCard[];
  opinion: ArticleCard[];
  mostRead: ArticleCard[];
}

const TOP_COUNT = 4;
const SECTION_STORIES = 4;
const LATEST_COUNT = 10;
const OPINION_COUNT = 4;
const MOST_READ_COUNT = 5;

/** Curated slot article ids in slot order; the caller fills gaps with the newest stories. */
async function slotIds(): Promise<{ lead: number[]; top: number[] }> {
  const rows = await db().homeSlot.findMany({
    where: { slot: { in: ['lead', 'top'] } },
    orderBy: [{ slot: 'asc' }, { position: 'asc' }],
    select: { slot: true, articleId: true },
  });
  return {
    lead: rows.filter((r) => r.slot === 'lead').map((r) => r.articleId),
    top: rows.filter((r) => r.slot === 'top').map((r) => r.articleId),
  };
}

export async function getHomePage(sections: NavSection[], now = new Date()): Promise<HomePage> {
  recordTags(tags.home);
  const seen = new Set<number>();
  const take = (cards: ArticleCard[], limit: number) => {
    const out: ArticleCard[] = [];
    for (const card of cards) {
      if (out.length === limit) break;
      if (seen.has(card.id)) continue;
      seen.add(card.id);
      out.push(card);
    }
    return out;
  };

  const slots = await slotIds();
  const curated = await listArticleCards([...slots.lead, ...slots.top]);
  const byId = new Map(curated.map((c) => [c.id, c]));
  // A curated story that is no longer live simply leaves its slot to the newest stories.
  const leadPick = take(slots.lead.flatMap((id) => byId.get(id) ?? []), 1);
  const topPick = take(slots.top.flatMap((id) => byId.get(id) ?? []), TOP_COUNT);
  const fillNeeded = (leadPick.length ? 0 : 1) + (TOP_COUNT - topPick.length);
  const fill = fillNeeded ? await listLatestArticles({ limit: fillNeeded + seen.size, exclude: [...seen] }) : [];
  const lead = leadPick[0] ?? take(fill, 1)[0] ?? null;
  const top = [...topPick, ...take(fill, TOP_COUNT - topPick.length)];

  const opinion = take(await listOpinion({ limit: OPINION_COUNT, exclude: [...seen] }), OPINION_COUNT);
  const blocks: SectionBlock[] = [];
  for (const section of sections) {
    const stories = take(await listSectionLatest(section.id, { limit: SECTION_STORIES, exclude: [...seen] }), SECTION_STORIES);
    if (stories.length) blocks.push({ section: { id: section.id, name: section.name, path: section.path }, stories });
  }
  const latest = take(await listLatestArticles({ limit: LATEST_COUNT, exclude: [...seen] }), LATEST_COUNT);
  const mostRead = take(await listMostRead({ limit: MOST_READ_COUNT, exclude: [...seen], now }), MOST_READ_COUNT);
  return { lead, top, sections: blocks, latest, opinion, mostRead };
}
