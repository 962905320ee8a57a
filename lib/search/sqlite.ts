/**
 * SQLite FTS5 backend. Reader rowids are publishedAt (ms) * 2^20 + (id mod 2^20), so
 * `ORDER BY rowid DESC LIMIT k` walks the doclists backwards and stops after the newest k matches,
 * however common the words are; a date range is a rowid range, which FTS5 also seeks directly.
 */
import { db } from '../db';
import type { CandidateQuery, SearchBackend } from './backend';
import { fts5Match } from './fts5';

const SHIFT = 1048576; // 2^20, as in the migration

interface Row {
  articleId: number | bigint;
  score: number;
  ord: number | bigint;
}

function bounds(request: CandidateQuery): { sql: string; params: number[] } {
  const clauses: string[] = [];
  const params: number[] = [];
  if (request.fromMs !== undefined) {
    clauses.push(`"SearchFts".rowid >= ? * ${SHIFT}`);
    params.push(request.fromMs);
  }
  if (request.toMs !== undefined) {
    clauses.push(`"SearchFts".rowid < ? * ${SHIFT}`);
    params.push(request.toMs);
  }
  return { sql: clauses.map((c) => ` AND ${c}`).join(''), params };
}

/**
 * BM25 per column, weighted 4 : 2 : 1 for headline, standfirst and body. One bm25() over all
 * columns would let the body's length and BM25's saturation wash out the column weights.
 * bm25() is negative (lower is better), hence the minus.
 */
function score(table: string): string {
  const column = (weights: string) => `bm25("${table}", ${weights})`;
  return `-(4 * ${column('1, 0, 0, 0')} + 2 * ${column('0, 1, 0, 0')} + ${column('0, 0, 1, 0')})`;
}

function toCandidates(rows: Row[]) {
  return rows.map((r) => ({ articleId: Number(r.articleId), score: r.score, order: Number(r.ord) }));
}

export const sqliteBackend: SearchBackend = {
  async reader(request) {
    const { sql, params } = bounds(request);
    const rows = await db().$queryRawUnsafe<Row[]>(
      `SELECT d."articleId" AS "articleId", ${score('SearchFts')} AS "score", "SearchFts".rowid >> 20 AS "ord"
       FROM "SearchFts" JOIN "SearchDoc" d ON d."docId" = "SearchFts".rowid
       WHERE "SearchFts" MATCH ?${sql}
       ORDER BY "SearchFts".rowid DESC LIMIT ?`,
      fts5Match(request.query, request.facets),
      ...params,
      request.limit,
    );
    let oldest: number | null = null;
    if (rows.length === request.limit) {
      const [first] = await db().$queryRawUnsafe<{ ord: number | bigint | null }[]>(
        `SELECT min("docId") >> 20 AS "ord" FROM "SearchDoc" WHERE "docId" >= ? * ${SHIFT}`,
        request.fromMs ?? -8e12,
      );
      oldest = first?.ord == null ? null : Number(first.ord);
    }
    return { rows: toCandidates(rows), oldest };
  },

  async staff(request) {
    const rows = await db().$queryRawUnsafe<Row[]>(
      `SELECT rowid AS "articleId", ${score('StaffSearchFts')} AS "score", rowid AS "ord"
       FROM "StaffSearchFts" WHERE "StaffSearchFts" MATCH ?
       ORDER BY rowid DESC LIMIT ?`,
      fts5Match(request.query, request.facets),
      request.limit,
    );
    let oldest: number | null = null;
    if (rows.length === request.limit) {
      const [first] = await db().$queryRawUnsafe<{ ord: number | bigint | null }[]>(`SELECT min("articleId") AS "ord" FROM "StaffSearchDoc"`);
      oldest = first?.ord == null ? null : Number(first.ord);
    }
    return { rows: toCandidates(rows), oldest };
  },
};
