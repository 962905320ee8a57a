// npm start, first half: validate the configuration, migrate, seed a demo on an empty database and
// build when the sources changed since the last build. package.json then replaces the shell with
// `node .next/broadsheet/server.mjs`, so the serving process runs without tsx (ADR 024).
import { config, ConfigError } from '../lib/config';
import { migrate, MigrationError } from '../lib/migrate';
import { ensureBuild } from './build';

Object.assign(process.env, { NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' });

async function main() {
  const settings = config();
  const migrated = await migrate(settings.DATABASE_URL);
  if (migrated.applied.length) console.log(`Applied ${migrated.applied.length} migration(s).`);

  const { seedDemoIfEmpty } = await import('./seed-if-empty');
  await seedDemoIfEmpty(settings.SEED_ARTICLES);

  if (await ensureBuild()) console.log('Built the site (first start or changed sources).');
  console.log(`Starting the server for ${settings.SITE_URL}…`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof MigrationError) {
    console.error(error.message);
    process.exit(1);
  }
  console.error(error);
  process.exit(1);
});
