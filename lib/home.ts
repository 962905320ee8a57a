/**
 * The home page: the editors' lineup of lead and top stories (lib/home-curation.ts), then section
 * blocks in navigation order, latest, opinion and most read. Each block excludes every story placed before it, so no
 * story appears twice on the page.
 */
import { recordTags, tags } from './cache-tags';
import { getHomeLineup } from './home-curation';
import { listArticleCards, listLatestArticles, listMostRead, listOpinion, listSectionLatest, type ArticleCard } from './articles';
import type { NavSection } from './taxonomy';
import { HOME_TOP_STORIES } from './validation/library';

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

const SECTION_STORIES = 4;
const LATEST_COUNT = 10;
const OPINION_COUNT = 4;
const MOST_READ_COUNT = 5;

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

  // The editors' lineup (lead, pins, their order, newer stories flowing in); it never repeats a story.
  const lineup = await getHomeLineup({ topCount: HOME_TOP_STORIES });
  const cards = await listArticleCards([lineup.lead, ...lineup.top].flatMap((entry) => (entry ? [entry.id] : [])));
  // Cards come back in lineup order, lead first; one that stopped being live meanwhile is skipped.
  const lead = take(cards, 1)[0] ?? null;
  const top = take(cards, HOME_TOP_STORIES);

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
