/**
 * SQLite FTS5 backend. Reader rowids are publishedAt (ms) * 2^20 + (id mod 2^20), so
 * `ORDER BY rowid DESC LIMIT k` walks the doclists backwards and stops after the newest k matches,
 * however common the words are; a date range is a rowid range, which FTS5 also seeks directly.
 * Readers search the recent index first (lib/search/recent.ts).
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

function bounds(table: string, request: CandidateQuery): { sql: string; params: number[] } {
  const clauses: string[] = [];
  const params: number[] = [];
  if (request.fromMs !== undefined) {
    clauses.push(`"${table}".rowid >= ? * ${SHIFT}`);
    params.push(request.fromMs);
  }
  if (request.toMs !== undefined) {
    clauses.push(`"${table}".rowid < ? * ${SHIFT}`);
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

/** The newest `limit` matches in one reader index, scored against that index. */
function newestMatches(table: 'SearchFts' | 'RecentSearchFts', request: CandidateQuery): Promise<Row[]> {
  const { sql, params } = bounds(table, request);
  return db().$queryRawUnsafe<Row[]>(
    `SELECT d."articleId" AS "articleId", ${score(table)} AS "score", "${table}".rowid >> 20 AS "ord"
     FROM "${table}" JOIN "SearchDoc" d ON d."docId" = "${table}".rowid
     WHERE "${table}" MATCH ?${sql}
     ORDER BY "${table}".rowid DESC LIMIT ?`,
    fts5Match(request.query, request.facets),
    ...params,
    request.limit,
  );
}

export const sqliteBackend: SearchBackend = {
  async reader(request) {
    // The recent index holds every document from its floor up, so when it has `limit` matches
    // they are the newest `limit` of the whole index; otherwise the full index answers
    // (lib/search/recent.ts). An empty (switched-off) recent index answers at once.
    const recent = await newestMatches('RecentSearchFts', request);
    const rows = recent.length === request.limit ? recent : await newestMatches('SearchFts', request);
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
