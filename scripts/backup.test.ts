/**
 * npm run db:backup / db:restore on SQLite: a backup taken while editors keep saving holds every
 * write committed before it began and is internally consistent; restoring it into a fresh location
 * brings back the articles and the media files byte for byte; restore refuses while a server may
 * be using the database, and refuses a damaged backup.
 */
import { execFile, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArticle } from '../lib/article-workflow';
import type { Actor } from '../lib/auth/actor';
import { backupSqlite, BackupError, DATABASE_FILE, MANIFEST_FILE, restoreSqlite, sqliteFile, validateBackup, type BackupManifest } from '../lib/backup';
import { uploadMedia } from '../lib/media';
import { migrate, readMigrations } from '../lib/migrate';
import { articleInput, createTestSections, type TestSections } from '../lib/testing/content';
import { createTestActor } from '../lib/testing/users';

const sqlite = !process.env.TEST_DATABASE_URL;
const work = mkdtempSync(join(tmpdir(), 'broadsheet-backup-test-'));
let editor: Actor;
let sections: TestSections;
const images: { path: string; bytes: Buffer }[] = [];

afterAll(() => rmSync(work, { recursive: true, force: true }));

beforeAll(async () => {
  if (!sqlite) return;
  editor = await createTestActor('editor');
  sections = await createTestSections();
  for (const colour of ['#c33', '#3c3', '#33c']) {
    const png = await sharp({ create: { width: 80, height: 60, channels: 3, background: colour } }).png().toBuffer();
    const item = await uploadMedia(editor, { name: `photo-${colour.slice(1)}.png`, bytes: png, alt: `Colour ${colour}` });
    images.push({ path: item.path, bytes: readFileSync(join(process.env.MEDIA_DIR!, item.path)) });
  }
});

const save = (headline: string) => createArticle(editor, articleInput({ primarySectionId: sections.news, headline }));

describe.runIf(sqlite)('SQLite backup and restore', () => {
  let backup: { dir: string; manifest: BackupManifest };
  const committedBefore: number[] = [];
  let writtenDuring = 0;

  it('backs up a consistent copy while editors keep saving', async () => {
    for (let i = 0; i < 40; i++) committedBefore.push((await save(`Before the backup ${i}`)).id);
    let writing = true;
    const writer = (async () => {
      while (writing) {
        await save(`During the backup ${writtenDuring}`);
        writtenDuring++;
        // better-sqlite3 is synchronous: without a turn of the event loop this loop would starve
        // every timer (and the backup's own steps), where real saves arrive one request at a time.
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    /** Waits for the writer to reach `count` saves; a failed writer fails the test instead of hanging it. */
    const writerReaches = (count: number) =>
      Promise.race([
        writer.then(() => Promise.reject(new Error('the writer stopped'))),
        (async () => {
          while (writtenDuring < count) await new Promise((resolve) => setTimeout(resolve, 5));
        })(),
      ]);
    try {
      // Let the writer get going, so the copy really runs under writes.
      await writerReaches(5);
      backup = await backupSqlite({ databaseUrl: process.env.DATABASE_URL!, mediaDir: process.env.MEDIA_DIR!, outDir: join(work, 'backups') });
      await writerReaches(writtenDuring + 5);
    } finally {
      writing = false;
      await writer;
    }

    expect(backup.dir).toMatch(/broadsheet-\d{8}-\d{6}$/);
    const copy = new Database(join(backup.dir, DATABASE_FILE), { readonly: true });
    expect(copy.pragma('integrity_check', { simple: true })).toBe('ok');
    const ids = new Set(copy.prepare<[], { id: number }>('SELECT id FROM "Article"').all().map((r) => r.id));
    copy.close();
    for (const id of committedBefore) expect(ids.has(id)).toBe(true);
    // Some of the writes made during the copy are in it, the last ones are not: it is a snapshot.
    expect(ids.size).toBeLessThan(committedBefore.length + writtenDuring);
    expect(backup.manifest).toMatchObject({ format: 1, articles: ids.size, mediaFiles: expect.any(Number), migrations: readMigrations('sqlite').map((m) => m.name) });
    expect(backup.manifest.mediaFiles).toBeGreaterThanOrEqual(images.length);
    expect(validateBackup(backup.dir)).toEqual(backup.manifest);
  });

  it('restores into a fresh location: articles, media bytes and migrations', async () => {
    const databaseUrl = `file:${join(work, 'restored', 'broadsheet.db')}`;
    const mediaDir = join(work, 'restored', 'media');
    const result = await restoreSqlite({ backupDir: backup.dir, databaseUrl, mediaDir });
    expect(result.migrated).toEqual({ applied: [], alreadyApplied: readMigrations('sqlite').length });
    expect(result.previous).toEqual({ database: null, media: null });
    const restored = new Database(sqliteFile(databaseUrl), { readonly: true });
    expect(restored.pragma('integrity_check', { simple: true })).toBe('ok');
    const headlines = restored.prepare<[], { headline: string }>('SELECT headline FROM "Article"').all().map((r) => r.headline);
    restored.close();
    expect(headlines.length).toBe(backup.manifest.articles);
    for (let i = 0; i < committedBefore.length; i++) expect(headlines).toContain(`Before the backup ${i}`);
    for (const image of images) expect(readFileSync(join(mediaDir, image.path)).equals(image.bytes)).toBe(true);
  });

  it('restoring over an existing installation keeps what it replaced', async () => {
    const databaseUrl = `file:${join(work, 'restored', 'broadsheet.db')}`;
    const mediaDir = join(work, 'restored', 'media');
    const result = await restoreSqlite({ backupDir: backup.dir, databaseUrl, mediaDir, now: new Date('2026-11-29T13:00:00Z') });
    expect(result.previous.database).toMatch(/broadsheet\.db\.before-restore-20261129-130000$/);
    expect(existsSync(result.previous.database!)).toBe(true);
    expect(existsSync(join(result.previous.media!, images[0]!.path))).toBe(true);
  });

  it('applies migrations newer than the backup', async () => {
    // A database made by the previous release: every migration but the newest.
    const all = readMigrations('sqlite');
    const oldRoot = join(work, 'old-release');
    cpSync(join('prisma', 'migrations', 'sqlite'), join(oldRoot, 'prisma', 'migrations', 'sqlite'), { recursive: true });
    rmSync(join(oldRoot, 'prisma', 'migrations', 'sqlite', all.at(-1)!.name), { recursive: true });
    const oldUrl = `file:${join(work, 'old-release', 'db.sqlite')}`;
    await migrate(oldUrl, oldRoot);
    const old = await backupSqlite({ databaseUrl: oldUrl, mediaDir: join(work, 'old-release', 'media'), outDir: join(work, 'old-backups') });
    expect(old.manifest.migrations).toEqual(all.slice(0, -1).map((m) => m.name));
    const result = await restoreSqlite({ backupDir: old.dir, databaseUrl: `file:${join(work, 'migrated', 'db.sqlite')}`, mediaDir: join(work, 'migrated', 'media') });
    expect(result.migrated.applied).toEqual([all.at(-1)!.name]);
  });

  it('refuses while a server has the database open or answers on its port, unless forced', async () => {
    // This test process has the live database open, as a running server would.
    await expect(restoreSqlite({ backupDir: backup.dir, databaseUrl: process.env.DATABASE_URL!, mediaDir: join(work, 'unused-media') })).rejects.toThrow(/open in process \d+/);
    const target = `file:${join(work, 'port-check', 'db.sqlite')}`;
    const server = createServer((_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      await expect(restoreSqlite({ backupDir: backup.dir, databaseUrl: target, mediaDir: join(work, 'port-check', 'media'), healthUrl: `http://127.0.0.1:${port}/api/health` })).rejects.toThrow(/A server answers/);
      expect(existsSync(sqliteFile(target))).toBe(false);
      const forced = await restoreSqlite({ backupDir: backup.dir, databaseUrl: target, mediaDir: join(work, 'port-check', 'media'), healthUrl: `http://127.0.0.1:${port}/api/health`, force: true });
      expect(forced.manifest.articles).toBe(backup.manifest.articles);
    } finally {
      server.close();
    }
  });

  it('refuses a damaged backup, a tampered one and a folder that is not a backup', async () => {
    const damaged = join(work, 'damaged');
    cpSync(backup.dir, damaged, { recursive: true });
    const file = join(damaged, DATABASE_FILE);
    const bytes = readFileSync(file);
    bytes.fill(0x41, 8192, 12288); // a page of garbage in the middle
    writeFileSync(file, bytes);
    expect(() => validateBackup(damaged)).toThrow(/checksum/);
    // Even with a matching checksum the pages themselves are checked.
    const manifest = JSON.parse(readFileSync(join(damaged, MANIFEST_FILE), 'utf8')) as BackupManifest;
    manifest.databaseSha256 = (await import('node:crypto')).createHash('sha256').update(bytes).digest('hex');
    writeFileSync(join(damaged, MANIFEST_FILE), JSON.stringify(manifest));
    expect(() => validateBackup(damaged)).toThrow(BackupError);
    expect(() => validateBackup(work)).toThrow(/not a Broadsheet backup/);
    await expect(restoreSqlite({ backupDir: damaged, databaseUrl: `file:${join(work, 'never', 'db.sqlite')}`, mediaDir: join(work, 'never', 'media') })).rejects.toThrow(BackupError);
    expect(existsSync(join(work, 'never', 'db.sqlite'))).toBe(false);
  });

  it('npm run db:backup and db:restore work from the command line', async () => {
    const env = { ...process.env, DATABASE_URL: process.env.DATABASE_URL!, MEDIA_DIR: process.env.MEDIA_DIR!, PORT: '1' };
    const run = promisify(execFile);
    const made = await run(process.execPath, ['--import', 'tsx', 'scripts/db-backup.ts', '--out', join(work, 'cli')], { env });
    expect(made.stdout).toMatch(/^Backed up \d+ articles .* and \d+ media files .* to .*broadsheet-\d{8}-\d{6} in [\d.]+ s\.$/m);
    const restoreEnv = { ...env, DATABASE_URL: `file:${join(work, 'cli-restored', 'db.sqlite')}`, MEDIA_DIR: join(work, 'cli-restored', 'media') };
    const restored = await run(process.execPath, ['--import', 'tsx', 'scripts/db-restore.ts', '--latest', '--from', join(work, 'cli')], { env: restoreEnv });
    expect(restored.stdout).toMatch(/^Restored \d+ articles/);
    const usage = spawn(process.execPath, ['--import', 'tsx', 'scripts/db-restore.ts'], { env });
    let stderr = '';
    usage.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    expect(await new Promise((resolve) => usage.on('exit', resolve))).toBe(1);
    expect(stderr).toMatch(/Usage: npm run db:restore/);
  });
});

describe.runIf(!sqlite)('PostgreSQL', () => {
  it('db:backup points PostgreSQL installations to pg_dump', () => {
    expect(() => sqliteFile(process.env.DATABASE_URL!)).toThrow(/pg_dump/);
  });
});
