/**
 * Search indexing for a bulk writer (the WordPress importer) on PostgreSQL. The article and
 * byline triggers rebuild an article's search document on every row: an imported article is
 * indexed once when it is inserted and again for each byline, one statement each. Inside one
 * transaction this switches those triggers off, lets the writer insert, and indexes every article
 * it touched in one statement. `ALTER TABLE … DISABLE TRIGGER` is transactional and is
 * undone before the commit, so other sessions never see the triggers off and a crash rolls it
 * back; meanwhile other writers to Article and ArticleByline wait for the (short) transaction.
 * On SQLite the triggers stay as they are: the write queue already makes each batch one writer.
 * (The seeder instead suspends the triggers for its whole load and rebuilds once: lib/search/reindex.ts.)
 */
import { dbProvider, type Tx } from '../db';
import { pgSearchTriggers } from './reindex';

/**
 * Runs `work` in `tx` with per-row search indexing deferred, then indexes the articles whose ids
 * `touched` picks from its result, in one pass.
 */
export async function withSearchIndexedOnce<T>(tx: Tx, work: () => Promise<T>, touched: (result: T) => number[]): Promise<T> {
  if (dbProvider() !== 'postgresql') return work();
  for (const statement of pgSearchTriggers('DISABLE')) await tx.$executeRawUnsafe(statement);
  const result = await work();
  const ids = touched(result);
  // The triggers' own function, so a rebuild under way (its "SearchDocNext") gets the rows too.
  if (ids.length) await tx.$executeRawUnsafe(`SELECT search_refresh_article(id) FROM unnest($1::int4[]) AS t(id)`, ids);
  for (const statement of pgSearchTriggers('ENABLE')) await tx.$executeRawUnsafe(statement);
  return result;
}
