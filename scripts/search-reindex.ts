// npm run search:reindex — empties and rebuilds the full-text search indexes, with a progress bar.
import cliProgress from 'cli-progress';
import { invalidate, tags } from '../lib/cache-tags';
import { config, ConfigError } from '../lib/config';
import { disconnect } from '../lib/db';
import { connectToolInvalidation } from '../lib/instance';
import { migrate, MigrationError } from '../lib/migrate';
import { reindexSearch } from '../lib/search/reindex';

try {
  const url = config().DATABASE_URL;
  await migrate(url);
  const tty = process.stdout.isTTY;
  const bar = new cliProgress.SingleBar(
    { format: 'Reindexing {bar} {percentage}% | {value}/{total} articles | {rate}/s | ETA {eta_formatted}', hideCursor: true, noTTYOutput: !tty, notTTYSchedule: 5_000 },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  let begun = false;
  const result = await reindexSearch({
    onProgress: ({ done, total }) => {
      if (!begun) {
        bar.start(total, 0, { rate: 0 });
        begun = true;
      }
      bar.update(done, { rate: Math.round(done / Math.max(0.001, (Date.now() - started) / 1000)) });
    },
  });
  bar.stop();
  const disconnectInvalidation = await connectToolInvalidation();
  await invalidate([tags.search]);
  await disconnectInvalidation();
  console.log(
    `Indexed ${result.readerDocs.toLocaleString('en-US')} published and ${result.staffDocs.toLocaleString('en-US')} working copies of ${result.articles.toLocaleString('en-US')} articles in ${(result.ms / 1000).toFixed(1)} s`,
  );
  if (config().databaseProvider === 'sqlite') console.log('The running server merges the new index segments in short steps over the next minutes (docs/adr/030).');
  await disconnect();
} catch (error) {
  if (error instanceof ConfigError || error instanceof MigrationError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
