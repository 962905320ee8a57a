// DATABASE_URL=… npm run bench:sitemaps [-- --multiply K]
// Times the sitemap index, the largest article chunk, the News sitemap and the site feed on the
// database DATABASE_URL names, each in its own process so its peak RSS is its own.
// --multiply K (SQLite only) first copies every article K−1 more times into the same months
// (slugs suffixed), to reach 1,000,000 from a 100,000 seed in minutes; use a scratch database.
import { execFileSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { step: { type: 'string' }, multiply: { type: 'string' } } });
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const mb = (kb: number) => `${fmt(kb / 1024)} MB`;

interface StepResult {
  step: string;
  ms: number;
  bytes: number;
  urls: number;
  baselineRssKb: number;
  peakRssKb: number;
}

async function runStep(step: string): Promise<StepResult> {
  const { db } = await import('../lib/db');
  const sitemaps = await import('../lib/sitemaps');
  const { buildFeed } = await import('../lib/feeds');
  await db().article.findFirst({ select: { id: true } });
  const baselineRssKb = process.resourceUsage().maxRSS;
  const started = performance.now();
  let body = '';
  let bytes = 0;
  let urls = 0;
  if (step === 'index') body = (await sitemaps.buildSitemapIndex()).body;
  else if (step === 'news') body = (await sitemaps.buildNewsSitemap()).body;
  else if (step === 'feed') body = (await buildFeed('rss', { kind: 'site' }))!.body;
  else {
    // The chunk is consumed as a client would read it, never held whole.
    const chunk = await sitemaps.sitemapChunk(step);
    if (!chunk) throw new Error(`no chunk ${step}`);
    for await (const part of chunk.chunks) {
      bytes += Buffer.byteLength(part);
      urls += part.split('<url>').length - 1;
    }
  }
  if (body) {
    bytes = Buffer.byteLength(body);
    urls = body.split(/<url>|<sitemap>|<item>/).length - 1;
  }
  return { step, ms: performance.now() - started, bytes, urls, baselineRssKb, peakRssKb: process.resourceUsage().maxRSS };
}

async function multiply(times: number): Promise<void> {
  const { config } = await import('../lib/config');
  const { default: Database } = await import('better-sqlite3');
  const { sqlitePath } = await import('../lib/db');
  if (config().databaseProvider !== 'sqlite') throw new Error('--multiply works on SQLite only');
  const sqlite = new Database(sqlitePath(config().DATABASE_URL));
  const columns = (sqlite.prepare(`SELECT name FROM pragma_table_info('Article')`).all() as { name: string }[]).map((c) => c.name).filter((c) => c !== 'id' && c !== 'legacyId');
  const maxId = (sqlite.prepare('SELECT max(id) AS m FROM "Article"').get() as { m: number }).m;
  const quoted = columns.map((c) => `"${c}"`).join(', ');
  const select = columns.map((c) => (c === 'slug' ? `"slug" || '-c' || @copy` : `"${c}"`)).join(', ');
  for (let copy = 1; copy < times; copy++) {
    const started = performance.now();
    sqlite.transaction(() => {
      sqlite.prepare(`INSERT INTO "Article" (${quoted}) SELECT ${select} FROM "Article" WHERE id <= @maxId ORDER BY id`).run({ copy, maxId });
      const offset = copy * maxId;
      for (const table of ['ArticleTag', 'ArticleByline', 'ArticleSection']) {
        const cols = (sqlite.prepare(`SELECT name FROM pragma_table_info('${table}')`).all() as { name: string }[]).map((c) => `"${c.name}"`);
        const values = cols.map((c) => (c === '"articleId"' ? `"articleId" + @offset` : c)).join(', ');
        sqlite.prepare(`INSERT INTO "${table}" (${cols.join(', ')}) SELECT ${values} FROM "${table}" WHERE "articleId" <= @maxId`).run({ offset, maxId });
      }
    })();
    console.log(`copy ${copy}: ${fmt(performance.now() - started)} ms`);
  }
  sqlite.close();
}

if (values.step) {
  const result = await runStep(values.step);
  process.stdout.write(JSON.stringify(result));
  process.exit(0);
}

if (values.multiply) await multiply(Number(values.multiply));

const { db } = await import('../lib/db');
const published = await db().article.count({ where: { publicationState: 'published' } });
const { listSitemaps } = await import('../lib/sitemaps');
const refs = await listSitemaps();
const months = refs.filter((r) => r.name.startsWith('articles-'));
// The fullest month: the chunk closest to the 50,000-URL limit.
let largest = months[0]!.name;
let largestCount = 0;
for (const ref of months) {
  const [, y, m] = /articles-(\d{4})-(\d{2})/.exec(ref.name)!;
  const count = await db().article.count({ where: { publicationState: 'published', publishedAt: { gte: new Date(Date.UTC(+y!, +m! - 1, 1)), lt: new Date(Date.UTC(+y!, +m!, 1)) } } });
  if (count > largestCount) [largest, largestCount] = [ref.name, count];
}
console.log(`${fmt(published)} published articles, ${refs.length} sitemap chunks, largest ${largest}`);
for (const step of ['index', largest, 'news', 'feed']) {
  const out = execFileSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--step', step], { env: process.env, encoding: 'utf8' });
  const r = JSON.parse(out) as StepResult;
  console.log(
    `${r.step.padEnd(20)} ${fmt(r.ms).padStart(7)} ms  ${fmt(r.urls).padStart(7)} entries  ${fmt(r.bytes / 1024).padStart(7)} kB  peak RSS ${mb(r.peakRssKb)} (after connecting ${mb(r.baselineRssKb)})`,
  );
}
process.exit(0);
