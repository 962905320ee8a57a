/**
 * Search indexing for a bulk writer (the WordPress importer) on PostgreSQL. The article and
 * byline triggers rebuild an article's search document on every row: an imported article is
 * indexed once when it is inserted and again for each byline, one statement each. Inside one
 * transaction this switches those triggers off, lets the writer insert, and indexes every article
 * it touched in one set-based statement. `ALTER TABLE … DISABLE TRIGGER` is transactional and is
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
  if (ids.length) {
    // The range lets the planner use the primary key (an ANY alone has been planned as a scan
    // of every article, migration 20261129095800).
    const lo = Math.min(...ids);
    const hi = Math.max(...ids);
    const where = `"articleId" BETWEEN $1::int4 AND $2::int4 AND "articleId" = ANY($3::int4[])`;
    await tx.$executeRawUnsafe(`DELETE FROM "SearchDoc" WHERE ${where}`, lo, hi, ids);
    await tx.$executeRawUnsafe(`INSERT INTO "SearchDoc" SELECT * FROM "SearchSource" WHERE ${where}`, lo, hi, ids);
  }
  for (const statement of pgSearchTriggers('ENABLE')) await tx.$executeRawUnsafe(statement);
  return result;
}
