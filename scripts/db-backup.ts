// npm run db:backup [-- --out DIR]
// A consistent copy of the SQLite database (online backup API: the site keeps serving and
// writing) and the media directory, in DIR/broadsheet-<UTC timestamp>/ (default ./backups).
// PostgreSQL: see README, "Backups" (pg_dump plus a copy of MEDIA_DIR).
import { parseArgs } from 'node:util';
import { backupSqlite, BackupError } from '../lib/backup';
import { config, ConfigError } from '../lib/config';

try {
  const { values } = parseArgs({ options: { out: { type: 'string', default: './backups' } } });
  const settings = config();
  const started = performance.now();
  const { dir, manifest } = await backupSqlite({ databaseUrl: settings.DATABASE_URL, mediaDir: settings.MEDIA_DIR, outDir: values.out });
  const mb = (bytes: number) => (bytes / 1048576).toFixed(1);
  console.log(
    `Backed up ${manifest.articles.toLocaleString('en')} articles (${mb(manifest.databaseBytes)} MB database) and ${manifest.mediaFiles.toLocaleString('en')} media files (${mb(manifest.mediaBytes)} MB) to ${dir} in ${((performance.now() - started) / 1000).toFixed(1)} s.`,
  );
} catch (error) {
  if (error instanceof BackupError || error instanceof ConfigError || (error as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    console.error((error as Error).message);
    process.exit(1);
  }
  throw error;
}
