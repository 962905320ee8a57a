// npm run bench:search -- [--articles N] [--postgres URL] [--runs R]
// Fills a scratch database (temp SQLite file, or a new database on the given PostgreSQL server)
// with N synthetic articles whose word frequencies we control, times the trigger-maintained
// indexing, a full `search:reindex`, and p50/p95 of reader searches per query kind
// (DESIGN §6 budget: p95 ≤ 50 ms at 1,000,000 articles). The scratch database is dropped at the end.
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import pg from 'pg';
import { migrate } from '../lib/migrate';
import { createScratchDatabase } from '../lib/testing/scratch-db';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    postgres: { type: 'string' },
    runs: { type: 'string', default: '40' },
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

const scratch = await createScratchDatabase(values.postgres);
const engine = values.postgres ? 'PostgreSQL' : 'SQLite';
try {
  await migrate(scratch.url);
  const start = Date.now() - articles * 1_800_000;
  console.log(`Inserting ${fmt(articles)} articles into a scratch ${engine} database (triggers index each one)…`);
  const insertStarted = performance.now();
  if (values.postgres) {
    const client = new pg.Client({ connectionString: scratch.url });
    await client.connect();
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
    const db = new Database(scratch.url.replace(/^file:/, ''));
    db.pragma('journal_mode = WAL');
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
  console.log(`  ${fmt(articles / insertSeconds)} articles/s with indexing triggers (${insertSeconds.toFixed(1)} s)`);

  process.env.DATABASE_URL = scratch.url;
  const { reindexSearch } = await import('../lib/search/reindex');
  const { searchArticles } = await import('../lib/search');
  const { parseSearchParams } = await import('../lib/validation/search');
  const { disconnect } = await import('../lib/db');

  const reindex = await reindexSearch();
  const perMillion = (reindex.ms / articles) * 1_000_000;
  console.log(`  search:reindex ${(reindex.ms / 1000).toFixed(1)} s (${fmt(articles / (reindex.ms / 1000))} articles/s; 1,000,000 would take about ${(perMillion / 60_000).toFixed(1)} min)`);

  const kinds: [string, Record<string, string>][] = [
    ['rare word', { q: RARE }],
    ['very common word', { q: COMMON }],
    ['two-word phrase', { q: `"${PHRASE.join(' ')}"` }],
    ['filtered (common word, section, dates)', { q: COMMON, section: 'section-7', from: new Date(start + articles * 900_000).toISOString().slice(0, 10) }],
    ['prefix of the last word', { q: 'counc' }],
    ['common word, newest first, page 5', { q: COMMON, sort: 'newest', page: '5' }],
  ];
  console.log(`\n${engine}, ${fmt(articles)} articles, ${runs} runs each (whole searchArticles call: index, ranking, snippets):`);
  console.log('| query | results | p50 ms | p95 ms |\n|---|---|---|---|');
  for (const [label, input] of kinds) {
    const params = parseSearchParams(input);
    const times: number[] = [];
    let total = '';
    for (let i = 0; i < runs + 3; i++) {
      const t = performance.now();
      const response = await searchArticles(params);
      if (i >= 3) times.push(performance.now() - t);
      total = `${response.total.estimated ? 'about ' : ''}${fmt(response.total.count)}`;
    }
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!.toFixed(1);
    console.log(`| ${label} | ${total} | ${at(0.5)} | ${at(0.95)} |`);
  }
  await disconnect();
} finally {
  await scratch.drop();
}
