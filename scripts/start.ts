// npm start: validate the configuration, migrate, seed a demo on an empty database, build when
// the sources changed since the last build, then serve through server.ts.
import { execFileSync } from 'node:child_process';
import { config, ConfigError } from '../lib/config';
import { migrate, MigrationError } from '../lib/migrate';
import { buildIsCurrent, recordBuild } from './build-stamp';

Object.assign(process.env, { NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' });

async function main() {
  const settings = config();
  const migrated = await migrate(settings.DATABASE_URL);
  if (migrated.applied.length) console.log(`Applied ${migrated.applied.length} migration(s).`);

  const { seedDemoIfEmpty } = await import('./seed-if-empty');
  await seedDemoIfEmpty(settings.SEED_ARTICLES);

  if (!buildIsCurrent()) {
    console.log('Building the site (first start or changed sources)…');
    execFileSync(process.execPath, ['node_modules/next/dist/bin/next', 'build'], { stdio: 'inherit' });
    recordBuild();
  }
  const { startServer } = await import('../server');
  const running = await startServer();
  console.log(`Broadsheet is serving ${settings.SITE_URL} (listening on ${running.url})`);
  // SIGTERM (systemd stop, rolling restart): finish in-flight requests, then exit (lib/shutdown.ts).
  const { exitOnSignals } = await import('../lib/shutdown');
  exitOnSignals(running.close);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof MigrationError) {
    console.error(error.message);
    process.exit(1);
  }
  console.error(error);
  process.exit(1);
});
