/**
 * PostgreSQL backend: stored tsvectors with GIN indexes, queried with `to_tsquery` text built from
 * our own parser. The inner query only finds the newest k matches (the planner walks the
 * publishedAt index for common words and the GIN index for rare ones); ts_rank runs on those k only,
 * each read again by id, so no sort carries a vector (stored in the row since docs/adr/025).
 * "staffDoc" is NULL where the working copy is the published copy (docs/adr/019).
 */
import { db } from '../db';
import type { SearchBackend } from './backend';
import { isThai, wordsOf, type ParsedQuery, type Term } from './query';
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

/** The match as SQL: the user's terms (`$n`) and each further `tsquery` literal (`$n+1`, …) ANDed. */
function matchSql(n: number, literals: number): string {
  const parts = [`to_tsquery('simple', $${n})`, ...Array.from({ length: literals }, (_, i) => `$${n + 1 + i}::tsquery`)];
  return parts.length > 1 ? `(${parts.join(' && ')})` : parts[0]!;
}

const DAY_MS = 86_400_000;
/** Days the first round of a phrase search covers; later rounds are sized from what it found. */
const FIRST_ROUND_DAYS = 7;
/** At most this many day lexemes in one query. */
const MAX_ROUND_DAYS = 366;

/** The 'day YYYY-MM-DD' lexemes (UTC, as migration 20261129150000 stores them) of [fromDay, toDay], as a tsquery literal. */
function daysLiteral(fromDay: number, toDay: number): string {
  const days: string[] = [];
  for (let day = toDay; day >= fromDay; day -= DAY_MS) days.push(`'day ${new Date(day).toISOString().slice(0, 10)}'`);
  return days.join(' | ');
}

/** True when some term needs word positions, which only the stored vector has: GIN must recheck every candidate row. */
function needsPositions(query: ParsedQuery): boolean {
  return [...query.include, ...query.exclude].some((term) => term.words.length > 1 || term.words.some(isThai));
}

interface Window {
  fromMs: number;
  toMs: number;
  limit: number;
  /** A tsquery literal the match must also satisfy (the days of a round). */
  days?: string;
}

/**
 * The newest `limit` published copies in [fromMs, toMs) matching the query, ranked. A round of days
 * must be answered by GIN alone: over a few days the planner would rather read every vector in
 * them from the date index (9,600 a week at 1,000,000 articles) than recheck the few rows GIN
 * returns. So the round's dates are an expression no index serves, and plain index scans are off.
 */
async function newestMatches(query: ParsedQuery, facets: readonly string[], window: Window): Promise<Row[]> {
  const literals = [...(facets.length > 0 ? [facetQueryText(facets)] : []), ...(window.days ? [window.days] : [])];
  const at = window.days ? `("publishedAt" + interval '0 days')` : `"publishedAt"`;
  const select = db().$queryRawUnsafe<Row[]>(
    `SELECT c."articleId" AS "articleId", ts_rank(${RANK_WEIGHTS}, d."readerDoc", to_tsquery('simple', $1))::float8 AS "score",
            (extract(epoch FROM c."publishedAt") * 1000)::float8 AS "ord"
     FROM (
       SELECT "articleId", "publishedAt" FROM "SearchDoc"
       WHERE "readerDoc" @@ ${matchSql(5, literals.length)}
         AND ${at} >= to_timestamp($2::float8 / 1000) AT TIME ZONE 'UTC'
         AND ${at} < to_timestamp($3::float8 / 1000) AT TIME ZONE 'UTC'
       ORDER BY "publishedAt" DESC, "articleId" DESC LIMIT $4
     ) c
     JOIN "SearchDoc" d ON d."articleId" = c."articleId"
     ORDER BY c."publishedAt" DESC, c."articleId" DESC`,
    rankText(query),
    window.fromMs,
    window.toMs,
    window.limit,
    tsqueryText(query),
    ...literals,
  );
  if (!window.days) return select;
  const [, rows] = await db().$transaction([db().$executeRawUnsafe(`SET LOCAL enable_indexscan = off`), select]);
  return rows;
}

/**
 * The newest matches of a query with phrases, a few days at a time, newest first. One query over
 * the whole range would recheck every row holding the words (night & market: 86,000 rows at
 * 1,000,000 articles, ~5 µs each from TOAST) to keep the newest 1,000 phrases; GIN restricted to
 * a round's day lexemes rechecks only that round's rows. The first round covers a week; the next
 * is sized from the rate found so far, for all the matches still wanted.
 */
async function newestMatchesByDays(query: ParsedQuery, facets: readonly string[], { fromMs, toMs, limit }: Window): Promise<Row[]> {
  const [range] = await db().$queryRawUnsafe<{ lo: number | null; hi: number | null }[]>(
    `SELECT (extract(epoch FROM min("publishedAt")) * 1000)::float8 AS "lo", (extract(epoch FROM max("publishedAt")) * 1000)::float8 AS "hi"
     FROM "SearchDoc" WHERE "readerDoc" IS NOT NULL
       AND "publishedAt" >= to_timestamp($1::float8 / 1000) AT TIME ZONE 'UTC' AND "publishedAt" < to_timestamp($2::float8 / 1000) AT TIME ZONE 'UTC'`,
    fromMs,
    toMs,
  );
  if (range?.lo == null || range.hi == null) return [];
  const oldestDay = Math.floor(range.lo / DAY_MS) * DAY_MS;
  let upperDay = Math.floor(range.hi / DAY_MS) * DAY_MS;
  let span = FIRST_ROUND_DAYS;
  let covered = 0;
  const rows: Row[] = [];
  while (rows.length < limit && upperDay >= oldestDay) {
    const lowerDay = Math.max(oldestDay, upperDay - (span - 1) * DAY_MS);
    rows.push(
      ...(await newestMatches(query, facets, {
        fromMs: Math.max(fromMs, lowerDay),
        toMs: Math.min(toMs, upperDay + DAY_MS),
        limit: limit - rows.length,
        // The last round needs no day lexemes: the dates bound it.
        days: lowerDay > oldestDay ? daysLiteral(lowerDay, upperDay) : undefined,
      })),
    );
    covered += (upperDay - lowerDay) / DAY_MS + 1;
    upperDay = lowerDay - DAY_MS;
    const perDay = rows.length / covered;
    // A tenth more than the rate predicts: a round rechecks every candidate in its days, so days
    // beyond the limit cost as much as a small extra round. Fourfold when nothing was found.
    span = Math.min(MAX_ROUND_DAYS, perDay > 0 ? Math.ceil(((limit - rows.length) / perDay) * 1.1) : span * 4);
  }
  return rows;
}

export const postgresBackend: SearchBackend = {
  async reader(request) {
    const query = await unaccented(request.query);
    if (query.include.length === 0) return { rows: [], oldest: null };
    const window = { fromMs: request.fromMs ?? -8e12, toMs: request.toMs ?? 8e12, limit: request.limit };
    const rows = needsPositions(query) ? await newestMatchesByDays(query, request.facets, window) : await newestMatches(query, request.facets, window);
    let oldest: number | null = null;
    if (rows.length === request.limit) {
      const [first] = await db().$queryRawUnsafe<{ ord: number | null }[]>(
        `SELECT (extract(epoch FROM min("publishedAt")) * 1000)::float8 AS "ord" FROM "SearchDoc"
         WHERE "readerDoc" IS NOT NULL AND "publishedAt" >= to_timestamp($1::float8 / 1000) AT TIME ZONE 'UTC'`,
        window.fromMs,
      );
      oldest = first?.ord ?? null;
    }
    return { rows: rows.map((r) => ({ articleId: r.articleId, score: r.score, order: r.ord })), oldest };
  },

  async staff(request) {
    const query = await unaccented(request.query);
    if (query.include.length === 0) return { rows: [], oldest: null };
    const facets = request.facets.length > 0 ? [facetQueryText(request.facets)] : [];
    const rows = await db().$queryRawUnsafe<Row[]>(
      `SELECT c."articleId" AS "articleId", ts_rank(${RANK_WEIGHTS}, coalesce(d."staffDoc", d."readerDoc"), to_tsquery('simple', $1))::float8 AS "score", c."articleId"::float8 AS "ord"
       FROM (
         SELECT "articleId" FROM "SearchDoc"
         WHERE "staffDoc" @@ ${matchSql(3, facets.length)} OR ("staffDoc" IS NULL AND "readerDoc" @@ ${matchSql(3, facets.length)})
         ORDER BY "articleId" DESC LIMIT $2
       ) c
       JOIN "SearchDoc" d ON d."articleId" = c."articleId"
       ORDER BY c."articleId" DESC`,
      rankText(query),
      request.limit,
      tsqueryText(query),
      ...facets,
    );
    let oldest: number | null = null;
    if (rows.length === request.limit) {
      const [first] = await db().$queryRawUnsafe<{ ord: number | null }[]>(`SELECT min("articleId")::float8 AS "ord" FROM "SearchDoc"`);
      oldest = first?.ord ?? null;
    }
    return { rows: rows.map((r) => ({ articleId: r.articleId, score: r.score, order: r.ord })), oldest };
  },
};
