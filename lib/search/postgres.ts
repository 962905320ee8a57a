/**
 * PostgreSQL backend: stored tsvectors with GIN indexes, queried with `to_tsquery` text built from
 * our own parser. The inner query only finds the newest k matches (the planner walks the
 * publishedAt index for common words and the GIN index for rare ones); ts_rank runs on those k only.
 * "staffDoc" is NULL where the working copy is the published copy (docs/adr/019).
 */
import { db } from '../db';
import type { SearchBackend } from './backend';
import { wordsOf, type ParsedQuery, type Term } from './query';
import { facetQueryText, tsqueryText } from './tsquery';

interface Row {
  articleId: number;
  score: number;
  ord: number;
}

/**
 * unaccent, applied to the words before they are quoted into the tsquery text: applied to the
 * whole text it could turn a letter into a quote (U+02BC becomes an apostrophe) and break it.
 */
async function unaccented(query: ParsedQuery): Promise<ParsedQuery> {
  const words = [...query.include, ...query.exclude].flatMap((t) => t.words).filter((w) => /[^\x00-\x7f]/.test(w));
  if (words.length === 0) return query;
  const rows = await db().$queryRawUnsafe<{ word: string }[]>(`SELECT unaccent(w) AS "word" FROM unnest($1::text[]) WITH ORDINALITY AS t(w, i) ORDER BY i`, words);
  const map = new Map(words.map((w, i) => [w, rows[i]?.word ?? w]));
  const fix = (term: Term): Term => ({ ...term, words: term.words.flatMap((w) => wordsOf(map.get(w) ?? w)) });
  const keep = (term: Term) => term.words.length > 0;
  return { include: query.include.map(fix).filter(keep), exclude: query.exclude.map(fix).filter(keep) };
}

// D (nothing: filter tokens are not ranked), C body, B standfirst, A headline: 4 : 2 : 1 as on SQLite.
const RANK_WEIGHTS = `'{0, 0.25, 0.5, 1.0}'`;

/** Ranking looks at the wanted words only. */
function rankText(query: ParsedQuery): string {
  return tsqueryText({ include: query.include, exclude: [] });
}

/** The match as SQL over parameter `$n` (the user's terms) and, with facets, `$n+1`. */
function matchSql(n: number, facets: readonly string[]): string {
  return facets.length > 0 ? `(to_tsquery('simple', $${n}) && $${n + 1}::tsquery)` : `to_tsquery('simple', $${n})`;
}

function matchParams(query: ParsedQuery, facets: readonly string[]): string[] {
  return facets.length > 0 ? [tsqueryText(query), facetQueryText(facets)] : [tsqueryText(query)];
}

export const postgresBackend: SearchBackend = {
  async reader(request) {
    const query = await unaccented(request.query);
    if (query.include.length === 0) return { rows: [], oldest: null };
    const from = request.fromMs ?? -8e12;
    const to = request.toMs ?? 8e12;
    const rows = await db().$queryRawUnsafe<Row[]>(
      `SELECT c."articleId" AS "articleId", ts_rank(${RANK_WEIGHTS}, c."readerDoc", to_tsquery('simple', $1))::float8 AS "score",
              (extract(epoch FROM c."publishedAt") * 1000)::float8 AS "ord"
       FROM (
         SELECT "articleId", "publishedAt", "readerDoc" FROM "SearchDoc"
         WHERE "readerDoc" @@ ${matchSql(5, request.facets)}
           AND "publishedAt" >= to_timestamp($2::float8 / 1000) AT TIME ZONE 'UTC'
           AND "publishedAt" < to_timestamp($3::float8 / 1000) AT TIME ZONE 'UTC'
         ORDER BY "publishedAt" DESC, "articleId" DESC LIMIT $4
       ) c
       ORDER BY c."publishedAt" DESC, c."articleId" DESC`,
      rankText(query),
      from,
      to,
      request.limit,
      ...matchParams(query, request.facets),
    );
    let oldest: number | null = null;
    if (rows.length === request.limit) {
      const [first] = await db().$queryRawUnsafe<{ ord: number | null }[]>(
        `SELECT (extract(epoch FROM min("publishedAt")) * 1000)::float8 AS "ord" FROM "SearchDoc"
         WHERE "readerDoc" IS NOT NULL AND "publishedAt" >= to_timestamp($1::float8 / 1000) AT TIME ZONE 'UTC'`,
        from,
      );
      oldest = first?.ord ?? null;
    }
    return { rows: rows.map((r) => ({ articleId: r.articleId, score: r.score, order: r.ord })), oldest };
  },

  async staff(request) {
    const query = await unaccented(request.query);
    if (query.include.length === 0) return { rows: [], oldest: null };
    const rows = await db().$queryRawUnsafe<Row[]>(
      `SELECT c."articleId" AS "articleId", ts_rank(${RANK_WEIGHTS}, c."doc", to_tsquery('simple', $1))::float8 AS "score", c."articleId"::float8 AS "ord"
       FROM (
         SELECT "articleId", coalesce("staffDoc", "readerDoc") AS "doc" FROM "SearchDoc"
         WHERE "staffDoc" @@ ${matchSql(3, request.facets)} OR ("staffDoc" IS NULL AND "readerDoc" @@ ${matchSql(3, request.facets)})
         ORDER BY "articleId" DESC LIMIT $2
       ) c
       ORDER BY c."articleId" DESC`,
      rankText(query),
      request.limit,
      ...matchParams(query, request.facets),
    );
    let oldest: number | null = null;
    if (rows.length === request.limit) {
      const [first] = await db().$queryRawUnsafe<{ ord: number | null }[]>(`SELECT min("articleId")::float8 AS "ord" FROM "SearchDoc"`);
      oldest = first?.ord ?? null;
    }
    return { rows: rows.map((r) => ({ articleId: r.articleId, score: r.score, order: r.ord })), oldest };
  },
};
