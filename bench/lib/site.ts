// A scratch site to benchmark: a migrated, seeded scratch database and a current production build.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate } from '../../lib/migrate';
import { seedDemo } from '../../lib/seed';
import { createScratchDatabase } from '../../lib/testing/scratch-db';
import { buildIsCurrent, recordBuild } from '../../scripts/build-stamp';

export interface BenchSite {
  databaseUrl: string;
  mediaDir: string;
  /** A temp directory for the run's other files. */
  work: string;
  seedSeconds: number;
  drop(): Promise<void>;
}

export async function prepareSite({ articles, postgres }: { articles: number; postgres?: string }): Promise<BenchSite> {
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
    if (!buildIsCurrent()) {
      // Next prerenders some routes at build time, so the build reads a migrated database.
      console.log('Building the production server (sources changed since the last build)…');
      execFileSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], {
        stdio: 'inherit',
        env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', DATABASE_URL: scratch.url },
      });
      recordBuild();
    }
    return { databaseUrl: scratch.url, mediaDir, work, seedSeconds, drop };
  } catch (error) {
    await drop();
    throw error;
  }
}
