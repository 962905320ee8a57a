import fc from 'fast-check';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from './auth/actor';
import { AuthenticationError } from './auth/actor';
import { SearchResults } from '../components/search/search-results';
import { db, write } from './db';
import { listSearchFilterOptions, searchArticles, searchArticlesForStaff, type Segment } from './search';
import { parseSearchParams } from './validation/search';

const NOW = Date.parse('2026-11-29T12:00:00Z');
const DAY = 86_400_000;
const editor: Actor = { userId: 1, role: 'editor', name: 'Ed', email: 'ed@example.com', personId: null };

const ids: Record<string, number> = {};
let news = 0;
let politics = 0;
let sport = 0;
let alice = 0;
let bob = 0;

function body(...paragraphs: string[]) {
  return { blocks: paragraphs.map((text) => ({ type: 'paragraph', content: [{ text }] })) };
}

interface Fixture {
  key: string;
  headline: string;
  standfirst?: string;
  paragraphs?: string[];
  section?: () => [primary: number, top: number];
  daysAgo?: number;
  state?: string;
  staged?: unknown;
  authors?: () => number[];
}

async function createArticle(f: Fixture): Promise<number> {
  const [primary, top] = (f.section ?? (() => [sport, sport]))();
  const state = f.state ?? 'published';
  const publishedAt = state === 'published' ? new Date(NOW - (f.daysAgo ?? 1) * DAY) : null;
  const article = await write((tx) =>
    tx.article.create({
      data: {
        slug: f.key,
        headline: f.headline,
        standfirst: f.standfirst ?? '',
        body: body(...(f.paragraphs ?? ['Nothing to see here.'])),
        primarySectionId: primary,
        topSectionId: top,
        publicationState: state,
        publishedAt,
        stagedCopy: f.staged === undefined ? undefined : (f.staged as object),
        bylines: { create: (f.authors?.() ?? []).map((personId, position) => ({ personId, position, publishedAt })) },
      },
      select: { id: true },
    }),
  );
  ids[f.key] = article.id;
  return article.id;
}

const params = (input: Record<string, string>) => parseSearchParams(input);
const search = (input: Record<string, string>) => searchArticles(params(input), { now: NOW });
const keysOf = async (input: Record<string, string>) => (await search(input)).results.map((r) => key(r.id));
const key = (id: number) => Object.entries(ids).find(([, v]) => v === id)?.[0] ?? `#${id}`;
const text = (segments: Segment[]) => segments.map((s) => s.text).join('');
const marked = (segments: Segment[]) => segments.filter((s) => s.match).map((s) => s.text);

beforeAll(async () => {
  await write(async (tx) => {
    news = (await tx.section.create({ data: { slug: 'news', name: 'News' } })).id;
    politics = (await tx.section.create({ data: { slug: 'politics', name: 'Politics', parentId: news } })).id;
    sport = (await tx.section.create({ data: { slug: 'sport', name: 'Sport' } })).id;
    alice = (await tx.person.create({ data: { slug: 'alice-ng', name: 'Alice Ng' } })).id;
    bob = (await tx.person.create({ data: { slug: 'bob-day', name: 'Bob Day' } })).id;
  });
  const fixtures: Fixture[] = [
    {
      key: 'headline-match',
      headline: 'Mekong river floods the old village',
      paragraphs: ['Water rose overnight along the banks.'],
      section: () => [politics, news],
      daysAgo: 30,
      authors: () => [alice],
    },
    {
      key: 'standfirst-match',
      headline: 'Farmers count the cost',
      standfirst: 'Rice paddies along the Mekong were lost',
      daysAgo: 5,
      section: () => [news, news],
      authors: () => [alice, bob],
    },
    {
      key: 'body-match',
      headline: 'Market day in Chiang Saen',
      paragraphs: ['Traders came from both sides of the Mekong to sell fruit.', 'The river market opened at dawn.'],
      daysAgo: 1,
      authors: () => [bob],
    },
    {
      key: 'hostile',
      headline: 'A story about <b>markup</b>',
      paragraphs: ['Quoted markup: <script>alert("xss")</script> and <img src=x onerror=alert(1)> in a hostilemarker sentence.'],
      daysAgo: 3,
    },
    {
      key: 'thai',
      headline: 'ข่าวเศรษฐกิจ',
      paragraphs: ['ราคาน้ำมันวันนี้สูงขึ้นอีกครั้ง'],
      daysAgo: 2,
    },
    {
      key: 'accented',
      headline: 'Café culture returns to Nimman',
      daysAgo: 4,
    },
    {
      key: 'live-with-edit',
      headline: 'Bridge reopens after repairs',
      staged: { headline: 'Bridge reopens after zebracrossing repairs', standfirst: '', body: body('Draft text about zebracrossing.') },
      daysAgo: 6,
    },
    { key: 'draft', headline: 'Unpublished zebracrossing draft', state: 'unpublished' },
  ];
  for (const f of fixtures) await createArticle(f);
  for (let i = 0; i < 23; i++) await createArticle({ key: `page-${i}`, headline: `Pagination story ${i} pagetoken`, daysAgo: 40 + i });
});

afterEach(() => vi.restoreAllMocks());

describe('ranking', () => {
  it('ranks headline matches above standfirst matches above body matches, even when older', async () => {
    expect(await keysOf({ q: 'mekong' })).toEqual(['headline-match', 'standfirst-match', 'body-match']);
  });

  it('sorts by newest on request', async () => {
    expect(await keysOf({ q: 'mekong', sort: 'newest' })).toEqual(['body-match', 'standfirst-match', 'headline-match']);
  });

  it('gives recent stories a boost between equally relevant matches', async () => {
    const keys = await keysOf({ q: 'pagetoken' });
    expect(keys.slice(0, 3)).toEqual(['page-0', 'page-1', 'page-2']);
  });
});

describe('query syntax', () => {
  it('requires every word', async () => {
    expect(await keysOf({ q: 'mekong river' })).toEqual(['headline-match', 'body-match']);
  });

  it('matches an "exact phrase" and not the same words in another order', async () => {
    expect(await keysOf({ q: '"river floods"' })).toEqual(['headline-match']);
    expect(await keysOf({ q: '"floods river"' })).toEqual([]);
  });

  it('excludes -words', async () => {
    expect(await keysOf({ q: 'mekong -floods', sort: 'newest' })).toEqual(['body-match', 'standfirst-match']);
    expect(await keysOf({ q: 'mekong -"old village"', sort: 'newest' })).toEqual(['body-match', 'standfirst-match']);
  });

  it('matches the last word as a prefix, but earlier words whole', async () => {
    expect(await keysOf({ q: 'meko', sort: 'newest' })).toEqual(['body-match', 'standfirst-match', 'headline-match']);
    expect(await keysOf({ q: 'meko river' })).toEqual([]);
  });

  it('ignores case and accents', async () => {
    expect(await keysOf({ q: 'CAFE' })).toEqual(['accented']);
    expect(await keysOf({ q: 'café nimman' })).toEqual(['accented']);
  });

  it('finds a Thai word inside unspaced Thai text', async () => {
    expect(await keysOf({ q: 'น้ำมัน' })).toEqual(['thai']);
    expect(await keysOf({ q: 'เศรษฐกิจ' })).toEqual(['thai']);
    expect(await keysOf({ q: 'น้ำตาล' })).toEqual([]);
    const [result] = (await search({ q: 'น้ำมัน' })).results;
    expect(marked(result!.snippet)).toEqual(['น้ำมัน']);
  });

  it('treats an empty or punctuation-only query as nothing to search', async () => {
    for (const q of ['', '   ', '"" -', '-mekong', '***']) {
      const response = await search({ q });
      expect(response.searched, q).toBe(false);
      expect(response.results).toEqual([]);
    }
  });
});

describe('filters', () => {
  it('filters by top-level section, including its sub-sections', async () => {
    expect(await keysOf({ q: 'mekong', section: 'news' })).toEqual(['headline-match', 'standfirst-match']);
    expect(await keysOf({ q: 'mekong', section: 'news/politics' })).toEqual(['headline-match']);
    expect(await keysOf({ q: 'mekong', section: 'sport' })).toEqual(['body-match']);
  });

  it('filters by author', async () => {
    expect(await keysOf({ q: 'mekong', author: 'bob-day', sort: 'newest' })).toEqual(['body-match', 'standfirst-match']);
    const response = await search({ q: 'mekong', author: 'bob-day' });
    expect(response.filters.author).toEqual({ slug: 'bob-day', name: 'Bob Day' });
  });

  it('filters by a date range in the site time zone', async () => {
    const day = (daysAgo: number) => new Date(NOW - daysAgo * DAY).toISOString().slice(0, 10);
    expect(await keysOf({ q: 'mekong', from: day(6), to: day(2) })).toEqual(['standfirst-match']);
    expect(await keysOf({ q: 'mekong', from: day(2) })).toEqual(['body-match']);
    expect(await keysOf({ q: 'mekong', to: day(29) })).toEqual(['headline-match']);
  });

  it('never lets a typed word match a filter token', async () => {
    for (const q of [`s${news}`, `a${alice}`, `facet s${news}`, `"facet a${alice}"`]) {
      expect(await keysOf({ q }), q).toEqual([]);
      expect((await searchArticlesForStaff(editor, q)).results, q).toEqual([]);
    }
  });

  it('applies a date range to a phrase', async () => {
    const day = (daysAgo: number) => new Date(NOW - daysAgo * DAY).toISOString().slice(0, 10);
    expect(await keysOf({ q: '"river floods"', from: day(31), to: day(29) })).toEqual(['headline-match']);
    expect(await keysOf({ q: '"river floods"', from: day(29) })).toEqual([]);
  });

  it('drops unknown or malformed filters instead of failing', async () => {
    const response = await search({ q: 'mekong', section: 'no-such', author: 'Robert"); DROP', from: '2026-02-31', sort: 'weird', page: '-3' });
    expect(response.results).toHaveLength(3);
    expect(response.filters).toEqual({});
    expect(response.page).toBe(1);
  });
});

describe('pagination and totals', () => {
  it('pages through results ten at a time', async () => {
    const first = await search({ q: 'pagetoken' });
    const third = await search({ q: 'pagetoken', page: '3' });
    expect(first.total).toEqual({ count: 23, estimated: false });
    expect(first.pageCount).toBe(3);
    expect(first.results).toHaveLength(10);
    expect(third.results.map((r) => key(r.id))).toEqual(['page-20', 'page-21', 'page-22']);
    expect((await search({ q: 'pagetoken', page: '9' })).results).toEqual([]);
  });
});

describe('snippets', () => {
  it('marks the matched words in headline and snippet', async () => {
    const [result] = (await search({ q: 'traders fru' })).results;
    expect(marked(result!.snippet)).toEqual(['Traders', 'fruit']);
    const [top] = (await search({ q: 'mekong' })).results;
    expect(marked(top!.headline)).toEqual(['Mekong']);
  });

  it('keeps a hostile body as plain text', async () => {
    const [result] = (await search({ q: 'hostilemarker' })).results;
    expect(text(result!.snippet)).toContain('<script>alert("xss")</script>');
    expect(text(result!.headline)).toBe('A story about <b>markup</b>');
    const html = renderToStaticMarkup(createElement(SearchResults, { response: await search({ q: 'hostilemarker markup' }), timeZone: 'UTC', query: 'x' }));
    expect(html).toContain('&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;');
    expect(html).toContain('<mark class="rounded-sm bg-surface px-0.5 font-semibold text-ink">hostilemarker</mark>');
    expect(html).not.toMatch(/<(script|img|b)[\s>]/);
  });
});

describe('published and working copies', () => {
  it('shows readers the published copy only', async () => {
    expect(await keysOf({ q: 'zebracrossing' })).toEqual([]);
    expect(await keysOf({ q: 'bridge repairs' })).toEqual(['live-with-edit']);
  });

  it('shows staff the working copy, including unpublished articles', async () => {
    const response = await searchArticlesForStaff(editor, 'zebracrossing', { sort: 'newest' });
    expect(response.results.map((r) => key(r.id))).toEqual(['draft', 'live-with-edit']);
    const edited = response.results.find((r) => key(r.id) === 'live-with-edit')!;
    expect(edited.hasStagedCopy).toBe(true);
    expect(marked(edited.headline)).toEqual(['zebracrossing']);
  });

  it('filters staff results by section and author', async () => {
    expect((await searchArticlesForStaff(editor, 'mekong', { personId: alice, sort: 'newest' })).results.map((r) => key(r.id))).toEqual([
      'standfirst-match',
      'headline-match',
    ]);
    expect((await searchArticlesForStaff(editor, 'mekong', { sectionId: politics })).results.map((r) => key(r.id))).toEqual(['headline-match']);
  });

  it('refuses anyone who is not signed in', async () => {
    await expect(searchArticlesForStaff(null as unknown as Actor, 'mekong')).rejects.toBeInstanceOf(AuthenticationError);
  });
});

describe('the index follows every write, including direct SQL', () => {
  const raw = (sql: string) => write((tx) => tx.$executeRawUnsafe(sql));

  it('follows unpublish and republish', async () => {
    const id = await createArticle({ key: 'fresh-1', headline: 'Freshness kingfisher story' });
    expect(await keysOf({ q: 'kingfisher' })).toEqual(['fresh-1']);
    await raw(`UPDATE "Article" SET "publicationState" = 'unpublished', "publishedAt" = NULL WHERE "id" = ${id}`);
    expect(await keysOf({ q: 'kingfisher' })).toEqual([]);
    expect((await searchArticlesForStaff(editor, 'kingfisher')).results).toHaveLength(1);
    await write((tx) => tx.article.update({ where: { id }, data: { publicationState: 'published', publishedAt: new Date(NOW) } }));
    expect(await keysOf({ q: 'kingfisher' })).toEqual(['fresh-1']);
  });

  it('follows edits of the published copy', async () => {
    const id = await createArticle({ key: 'fresh-2', headline: 'Old heronword headline' });
    await raw(`UPDATE "Article" SET "headline" = 'New egretword headline' WHERE "id" = ${id}`);
    expect(await keysOf({ q: 'heronword' })).toEqual([]);
    expect(await keysOf({ q: 'egretword' })).toEqual(['fresh-2']);
  });

  it('follows a body edit, a staged edit and publishing it', async () => {
    const id = await createArticle({ key: 'fresh-3', headline: 'Body edit story', paragraphs: ['first pelicanword'] });
    await write((tx) => tx.article.update({ where: { id }, data: { body: body('second cormorantword') } }));
    expect(await keysOf({ q: 'pelicanword' })).toEqual([]);
    expect(await keysOf({ q: 'cormorantword' })).toEqual(['fresh-3']);
    await write((tx) => tx.article.update({ where: { id }, data: { stagedCopy: { headline: 'Body edit story', standfirst: '', body: body('third ibisword') } } }));
    expect(await keysOf({ q: 'ibisword' })).toEqual([]);
    expect((await searchArticlesForStaff(editor, 'ibisword')).results.map((r) => r.id)).toEqual([id]);
    expect((await searchArticlesForStaff(editor, 'cormorantword')).results).toEqual([]);
  });

  it('follows trash, restore and deletion', async () => {
    const id = await createArticle({ key: 'fresh-4', headline: 'Trashable puffinword' });
    await raw(`UPDATE "Article" SET "deletedAt" = CURRENT_TIMESTAMP WHERE "id" = ${id}`);
    expect(await keysOf({ q: 'puffinword' })).toEqual([]);
    expect((await searchArticlesForStaff(editor, 'puffinword')).results).toEqual([]);
    await raw(`UPDATE "Article" SET "deletedAt" = NULL WHERE "id" = ${id}`);
    expect(await keysOf({ q: 'puffinword' })).toEqual(['fresh-4']);
    await raw(`DELETE FROM "Article" WHERE "id" = ${id}`);
    expect(await keysOf({ q: 'puffinword' })).toEqual([]);
  });

  it('follows byline changes for the author filter', async () => {
    const id = await createArticle({ key: 'fresh-5', headline: 'Byline ospreyword' });
    expect(await keysOf({ q: 'ospreyword', author: 'alice-ng' })).toEqual([]);
    await raw(`INSERT INTO "ArticleByline" ("articleId", "personId", "position") VALUES (${id}, ${alice}, 0)`);
    expect(await keysOf({ q: 'ospreyword', author: 'alice-ng' })).toEqual(['fresh-5']);
    await raw(`DELETE FROM "ArticleByline" WHERE "articleId" = ${id}`);
    expect(await keysOf({ q: 'ospreyword', author: 'alice-ng' })).toEqual([]);
  });
});

describe('hostile input', () => {
  const table = [
    '"',
    '"""',
    '"unbalanced mekong',
    'mekong"',
    '- -- --- -"',
    'mekong AND OR NOT NEAR(a b)',
    'NEAR/3',
    '* ^ : {} () [] + ~ ! & | <-> <2>',
    'headline:mekong',
    "'; DROP TABLE \"Article\"; --",
    "Robert'); DELETE FROM Article;--",
    '\\',
    "'\\''",
    ':*ABC',
    '🦀🦀 mekong 👩‍👩‍👧',
    'ʼmekongʼ',
    'ข่าว "น้ำ มัน" -ราคา',
    '\u0000\u0001\u200b\ufeff',
    '̀́̂',
    'a'.repeat(10_000),
    'mekong '.repeat(2_000),
    '"mekong" '.repeat(1_500),
  ];

  it.each(table.map((q) => [JSON.stringify(q).slice(0, 40), q]))('answers %s', async (_label, q) => {
    const error = vi.spyOn(console, 'error');
    const response = await search({ q });
    expect(Array.isArray(response.results)).toBe(true);
    expect(error).not.toHaveBeenCalled();
  });

  it('never throws for any string, on reader and staff search', async () => {
    const pieces = fc.constantFrom('"', '-', '*', ':', '(', ')', "'", '\\', 'NOT', 'OR', 'AND', 'mekong', 'ข่าว', ' ', '^', '&', '|', '!', '<->', 'é', '🦀');
    const query = fc.oneof(fc.string({ maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 }), fc.array(pieces, { maxLength: 20 }).map((p) => p.join('')));
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        const reader = await search({ q });
        expect(reader.results.length).toBeLessThanOrEqual(10);
        await searchArticlesForStaff(editor, q);
      }),
      { numRuns: 150 },
    );
  });
});

describe('scale', () => {
  beforeAll(async () => {
    await write(async (tx) => {
      for (let i = 0; i < 1_050; i++) {
        await tx.article.create({
          data: {
            slug: `bulk-${i}`,
            headline: `Common bulkword ${i}`,
            body: body('Filler.'),
            primarySectionId: sport,
            topSectionId: sport,
            publicationState: 'published',
            publishedAt: new Date(NOW - (100 + i) * 3_600_000),
          },
        });
      }
    });
  });

  it('reports "about N" past the ranking window', async () => {
    const response = await search({ q: 'bulkword' });
    expect(response.total.estimated).toBe(true);
    expect(response.total.count).toBeGreaterThan(1_000);
    expect(response.total.count).toBeLessThan(1_500);
    expect(response.pageCount).toBe(100);
    const exact = await db().article.count({ where: { headline: { startsWith: 'Common bulkword' } } });
    expect(exact).toBe(1_050);
  });

  // PostgreSQL looks for phrases a few days at a time (lib/search/postgres.ts): 1,050 matches an
  // hour apart take it several rounds, which must add up to what the words alone find.
  it('finds the same newest matches for a phrase as for its words, across many days', async () => {
    for (const page of ['1', '50', '100']) {
      const words = await search({ q: 'common bulkword', sort: 'newest', page });
      const phrase = await search({ q: '"common bulkword"', sort: 'newest', page });
      expect(phrase.results.map((r) => r.id), page).toEqual(words.results.map((r) => r.id));
      expect(phrase.total).toEqual(words.total);
    }
    const day = (hoursAgo: number) => new Date(NOW - hoursAgo * 3_600_000).toISOString().slice(0, 10);
    const within = await search({ q: '"common bulkword"', sort: 'newest', from: day(700), to: day(300), page: '40' });
    expect(within.results.map((r) => r.id)).toEqual((await search({ q: 'common bulkword', sort: 'newest', from: day(700), to: day(300), page: '40' })).results.map((r) => r.id));
  });
});

describe('listSearchFilterOptions', () => {
  it('offers the people who have a byline, by name, and sections with their sub-sections', async () => {
    await write((tx) => tx.person.create({ data: { slug: 'aaron-nobyline', name: 'Aaron Nobyline' } }));
    const options = await listSearchFilterOptions();
    expect(options.authors).toEqual([
      { slug: 'alice-ng', name: 'Alice Ng' },
      { slug: 'bob-day', name: 'Bob Day' },
    ]);
    expect(options.sections).toEqual(expect.arrayContaining([{ slug: 'news/politics', name: 'Politics', depth: 1 }]));
  });
});
