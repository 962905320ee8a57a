// npm run bench:search -- [--articles N] [--postgres URL] [--runs R]
// npm run bench:search -- --database-url URL [--reindex] [--runs R]
// Fills a scratch database (temp SQLite file, or a new database on the given PostgreSQL server)
// with N synthetic articles whose word frequencies we control (search triggers suspended, as the
// seed does), times a full `search:reindex`, and p50/p95 of reader searches per query kind
// (issue 10 budget: p95 ≤ 50 ms at 1,000,000 articles). The scratch database is dropped at the end.
// With --database-url it measures an existing database instead — a demo seed (`npm run
// bench:seed -- --keep`), with query words chosen from the demo's vocabulary — and reindexes it
// only when --reindex is given.
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import { availableParallelism, loadavg } from 'node:os';
import { migrate, providerOf } from '../lib/migrate';
import { suspendSearchTriggers } from '../lib/search/reindex';
import { postgresSearchConnection } from '../lib/seed/insert-postgres';
import { sqliteSearchConnection } from '../lib/seed/insert-sqlite';
import { createScratchDatabase } from '../lib/testing/scratch-db';
import { TABLE_HEAD, TABLE_RULE, tableCells, timeCalls } from './percentiles';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    postgres: { type: 'string' },
    runs: { type: 'string', default: '40' },
    'database-url': { type: 'string' },
    reindex: { type: 'boolean', default: false },
  },
});
const articles = Number(values.articles.replace(/_/g, ''));
const runs = Number(values.runs);
if (!Number.isInteger(articles) || articles < 1000 || !Number.isInteger(runs) || runs < 5) {
  console.error('--articles must be a whole number ≥ 1000 and --runs ≥ 5');
  process.exit(1);
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const SECTIONS = 20;
const PEOPLE = 50;
const BATCH = 2_000;

// A deterministic generator, so runs are comparable.
let state = 42;
const random = () => {
  state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
  return state / 2 ** 31;
};

// A Zipf-like vocabulary of 20,000 made-up words: word i is drawn with weight 1/(i+1).
const syllables = ['ka', 'lo', 'mi', 'ren', 'sa', 'tu', 'vo', 'ne', 'pa', 'ri', 'chan', 'dor', 'el', 'fi', 'gan', 'hu'];
const vocabulary = Array.from({ length: 20_000 }, (_, i) => {
  let n = i + 7;
  let word = '';
  while (n > 0) {
    word += syllables[n % syllables.length];
    n = Math.floor(n / syllables.length);
  }
  return word;
});
const cumulative: number[] = [];
vocabulary.reduce((sum, _, i) => (cumulative[i] = sum + 1 / (i + 1)), 0);
const word = () => {
  const target = random() * cumulative.at(-1)!;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return vocabulary[lo]!;
};
const words = (n: number) => Array.from({ length: n }, word).join(' ');

/** The words the queries look for, planted at known rates. */
const RARE = 'quetzal'; // one article in 20,000
const COMMON = 'council'; // six articles in ten
const PHRASE = ['river', 'market']; // adjacent in one article in 100, apart in many more

/** Queries on the demo seed's text (rates measured on a 20,000-article seed). */
const DEMO_QUERIES = {
  rare: 'exports', // about one article in 10,000
  common: 'council', // 45 in 100
  phrase: 'night market', // adjacent in 1.6 in 100
  section: 'news',
};

function article(i: number, start: number) {
  const parts = [words(60), words(60), words(30)];
  if (random() < 0.6) parts[1] = `${parts[1]} ${COMMON}`;
  if (random() < 1 / 20_000) parts[2] = `${parts[2]} ${RARE}`;
  if (random() < 0.01) parts[0] = `${parts[0]} ${PHRASE.join(' ')}`;
  else if (random() < 0.05) parts[0] = `${parts[0]} ${PHRASE[1]} of the ${PHRASE[0]}`;
  const section = 1 + (i % SECTIONS);
  return {
    slug: `article-${i}`,
    headline: words(8),
    standfirst: words(20),
    body: JSON.stringify({ blocks: parts.map((text) => ({ type: 'paragraph', content: [{ text }] })) }),
    section,
    person: 1 + Math.floor(random() * PEOPLE),
    // Two articles an hour, oldest first.
    publishedAt: new Date(start + i * 1_800_000),
  };
}

/** Fills a new database with the synthetic corpus; returns the time of its first article. */
async function fillSynthetic(url: string): Promise<number> {
  await migrate(url);
  const start = Date.now() - articles * 1_800_000;
  console.log(`Inserting ${fmt(articles)} articles into a scratch ${engine} database (search triggers suspended)…`);
  const insertStarted = performance.now();
  if (values.postgres) {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await suspendSearchTriggers(postgresSearchConnection(client));
    await client.query(`INSERT INTO "Section" ("id", "slug", "name", "updatedAt") SELECT g, 'section-' || g, 'Section ' || g, now() FROM generate_series(1, ${SECTIONS}) g`);
    await client.query(`INSERT INTO "Person" ("id", "slug", "name", "updatedAt") SELECT g, 'person-' || g, 'Person ' || g, now() FROM generate_series(1, ${PEOPLE}) g`);
    for (let from = 0; from < articles; from += BATCH) {
      const rows = Array.from({ length: Math.min(BATCH, articles - from) }, (_, k) => article(from + k, start));
      await client.query('BEGIN');
      await client.query(
        `INSERT INTO "Article" ("id", "slug", "headline", "standfirst", "body", "primarySectionId", "topSectionId", "publicationState", "publishedAt", "updatedAt")
         SELECT i, s, h, sf, b::jsonb, sec, sec, 'published', p, p
         FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::int[], $7::timestamp[]) AS t(i, s, h, sf, b, sec, p)`,
        [rows.map((_, k) => from + k + 1), rows.map((r) => r.slug), rows.map((r) => r.headline), rows.map((r) => r.standfirst), rows.map((r) => r.body), rows.map((r) => r.section), rows.map((r) => r.publishedAt.toISOString().replace('Z', ''))],
      );
      await client.query(
        `INSERT INTO "ArticleByline" ("articleId", "personId", "position", "publishedAt") SELECT i, p, 0, NULL FROM unnest($1::int[], $2::int[]) AS t(i, p)`,
        [rows.map((_, k) => from + k + 1), rows.map((r) => r.person)],
      );
      await client.query('COMMIT');
    }
    await client.query('ANALYZE');
    await client.end();
  } else {
    const db = new Database(url.replace(/^file:/, ''));
    db.pragma('journal_mode = WAL');
    await suspendSearchTriggers(sqliteSearchConnection(db));
    db.exec(`INSERT INTO "Section" ("id", "slug", "name", "updatedAt") WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < ${SECTIONS}) SELECT n, 'section-' || n, 'Section ' || n, '2026-01-01T00:00:00.000+00:00' FROM g`);
    db.exec(`INSERT INTO "Person" ("id", "slug", "name", "updatedAt") WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < ${PEOPLE}) SELECT n, 'person-' || n, 'Person ' || n, '2026-01-01T00:00:00.000+00:00' FROM g`);
    const insertArticle = db.prepare(
      `INSERT INTO "Article" ("id", "slug", "headline", "standfirst", "body", "primarySectionId", "topSectionId", "publicationState", "publishedAt", "updatedAt") VALUES (?, ?, ?, ?, ?, ?, ?, 'published', ?, ?)`,
    );
    const insertByline = db.prepare(`INSERT INTO "ArticleByline" ("articleId", "personId", "position") VALUES (?, ?, 0)`);
    const batch = db.transaction((from: number, count: number) => {
      for (let k = 0; k < count; k++) {
        const r = article(from + k, start);
        const at = r.publishedAt.toISOString().replace('Z', '+00:00');
        insertArticle.run(from + k + 1, r.slug, r.headline, r.standfirst, r.body, r.section, r.section, at, at);
        insertByline.run(from + k + 1, r.person);
      }
    });
    for (let from = 0; from < articles; from += BATCH) batch(from, Math.min(BATCH, articles - from));
    db.exec('ANALYZE');
    db.close();
  }
  const insertSeconds = (performance.now() - insertStarted) / 1000;
  console.log(`  ${fmt(articles / insertSeconds)} articles/s (${insertSeconds.toFixed(1)} s)`);
  return start;
}

const existing = values['database-url'];
const scratch = existing ? undefined : await createScratchDatabase(values.postgres);
const url = existing ?? scratch!.url;
const engine = providerOf(url) === 'sqlite' ? 'SQLite' : 'PostgreSQL';
try {
  const start = existing ? undefined : await fillSynthetic(url);
  process.env.DATABASE_URL = url;
  const { prismaSearchConnection, reindexSearch } = await import('../lib/search/reindex');
  const { searchArticles } = await import('../lib/search');
  const { parseSearchParams } = await import('../lib/validation/search');
  const { disconnect } = await import('../lib/db');

  const { db } = await import('../lib/db');
  const count = await db().article.count();
  if (!existing || values.reindex) {
    const reindex = await reindexSearch();
    const perMillion = (reindex.ms / count) * 1_000_000;
    console.log(`  search:reindex ${(reindex.ms / 1000).toFixed(1)} s (${fmt(count / (reindex.ms / 1000))} articles/s; 1,000,000 would take about ${(perMillion / 60_000).toFixed(1)} min)`);
  }
  // A running server keeps the recent index at its size (lib/scheduler.ts); do it here, as after
  // an upgrade the index starts empty.
  const { rebalanceRecentIndex } = await import('../lib/search/recent');
  const rebalanceStarted = performance.now();
  await rebalanceRecentIndex(prismaSearchConnection());
  console.log(`  recent index balanced in ${((performance.now() - rebalanceStarted) / 1000).toFixed(1)} s`);

  const words =
    start === undefined
      ? { ...DEMO_QUERIES, from: await middleDate() }
      : { rare: RARE, common: COMMON, phrase: PHRASE.join(' '), section: 'section-7', from: new Date(start + articles * 900_000).toISOString().slice(0, 10) };
  const kinds: [string, Record<string, string>][] = [
    [`rare word (${words.rare})`, { q: words.rare }],
    [`very common word (${words.common})`, { q: words.common }],
    [`two-word phrase ("${words.phrase}")`, { q: `"${words.phrase}"` }],
    ['filtered (common word, section, dates)', { q: words.common, section: words.section, from: words.from }],
    ['prefix of the last word', { q: words.common.slice(0, 5) }],
    ['common word, newest first, page 5', { q: words.common, sort: 'newest', page: '5' }],
  ];
  console.log(`\n${engine}, ${fmt(count)} articles, ${runs} runs each (whole searchArticles call: index, ranking, snippets):`);
  console.log(`| query | results ${TABLE_HEAD}\n|---|---${TABLE_RULE}`);
  for (const [label, input] of kinds) {
    const params = parseSearchParams(input);
    const { last, times } = await timeCalls(runs, 3, () => searchArticles(params));
    const total = `${last.total.estimated ? 'about ' : ''}${fmt(last.total.count)}`;
    console.log(`| ${label} | ${total} | ${tableCells(times)} |`);
  }
  console.log(`Load average ${loadavg().map((n) => n.toFixed(2)).join(', ')} on ${availableParallelism()} CPUs`);
  await disconnect();
} finally {
  await scratch?.drop();
}

/** The median publication date of an existing database, as the filtered query's lower bound. */
async function middleDate(): Promise<string> {
  const { db } = await import('../lib/db');
  const where = { publicationState: 'published' } as const;
  const live = await db().article.count({ where });
  const middle = await db().article.findFirst({ where, orderBy: { publishedAt: 'asc' }, skip: Math.floor(live / 2), select: { publishedAt: true } });
  return middle!.publishedAt!.toISOString().slice(0, 10);
}
