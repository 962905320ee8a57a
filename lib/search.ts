/**
 * Full-text search (DESIGN §6) over two backends: SQLite FTS5 and PostgreSQL tsvector. Readers
 * search the published copy of live articles; staff search the working copy of every article not
 * in the trash. Both take the newest RANKING_WINDOW matches from the index, rank only those
 * (headline and standfirst above body, recent stories boosted), and report "about N" beyond.
 */
import { requireRole, type Actor } from './auth/actor';
import { recordTags, tags } from './cache-tags';
import { db, dbProvider } from './db';
import { zonedMidnight } from './format';
import { isLiveArticle, liveStateSelect } from './live-article';
import type { Candidate, Candidates, CandidateQuery, SearchBackend } from './search/backend';
import { highlight, matcher, snippet, type Segment } from './search/highlight';
import { postgresBackend } from './search/postgres';
import { hasTerms, parseQuery, type ParsedQuery } from './search/query';
import { sqliteBackend } from './search/sqlite';
import { getSiteSettings } from './settings';
import { bodySchema, bodyText } from './validation/body';
import type { SearchParams, SearchSort } from './validation/search';

export type { Segment } from './search/highlight';

/** How many of the newest matches are ranked; beyond it the total is an estimate. */
export const RANKING_WINDOW = 1000;
export const READER_PAGE_SIZE = 10;
export const STAFF_PAGE_SIZE = 25;
const DAY_MS = 86_400_000;
/**
 * A story published now scores up to 1.5 times its text relevance, a week-old one 1.25 times: enough
 * to order similar matches by freshness, not enough to lift a body match over a headline match.
 */
const RECENCY_BOOST = 0.5;
const RECENCY_HALF_LIFE_DAYS = 7;

function backend(): SearchBackend {
  return dbProvider() === 'sqlite' ? sqliteBackend : postgresBackend;
}

export interface SearchTotal {
  count: number;
  /** True when more matches exist than were ranked and `count` is extrapolated. */
  estimated: boolean;
}

/**
 * Estimates the number of matches from how far back in time (or ids) the newest `window` reached:
 * matches are assumed to be spread evenly over the rest of the index. Rounded to two figures.
 */
function total(found: Candidates, window: number): SearchTotal {
  const rows = found.rows;
  if (rows.length < window || found.oldest === null) return { count: rows.length, estimated: false };
  const newest = rows[0]!.order;
  const last = rows.at(-1)!.order;
  const covered = Math.max(1, newest - last);
  const estimate = window * Math.max(1, (newest - found.oldest) / covered);
  const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(estimate)) - 1);
  return { count: Math.max(window + 1, Math.round(estimate / magnitude) * magnitude), estimated: true };
}

/** Epoch ms of the local midnight starting `isoDate` (YYYY-MM-DD) in `timeZone`, plus `days`. */
function startOfDay(isoDate: string, timeZone: string, days = 0): number {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return zonedMidnight(year, month, day + days, timeZone).getTime();
}

function recencyBoost(publishedMs: number, now: number): number {
  const ageDays = Math.max(0, (now - publishedMs) / DAY_MS);
  return 1 + RECENCY_BOOST / (1 + ageDays / RECENCY_HALF_LIFE_DAYS);
}

function rank(rows: Candidate[], sort: SearchSort, boost: (row: Candidate) => number): Candidate[] {
  if (sort === 'newest') return rows;
  return rows
    .map((row) => ({ row, score: row.score * boost(row) }))
    .sort((a, b) => b.score - a.score || b.row.order - a.row.order)
    .map(({ row }) => row);
}

function plainBody(value: unknown): string {
  const parsed = bodySchema.safeParse(value);
  return parsed.success ? bodyText(parsed.data) : '';
}

/* ------------------------------------------------------------------------------------------ */
/* Readers                                                                                     */
/* ------------------------------------------------------------------------------------------ */

export interface SearchResult {
  id: number;
  path: string;
  headline: Segment[];
  snippet: Segment[];
  publishedAt: Date;
  sectionName: string;
  authors: string[];
}

export interface SearchResponse {
  /** False when the query had nothing to search for (empty, only punctuation, only exclusions). */
  searched: boolean;
  results: SearchResult[];
  total: SearchTotal;
  page: number;
  /** Pages that can be shown (the ranking window bounds it). */
  pageCount: number;
  pageSize: number;
  /** The filters that were applied, by name, for the page to show; unknown slugs are dropped. */
  filters: { section?: { slug: string; name: string }; author?: { slug: string; name: string } };
}

async function resolveSection(path: string | undefined): Promise<{ id: number; slug: string; name: string } | undefined> {
  if (!path) return undefined;
  const [top, sub] = path.split('/') as [string, string | undefined];
  const parent = await db().section.findFirst({ where: { slug: top, parentId: null }, select: { id: true, name: true } });
  if (!parent) return undefined;
  if (!sub) return { id: parent.id, slug: path, name: parent.name };
  const child = await db().section.findFirst({ where: { slug: sub, parentId: parent.id }, select: { id: true, name: true } });
  return child ? { id: child.id, slug: path, name: child.name } : undefined;
}

async function resolveAuthor(slug: string | undefined): Promise<{ id: number; slug: string; name: string } | undefined> {
  if (!slug) return undefined;
  const person = await db().person.findUnique({ where: { slug }, select: { id: true, name: true } });
  return person ? { id: person.id, slug, name: person.name } : undefined;
}

/**
 * Reader search over published copies. `params` comes from `parseSearchParams`, so any input
 * answers with results or an empty state. Records the `search` tag and each result's tag.
 */
export async function searchArticles(params: SearchParams, { now = Date.now() }: { now?: number } = {}): Promise<SearchResponse> {
  recordTags(tags.search);
  const [section, author, settings] = await Promise.all([resolveSection(params.section), resolveAuthor(params.author), getSiteSettings()]);
  const filters: SearchResponse['filters'] = {
    ...(section && { section: { slug: section.slug, name: section.name } }),
    ...(author && { author: { slug: author.slug, name: author.name } }),
  };
  const query = parseQuery(params.q);
  const empty: SearchResponse = {
    searched: false,
    results: [],
    total: { count: 0, estimated: false },
    page: params.page,
    pageCount: 0,
    pageSize: READER_PAGE_SIZE,
    filters,
  };
  if (!hasTerms(query)) return empty;

  const request: CandidateQuery = {
    query,
    facets: [...(section ? [`s${section.id}`] : []), ...(author ? [`a${author.id}`] : [])],
    fromMs: params.from ? startOfDay(params.from, settings.timeZone) : undefined,
    toMs: params.to ? startOfDay(params.to, settings.timeZone, 1) : undefined,
    limit: RANKING_WINDOW,
  };
  const found = await backend().reader(request);
  const ranked = rank(found.rows, params.sort, (row) => recencyBoost(row.order, now));
  const start = (params.page - 1) * READER_PAGE_SIZE;
  const ids = ranked.slice(start, start + READER_PAGE_SIZE).map((row) => row.articleId);
  return {
    ...empty,
    searched: true,
    results: await readerResults(ids, query),
    total: total(found, RANKING_WINDOW),
    pageCount: Math.ceil(ranked.length / READER_PAGE_SIZE),
  };
}

async function readerResults(ids: number[], query: ParsedQuery): Promise<SearchResult[]> {
  if (ids.length === 0) return [];
  // By id alone, state checked below (lib/live-article.ts).
  const rows = await db().article.findMany({
    where: { id: { in: ids } },
    select: {
      ...liveStateSelect,
      id: true,
      slug: true,
      headline: true,
      standfirst: true,
      body: true,
      publishedAt: true,
      topSection: { select: { slug: true } },
      primarySection: { select: { name: true } },
      bylines: { orderBy: { position: 'asc' }, select: { person: { select: { name: true } } } },
    },
  });
  recordTags(...rows.map((r) => tags.article(r.id)));
  const pattern = matcher(query);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row || !row.publishedAt || !isLiveArticle(row)) return [];
    return [
      {
        id: row.id,
        path: `/${row.topSection.slug}/${row.slug}`,
        headline: highlight(row.headline, pattern),
        snippet: snippet({ standfirst: row.standfirst, body: plainBody(row.body) }, pattern),
        publishedAt: row.publishedAt,
        sectionName: row.primarySection.name,
        authors: row.bylines.map((b) => b.person.name),
      },
    ];
  });
}

export interface SearchFilterOptions {
  sections: { slug: string; name: string; depth: 0 | 1 }[];
  authors: { slug: string; name: string }[];
}

/** Sections (top-level, each followed by its sub-sections) and bylined people, for the search form. */
export async function listSearchFilterOptions(): Promise<SearchFilterOptions> {
  recordTags(tags.nav, tags.search);
  const [sections, people] = await Promise.all([
    db().section.findMany({ select: { id: true, slug: true, name: true, parentId: true, position: true }, orderBy: [{ position: 'asc' }, { name: 'asc' }] }),
    // EXISTS per person probes the byline index; Prisma's `bylines: { some: {} }` becomes an IN over
    // every byline row (80 ms of CPU per search page at 1,000,000 articles, docs/adr/016).
    db().$queryRaw<{ slug: string; name: string }[]>`
      SELECT p."slug", p."name" FROM "Person" p
      WHERE EXISTS (SELECT 1 FROM "ArticleByline" b WHERE b."personId" = p."id")
      ORDER BY p."name" ASC`,
  ]);
  const tops = sections.filter((s) => s.parentId === null);
  return {
    sections: tops.flatMap((top) => [
      { slug: top.slug, name: top.name, depth: 0 as const },
      ...sections.filter((s) => s.parentId === top.id).map((s) => ({ slug: `${top.slug}/${s.slug}`, name: s.name, depth: 1 as const })),
    ]),
    authors: people,
  };
}

/* ------------------------------------------------------------------------------------------ */
/* Newsroom                                                                                    */
/* ------------------------------------------------------------------------------------------ */

export interface StaffSearchFilters {
  /** Primary or top-level section id. */
  sectionId?: number;
  /** A person on the byline. */
  personId?: number;
  sort?: SearchSort;
  page?: number;
}

export interface StaffSearchResult {
  id: number;
  headline: Segment[];
  snippet: Segment[];
  publicationState: string;
  editorialState: string;
  /** The match may be in an edit not yet published. */
  hasStagedCopy: boolean;
  updatedAt: Date;
}

export interface StaffSearchResponse {
  searched: boolean;
  results: StaffSearchResult[];
  total: SearchTotal;
  page: number;
  pageCount: number;
  pageSize: number;
}

/**
 * Ids of the working copies matching `query`, newest first and at most the ranking window, for the
 * newsroom list's text filter (which keeps its own filters and order). Null when nothing searchable was typed.
 */
export async function matchStaffArticleIds(actor: Actor, query: string): Promise<number[] | null> {
  requireRole(actor, 'admin', 'editor', 'author');
  const parsed = parseQuery(query);
  if (!hasTerms(parsed)) return null;
  const found = await backend().staff({ query: parsed, facets: [], limit: RANKING_WINDOW });
  return found.rows.map((row) => row.articleId);
}

/**
 * Newsroom search over working copies (the staged edit when there is one) of every article not in
 * the trash, for the article list. Staff only; never cached.
 */
export async function searchArticlesForStaff(actor: Actor, query: string, filters: StaffSearchFilters = {}): Promise<StaffSearchResponse> {
  requireRole(actor, 'admin', 'editor', 'author');
  const parsed = parseQuery(query);
  const page = Number.isInteger(filters.page) && filters.page! >= 1 ? filters.page! : 1;
  const empty: StaffSearchResponse = { searched: false, results: [], total: { count: 0, estimated: false }, page, pageCount: 0, pageSize: STAFF_PAGE_SIZE };
  if (!hasTerms(parsed)) return empty;
  const found = await backend().staff({
    query: parsed,
    facets: [...(filters.sectionId ? [`s${filters.sectionId}`] : []), ...(filters.personId ? [`a${filters.personId}`] : [])],
    limit: RANKING_WINDOW,
  });
  const ranked = rank(found.rows, filters.sort ?? 'relevance', () => 1);
  const start = (page - 1) * STAFF_PAGE_SIZE;
  const ids = ranked.slice(start, start + STAFF_PAGE_SIZE).map((row) => row.articleId);
  return {
    ...empty,
    searched: true,
    results: await staffResults(ids, parsed),
    total: total(found, RANKING_WINDOW),
    pageCount: Math.ceil(ranked.length / STAFF_PAGE_SIZE),
  };
}

function stagedText(staged: unknown): { headline?: string; standfirst?: string; body?: unknown } {
  if (!staged || typeof staged !== 'object' || Array.isArray(staged)) return {};
  const s = staged as Record<string, unknown>;
  return {
    headline: typeof s.headline === 'string' ? s.headline : undefined,
    standfirst: typeof s.standfirst === 'string' ? s.standfirst : undefined,
    body: s.body && typeof s.body === 'object' ? s.body : undefined,
  };
}

async function staffResults(ids: number[], query: ParsedQuery): Promise<StaffSearchResult[]> {
  if (ids.length === 0) return [];
  // By id alone, as in readerResults: SQLite would otherwise pick the deletedAt index.
  const rows = await db().article.findMany({
    where: { id: { in: ids } },
    select: {
      id: true,
      deletedAt: true,
      headline: true,
      standfirst: true,
      body: true,
      stagedCopy: true,
      publicationState: true,
      editorialState: true,
      updatedAt: true,
    },
  });
  const pattern = matcher(query);
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    if (!row || row.deletedAt) return [];
    const staged = stagedText(row.stagedCopy);
    return [
      {
        id: row.id,
        headline: highlight(staged.headline ?? row.headline, pattern),
        snippet: snippet({ standfirst: staged.standfirst ?? row.standfirst, body: plainBody(staged.body ?? row.body) }, pattern),
        publicationState: row.publicationState,
        editorialState: row.editorialState,
        hasStagedCopy: staged.headline !== undefined || staged.standfirst !== undefined || staged.body !== undefined,
        updatedAt: row.updatedAt,
      },
    ];
  });
}
