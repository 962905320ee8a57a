/** Test fixtures: a small section tree and the article input the workflow expects. */
import { write } from '../db';
import type { ArticleInput } from '../validation/article';

export interface TestSections {
  news: number;
  /** A sub-section of news. */
  local: number;
  sport: number;
}

let counter = 0;

export async function createTestSections(): Promise<TestSections> {
  const n = ++counter;
  return write(async (tx) => {
    const news = await tx.section.create({ data: { slug: `news-${n}`, name: `News ${n}` } });
    const local = await tx.section.create({ data: { slug: 'local', name: 'Local', parentId: news.id } });
    const sport = await tx.section.create({ data: { slug: `sport-${n}`, name: `Sport ${n}` } });
    return { news: news.id, local: local.id, sport: sport.id };
  });
}

export function articleInput(overrides: Partial<ArticleInput> & Pick<ArticleInput, 'primarySectionId'>): ArticleInput {
  return {
    headline: 'River festival opens with lantern parade',
    standfirst: 'Thousands line the banks of the Ping for the first night.',
    body: { blocks: [{ type: 'paragraph', content: [{ text: 'The lanterns went up at dusk.' }] }] },
    ...overrides,
  };
}
