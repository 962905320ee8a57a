// npm run bench:seed -- [--articles N] [--postgres URL] [--seed S] [--keep]
// Seeds a scratch database (a temp SQLite file, or a new database on the given PostgreSQL
// server) and reports throughput, elapsed time, peak RSS and the database's size on disk.
// --keep leaves the seeded database and its media in place and prints where (for the
// 1,000,000-article runs of bench, sitemap, article-list and search); delete them afterwards.
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { migrate } from '../lib/migrate';
import { seedDemo } from '../lib/seed';
import { createScratchDatabase } from '../lib/testing/scratch-db';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '100000' },
    postgres: { type: 'string' },
    seed: { type: 'string', default: '1' },
    keep: { type: 'boolean', default: false },
  },
});
const articles = Number(values.articles.replace(/_/g, ''));
if (!Number.isInteger(articles) || articles < 1) {
  console.error(`--articles must be a positive whole number (got ${values.articles})`);
  process.exit(1);
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const mb = (bytes: number) => `${fmt(bytes / 1024 / 1024)} MB`;

const scratch = await createScratchDatabase(values.postgres);
const mediaDir = mkdtempSync(join(tmpdir(), 'broadsheet-bench-media-'));
try {
  await migrate(scratch.url);
  const engine = values.postgres ? 'PostgreSQL' : 'SQLite';
  console.log(`Seeding ${fmt(articles)} articles into a scratch ${engine} database…`);
  let nextReport = 0;
  const started = performance.now();
  const result = await seedDemo({
    url: scratch.url,
    articles,
    seed: values.seed,
    mediaDir,
    onProgress(done, total) {
      if (done < nextReport && done < total) return;
      nextReport = done + Math.ceil(total / 10);
      const seconds = (performance.now() - started) / 1000;
      console.log(`  ${fmt(done)} articles, ${seconds.toFixed(1)} s, RSS ${mb(process.memoryUsage().rss)}`);
    },
  });
  const seconds = result.elapsedMs / 1000;
  console.log(
    `${engine}: ${fmt(articles)} articles in ${seconds.toFixed(1)} s — ${fmt(articles / seconds)} articles/s ` +
      `(search index rebuilt in one pass: ${(result.searchIndexMs / 1000).toFixed(1)} s of it, merging its segments ${(result.searchMerge.ms / 1000).toFixed(1)} s in ${fmt(result.searchMerge.steps)} steps, the longest ${fmt(result.searchMerge.longestStepMs)} ms)`,
  );
  // maxRSS is in kilobytes.
  console.log(`Load average ${loadavg().map((n) => n.toFixed(2)).join(', ')} on ${availableParallelism()} CPUs`);
  console.log(`Peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}; database ${mb(result.databaseBytes)}`);
  if (values.keep) console.log(`Kept: DATABASE_URL=${scratch.url} MEDIA_DIR=${mediaDir}`);
} finally {
  if (!values.keep) {
    await scratch.drop();
    rmSync(mediaDir, { recursive: true, force: true });
  }
}
