// npm run db:restore -- <backup folder | --latest> [--from DIR] [--force]
// Validates a backup made by db:backup, refuses while a server may be using the database (a
// process holding the file open, or one answering on PORT) unless --force, swaps the database and
// media in (the current ones are kept as *.before-restore-<timestamp>) and applies migrations.
import { parseArgs } from 'node:util';
import { BackupError, latestBackup, restoreSqlite } from '../lib/backup';
import { config, ConfigError } from '../lib/config';
import { MigrationError } from '../lib/migrate';

const USAGE = 'Usage: npm run db:restore -- <backup folder> [--force]   or   npm run db:restore -- --latest [--from ./backups] [--force]';

try {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { force: { type: 'boolean', default: false }, latest: { type: 'boolean', default: false }, from: { type: 'string', default: './backups' } },
  });
  const backupDir = values.latest ? latestBackup(values.from) : positionals[0];
  if (!backupDir || positionals.length > 1) throw new BackupError(values.latest ? `No backup in ${values.from}.` : USAGE);
  const settings = config();
  const result = await restoreSqlite({
    backupDir,
    databaseUrl: settings.DATABASE_URL,
    mediaDir: settings.MEDIA_DIR,
    force: values.force,
    healthUrl: `http://127.0.0.1:${settings.PORT}/api/health`,
  });
  const { manifest, migrated, previous } = result;
  console.log(`Restored ${manifest.articles.toLocaleString('en')} articles and ${manifest.mediaFiles.toLocaleString('en')} media files from the backup of ${manifest.createdAt}.`);
  console.log(migrated.applied.length ? `Applied ${migrated.applied.length} newer migration(s): ${migrated.applied.join(', ')}` : 'No newer migrations to apply.');
  if (previous.database) console.log(`The replaced database is kept at ${previous.database}`);
  if (previous.media) console.log(`The replaced media are kept at ${previous.media}`);
} catch (error) {
  if (error instanceof BackupError || error instanceof ConfigError || error instanceof MigrationError || (error as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS')) {
    console.error((error as Error).message);
    process.exit(1);
  }
  throw error;
}
