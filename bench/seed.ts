// npm run bench:seed -- [--articles N] [--postgres URL] [--seed S]
// Seeds a scratch database (a temp SQLite file, or a new database on the given PostgreSQL
// server) and reports throughput, elapsed time, peak RSS and the database's size on disk.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
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
  console.log(`${engine}: ${fmt(articles)} articles in ${seconds.toFixed(1)} s — ${fmt(articles / seconds)} articles/s`);
  // maxRSS is in kilobytes.
  console.log(`Peak RSS ${mb(process.resourceUsage().maxRSS * 1024)}; database ${mb(result.databaseBytes)}`);
} finally {
  await scratch.drop();
  rmSync(mediaDir, { recursive: true, force: true });
}
