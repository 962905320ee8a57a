// npm run db:seed -- --articles N [--seed S] [--reset] — fills DATABASE_URL with the demo paper.
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { invalidate, tags } from '../lib/cache-tags';
import { config, ConfigError } from '../lib/config';
import { connectToolInvalidation } from '../lib/instance';
import { migrate, MigrationError } from '../lib/migrate';
import { currentHour, SeedRefusedError, seedDemo } from '../lib/seed';

const USAGE = 'Usage: npm run db:seed -- [--articles N] [--seed S] [--reset]';

function options() {
  const { values } = parseArgs({
    options: {
      articles: { type: 'string' },
      seed: { type: 'string', default: '1' },
      reset: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(`${USAGE}\n  --articles  how many articles (default SEED_ARTICLES, ${config().SEED_ARTICLES})\n  --seed      same seed, same content (default 1)\n  --reset     delete existing content first`);
    process.exit(0);
  }
  const articles = values.articles === undefined ? config().SEED_ARTICLES : Number(values.articles.replace(/_/g, ''));
  if (!Number.isInteger(articles) || articles < 0 || articles > 10_000_000) {
    throw new UsageError(`--articles must be a whole number from 0 to 10,000,000 (got ${values.articles})`);
  }
  return { articles, seed: values.seed, reset: values.reset };
}

class UsageError extends Error {}

/** A bar on a terminal; elsewhere (CI, logs) a plain line every ten per cent. */
function progressReporter(total: number): { update(done: number): void; stop(): void } {
  if (process.stdout.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: 'Articles {bar} {percentage}% | {value}/{total} | {rate}/s | ETA {eta_formatted}', hideCursor: true },
      cliProgress.Presets.shades_classic,
    );
    const started = Date.now();
    bar.start(total, 0, { rate: 0 });
    return {
      update: (done) => bar.update(done, { rate: Math.round(done / Math.max(0.001, (Date.now() - started) / 1000)) }),
      stop: () => bar.stop(),
    };
  }
  let nextReport = 0;
  return {
    update(done) {
      if (done < nextReport && done < total) return;
      console.log(`Seeded ${done.toLocaleString('en-US')} of ${total.toLocaleString('en-US')} articles`);
      nextReport = done + Math.max(1, Math.ceil(total / 10));
    },
    stop() {},
  };
}

try {
  const { articles, seed, reset } = options();
  const url = config().DATABASE_URL;
  await migrate(url);
  const progress = progressReporter(articles);
  let result;
  try {
    result = await seedDemo({ url, articles, seed, reset, now: currentHour(), onProgress: (done) => progress.update(done) });
  } finally {
    progress.stop();
  }
  // A running server (or, with Redis, every instance) must drop pages rendered from the old content.
  const disconnectInvalidation = await connectToolInvalidation();
  await invalidate([tags.home, tags.feeds, tags.sitemaps, tags.settings, tags.nav, tags.mostRead, tags.redirects]);
  await disconnectInvalidation();
  const seconds = result.elapsedMs / 1000;
  console.log(
    `Seeded ${result.articles.toLocaleString('en-US')} articles in ${seconds.toFixed(1)} s (${Math.round(result.articles / Math.max(seconds, 0.001)).toLocaleString('en-US')}/s): ` +
      `${result.sections} sections, ${result.tags} tags, ${result.people} people, ${result.media} images, ${result.pages} pages, ${result.viewBuckets.toLocaleString('en-US')} view buckets.`,
  );
} catch (error) {
  if (error instanceof SeedRefusedError || error instanceof ConfigError || error instanceof MigrationError || error instanceof UsageError) {
    console.error(error.message);
    process.exit(1);
  }
  if (error instanceof TypeError && (error as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    console.error(`${error.message}\n${USAGE}`);
    process.exit(1);
  }
  throw error;
}
