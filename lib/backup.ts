/**
 * Backups of a SQLite installation: the database through SQLite's online backup API (a
 * consistent copy while the site keeps writing) plus the media directory, in one timestamped
 * folder with a manifest. Restoring validates the copy first, refuses while a server may be using
 * the target database, swaps files atomically and then applies any newer migrations. PostgreSQL
 * installations use pg_dump/pg_restore (README, "Backups").
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { migrate, type MigrateResult } from './migrate';

export const DATABASE_FILE = 'database.sqlite';
export const MEDIA_FOLDER = 'media';
export const MANIFEST_FILE = 'manifest.json';

export class BackupError extends Error {}

export interface BackupManifest {
  format: 1;
  createdAt: string;
  /** SHA-256 of database.sqlite, so a damaged or altered copy is refused at restore. */
  databaseSha256: string;
  databaseBytes: number;
  migrations: string[];
  articles: number;
  mediaFiles: number;
  mediaBytes: number;
}

export function sqliteFile(url: string): string {
  if (!url.startsWith('file:')) throw new BackupError('This backup handles SQLite (a file: DATABASE_URL). For PostgreSQL use pg_dump and pg_restore: see README, "Backups".');
  return resolve(url.replace(/^file:/, '').replace(/\?.*$/, ''));
}

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

function walk(dir: string): { files: number; bytes: number } {
  if (!existsSync(dir)) return { files: 0, bytes: 0 };
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files += 1;
    bytes += statSync(join(entry.parentPath, entry.name)).size;
  }
  return { files, bytes };
}

/** `YYYYMMDD-HHMMSS` in UTC: sorts by time and is safe in any file system. */
export function timestamp(now = new Date()): string {
  return now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

/** Opens a copy read-only and checks it is a whole, migrated Broadsheet database. */
function inspect(file: string): { migrations: string[]; articles: number } {
  let database: Database.Database;
  try {
    database = new Database(file, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new BackupError(`The backup's database cannot be opened: ${(error as Error).message}`);
  }
  try {
    const integrity = database.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') throw new BackupError(`The backup's database is damaged (integrity_check: ${String(integrity)}).`);
    const migrations = database.prepare<[], { migration_name: string }>('SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name').all();
    const { n } = database.prepare<[], { n: number }>('SELECT count(*) AS n FROM "Article"').get()!;
    return { migrations: migrations.map((m) => m.migration_name), articles: n };
  } catch (error) {
    if (error instanceof BackupError) throw error;
    throw new BackupError(`The backup is not a Broadsheet database: ${(error as Error).message}`);
  } finally {
    database.close();
  }
}

export interface BackupOptions {
  databaseUrl: string;
  mediaDir: string;
  /** Folder that receives `broadsheet-<timestamp>/`. */
  outDir: string;
  now?: Date;
}

/**
 * Copies the database with the online backup API, then the media. The database goes first: media
 * files are written before the rows that point at them, so every image the copied rows name is
 * already on disk when the media folder is copied.
 */
export async function backupSqlite({ databaseUrl, mediaDir, outDir, now = new Date() }: BackupOptions): Promise<{ dir: string; manifest: BackupManifest }> {
  const source = sqliteFile(databaseUrl);
  if (!existsSync(source)) throw new BackupError(`No database at ${source}.`);
  const dir = join(resolve(outDir), `broadsheet-${timestamp(now)}`);
  if (existsSync(dir)) throw new BackupError(`${dir} exists already.`);
  const partial = `${dir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  try {
    const database = new Database(source, { readonly: true, fileMustExist: true, timeout: 30_000 });
    try {
      // After the first step, copy everything left in one step: a write by another connection
      // between steps restarts the copy, and small steps under a steady stream of saves might
      // never finish. One step reads one snapshot; in WAL mode it blocks no writer.
      await database.backup(join(partial, DATABASE_FILE), { progress: () => 1_000_000_000 });
    } finally {
      database.close();
    }
    if (existsSync(mediaDir)) cpSync(mediaDir, join(partial, MEDIA_FOLDER), { recursive: true, preserveTimestamps: true });
    else mkdirSync(join(partial, MEDIA_FOLDER));
    const { migrations, articles } = inspect(join(partial, DATABASE_FILE));
    const media = walk(join(partial, MEDIA_FOLDER));
    const manifest: BackupManifest = {
      format: 1,
      createdAt: now.toISOString(),
      databaseSha256: sha256(join(partial, DATABASE_FILE)),
      databaseBytes: statSync(join(partial, DATABASE_FILE)).size,
      migrations,
      articles,
      mediaFiles: media.files,
      mediaBytes: media.bytes,
    };
    writeFileSync(join(partial, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
    renameSync(partial, dir);
    return { dir, manifest };
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    throw error;
  }
}

/** Checks a backup folder: manifest, checksum, integrity, migrations table and media count. */
export function validateBackup(dir: string): BackupManifest {
  const manifestPath = join(dir, MANIFEST_FILE);
  if (!existsSync(manifestPath)) throw new BackupError(`${dir} is not a Broadsheet backup (no ${MANIFEST_FILE}).`);
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as BackupManifest;
  } catch {
    throw new BackupError(`${manifestPath} is not valid JSON.`);
  }
  if (manifest.format !== 1) throw new BackupError(`Unknown backup format ${String(manifest.format)}.`);
  const file = join(dir, DATABASE_FILE);
  if (!existsSync(file)) throw new BackupError(`The backup has no ${DATABASE_FILE}.`);
  if (sha256(file) !== manifest.databaseSha256) throw new BackupError('The backup database does not match its checksum: it was damaged or changed after the backup.');
  inspect(file);
  const media = walk(join(dir, MEDIA_FOLDER));
  if (media.files !== manifest.mediaFiles) throw new BackupError(`The backup should hold ${manifest.mediaFiles} media files but holds ${media.files}.`);
  return manifest;
}

/** Processes that have `file` (or its WAL) open, from /proc on Linux: a running server does. */
export function processesUsing(file: string): number[] {
  if (!existsSync('/proc')) return [];
  const targets = new Set([file, `${file}-wal`, `${file}-shm`]);
  const found: number[] = [];
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    let fds: string[];
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // gone, or another user's process
    }
    for (const fd of fds) {
      try {
        if (targets.has(readlinkSync(`/proc/${pid}/fd/${fd}`))) {
          found.push(Number(pid));
          break;
        }
      } catch {
        // The descriptor closed while we looked.
      }
    }
  }
  return found;
}

export interface RestoreOptions {
  backupDir: string;
  databaseUrl: string;
  mediaDir: string;
  /** Restore even though a process has the database open (you have stopped writes some other way). */
  force?: boolean;
  /** Also refuse when something answers here (the configured server's health URL). */
  healthUrl?: string;
  now?: Date;
}

export interface RestoreResult {
  manifest: BackupManifest;
  migrated: MigrateResult;
  /** Where the replaced database and media were moved, if there were any. */
  previous: { database: string | null; media: string | null };
}

async function serverAnswers(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(1_000) });
    await response.body?.cancel();
    return true;
  } catch {
    return false;
  }
}

/**
 * Replaces the database and media with a backup. The current ones are kept beside them
 * (`*.before-restore-<timestamp>`), never deleted. The database is copied next to its target and
 * renamed over it, after removing the old `-wal`/`-shm` files, which SQLite would otherwise replay
 * onto the restored file.
 */
export async function restoreSqlite({ backupDir, databaseUrl, mediaDir, force = false, healthUrl, now = new Date() }: RestoreOptions): Promise<RestoreResult> {
  const manifest = validateBackup(backupDir);
  const target = sqliteFile(databaseUrl);
  if (!force) {
    const users = processesUsing(target);
    if (users.length) throw new BackupError(`The database is open in process ${users.join(', ')}: stop the server first (or pass --force).`);
    if (healthUrl && (await serverAnswers(healthUrl))) throw new BackupError(`A server answers at ${healthUrl}: stop it first (or pass --force).`);
  }
  const stamp = timestamp(now);
  mkdirSync(dirname(target), { recursive: true });
  const incoming = `${target}.restoring`;
  cpSync(join(backupDir, DATABASE_FILE), incoming);
  const previous: RestoreResult['previous'] = { database: null, media: null };
  if (existsSync(target)) {
    // A consistent copy of what is being replaced, WAL included, via the same backup API.
    previous.database = `${target}.before-restore-${stamp}`;
    const old = new Database(target, { readonly: true, fileMustExist: true });
    try {
      await old.backup(previous.database);
    } finally {
      old.close();
    }
  }
  for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${target}${suffix}`, { force: true });
  renameSync(incoming, target);

  const media = resolve(mediaDir);
  if (existsSync(media)) {
    previous.media = `${media}.before-restore-${stamp}`;
    renameSync(media, previous.media);
  }
  mkdirSync(dirname(media), { recursive: true });
  cpSync(join(backupDir, MEDIA_FOLDER), media, { recursive: true, preserveTimestamps: true });
  const migrated = await migrate(`file:${target}`);
  return { manifest, migrated, previous };
}

/** The newest backup folder in `dir`, for `db:restore --latest`. */
export function latestBackup(dir: string): string | null {
  if (!existsSync(dir)) return null;
  const names = readdirSync(dir)
    .filter((name) => /^broadsheet-\d{8}-\d{6}$/.test(name))
    .sort();
  return names.length ? join(dir, names.at(-1)!) : null;
}
