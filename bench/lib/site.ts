// A scratch site to benchmark: a migrated, seeded scratch database and a current production build.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { sqlitePath } from '../../lib/db';
import { migrate, providerOf } from '../../lib/migrate';
import { seedDemo } from '../../lib/seed';
import { createScratchDatabase } from '../../lib/testing/scratch-db';
import { ensureBuild } from '../../scripts/build';

export interface BenchSite {
  databaseUrl: string;
  mediaDir: string;
  /** A temp directory for the run's other files. */
  work: string;
  /** 0 when an existing database was given. */
  seedSeconds: number;
  /** The number of articles in the database. */
  articles: number;
  drop(): Promise<void>;
}

export interface SiteOptions {
  articles: number;
  postgres?: string;
  /**
   * An already seeded database (`npm run bench:seed -- --keep`, e.g. the 1,000,000-article run):
   * it is migrated, used as it is and kept. The run's publishes add a few stories to it.
   */
  databaseUrl?: string;
  /** The kept seed's media directory, so its images are served; a fresh empty one otherwise. */
  mediaDir?: string;
}


async function countArticles(url: string): Promise<number> {
  if (providerOf(url) === 'sqlite') {
    const database = new Database(sqlitePath(url), { readonly: true });
    try {
      return (database.prepare('SELECT count(*) AS n FROM "Article"').get() as { n: number }).n;
    } finally {
      database.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ n: number }>('SELECT count(*)::int AS n FROM "Article"')).rows[0]!.n;
  } finally {
    await client.end();
  }
}

/** The production build, made when sources changed since the last one. */
async function buildWhenChanged(databaseUrl: string): Promise<void> {
  // Next prerenders some routes at build time, so the build reads a migrated database.
  if (await ensureBuild({ env: { ...process.env, DATABASE_URL: databaseUrl } })) console.log('Built the production server (sources changed since the last build).');
}

async function existingSite(databaseUrl: string, mediaDir: string | undefined): Promise<BenchSite> {
  const work = mkdtempSync(join(tmpdir(), 'broadsheet-bench-'));
  await migrate(databaseUrl);
  const articles = await countArticles(databaseUrl);
  console.log(`Using the existing database (${articles.toLocaleString('en')} articles)`);
  await buildWhenChanged(databaseUrl);
  return { databaseUrl, mediaDir: mediaDir ?? join(work, 'media'), work, seedSeconds: 0, articles, drop: async () => rmSync(work, { recursive: true, force: true }) };
}

export async function prepareSite({ articles, postgres, databaseUrl, mediaDir }: SiteOptions): Promise<BenchSite> {
  if (databaseUrl) return existingSite(databaseUrl, mediaDir);
  const work = mkdtempSync(join(tmpdir(), 'broadsheet-bench-'));
  const scratch = await createScratchDatabase(postgres);
  const drop = async () => {
    await scratch.drop();
    rmSync(work, { recursive: true, force: true });
  };
  try {
    await migrate(scratch.url);
    const mediaDir = join(work, 'media');
    console.log(`Seeding ${articles.toLocaleString('en')} articles (${postgres ? 'PostgreSQL' : 'SQLite'})…`);
    const started = performance.now();
    let lastReport = Date.now();
    await seedDemo({
      url: scratch.url,
      articles,
      seed: 42,
      mediaDir,
      onProgress(done, total) {
        if (Date.now() - lastReport < 10_000 && done < total) return;
        lastReport = Date.now();
        console.log(`  ${done.toLocaleString('en')} / ${total.toLocaleString('en')}`);
      },
    });
    const seedSeconds = (performance.now() - started) / 1000;
    await buildWhenChanged(scratch.url);
    return { databaseUrl: scratch.url, mediaDir, work, seedSeconds, articles, drop };
  } catch (error) {
    await drop();
    throw error;
  }
}
