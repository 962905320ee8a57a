// DATABASE_URL=… npm run bench:article-list [-- --runs R]
// p50/p95 of the newsroom's article list (lib/article-list.ts, the function /admin/articles calls)
// on an existing database — issue 7 asks for it at 1,000,000 articles (`npm run bench:seed --
// --articles 1000000 --keep` makes one). Each case is one page of 50 as an editor or an author
// sees it: the first page, filters, a page deep in the list (by its keyset cursor), text filters.
import { availableParallelism, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { listArticlesForStaff, type ArticleListQuery } from '../lib/article-list';
import type { Actor } from '../lib/auth/actor';
import { db, disconnect } from '../lib/db';
import { TABLE_HEAD, TABLE_RULE, tableCells, timeCalls } from './percentiles';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '30' } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 5) {
  console.error('--runs must be a whole number ≥ 5');
  process.exit(1);
}
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

const articles = await db().article.count();
// The busiest section and byline, so the filters are the slow ones, not empty ones.
const [section] = await db().article.groupBy({ by: ['topSectionId'], _count: { _all: true }, orderBy: { _count: { id: 'desc' } }, take: 1 });
const [person] = await db().articleByline.groupBy({ by: ['personId'], _count: { _all: true }, orderBy: { _count: { articleId: 'desc' } }, take: 1 });
const editor: Actor = { userId: 1, role: 'editor', name: 'Bench Editor', email: 'editor@example.org', personId: null };
// An author whose byline is the busiest one: their list is "own articles" among a million.
const author: Actor = { userId: 2, role: 'author', name: 'Bench Author', email: 'author@example.org', personId: person!.personId };

/** The cursor of the row `depth` rows into a list, as the pages before it would have handed on. */
async function cursorAt(depth: number, field: 'updatedAt' | 'publishedAt'): Promise<string> {
  const [row] = await db().article.findMany({
    where: field === 'publishedAt' ? { deletedAt: null, publishedAt: { not: null } } : { deletedAt: null },
    orderBy: [{ [field]: 'desc' }, { id: 'desc' }],
    skip: depth,
    take: 1,
    select: { id: true, updatedAt: true, publishedAt: true },
  });
  return `${row![field]!.getTime()}_${row!.id}`;
}

const query = (q: Partial<ArticleListQuery>): ArticleListQuery => ({ state: 'all', sort: 'updated', ...q });
const deep = Math.floor(articles / 2);
const cases: [string, Actor, ArticleListQuery][] = [
  ['first page (all, newest update)', editor, query({})],
  ['first page, by publication date', editor, query({ sort: 'published' })],
  ['published, busiest section', editor, query({ state: 'published', section: section!.topSectionId })],
  ['drafts', editor, query({ state: 'draft' })],
  ['scheduled', editor, query({ state: 'scheduled' })],
  ['busiest byline (author filter)', editor, query({ author: person!.personId })],
  [`deep page (row ${fmt(deep)}, keyset)`, editor, query({ after: await cursorAt(deep, 'updatedAt') })],
  [`deep page by publication (row ${fmt(deep)})`, editor, query({ sort: 'published', after: await cursorAt(deep, 'publishedAt') })],
  ['text filter, common word (council)', editor, query({ q: 'council' })],
  ['text filter, rare word (exports)', editor, query({ q: 'exports' })],
  ['text filter + section', editor, query({ q: 'council', section: section!.topSectionId })],
  ['author’s own articles', author, query({})],
];

console.log(`Article list on ${fmt(articles)} articles, ${runs} runs each (one page of 50):`);
console.log(`| case | rows ${TABLE_HEAD}\n|---|---${TABLE_RULE}`);
for (const [label, actor, q] of cases) {
  const { last, times } = await timeCalls(runs, 2, () => listArticlesForStaff(actor, q));
  console.log(`| ${label} | ${last.rows.length} | ${tableCells(times)} |`);
}
console.log(`Load average ${loadavg().map((n) => n.toFixed(2)).join(', ')} on ${availableParallelism()} CPUs`);
await disconnect();
