/**
 * Seeding SQLite through better-sqlite3 directly. A worker thread (sqlite-writer.mjs) writes each
 * batch in one transaction of prepared statements while the main thread generates the next batch
 * and checks slugs on its own connection. Values are written exactly as Prisma's better-sqlite3
 * adapter writes them, so the app reads seeded rows like its own.
 */
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { sqlitePath } from '../db';
import type { SearchIndexConnection } from '../search/reindex';
import { CONTENT_TABLES, RESET_TABLES, type ColumnType, type TableRows, type Value } from './tables';
import { slugKey, type SeedTarget, type SlugKey } from './target';

/** Prisma's adapter stores DateTime as ISO 8601 with an explicit UTC offset. */
function sqliteDate(date: Date): string {
  return date.toISOString().replace('Z', '+00:00');
}

function encode(value: Value, type: ColumnType): unknown {
  if (value === null) return null;
  if (type === 'date') return sqliteDate(value as Date);
  if (type === 'bool') return value ? 1 : 0;
  return value;
}

function insertSql({ table, keepExisting }: TableRows): string {
  const columns = table.columns.map(([name]) => `"${name}"`).join(', ');
  const params = table.columns.map(() => '?').join(', ');
  return `INSERT INTO "${table.name}" (${columns}) VALUES (${params})${keepExisting ? ' ON CONFLICT DO NOTHING' : ''}`;
}

/** Request/response over the worker's message port. */
function writerThread(file: string) {
  const worker = new Worker(new URL('./sqlite-writer.mjs', import.meta.url), { workerData: { file } });
  const pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  let nextId = 0;
  let failure: Error | undefined;
  worker.on('message', ({ id, error }: { id: number; error?: { message: string; code?: string } }) => {
    const waiter = pending.get(id);
    pending.delete(id);
    if (error) waiter?.reject(Object.assign(new Error(error.message), { code: error.code }));
    else waiter?.resolve();
  });
  worker.on('error', (error) => {
    failure = error;
    for (const waiter of pending.values()) waiter.reject(error);
    pending.clear();
  });
  const send = (message: object) =>
    new Promise<void>((resolve, reject) => {
      if (failure) return reject(failure);
      const id = nextId++;
      pending.set(id, { resolve, reject });
      worker.postMessage({ ...message, id });
    });
  return {
    write: (batch: { sql: string; rows: unknown[][] }[]) => send({ batch }),
    async close() {
      if (!failure) await send({ close: true });
      await worker.terminate();
    },
  };
}

/** Search-index statements over a better-sqlite3 connection (lib/search/reindex.ts). */
export function sqliteSearchConnection(database: Database.Database): SearchIndexConnection {
  const totalChanges = database.prepare(`SELECT total_changes()`).pluck();
  return {
    provider: 'sqlite',
    lanes: 1,
    async transaction(statements) {
      database.transaction(() => {
        for (const [sql, ...params] of statements) database.prepare(sql).run(...params);
      }).immediate();
    },
    async execute(sql) {
      database.prepare(sql).run();
    },
    async query<T>(sql: string) {
      return database.prepare(sql).all() as T[];
    },
    async changes(sql) {
      return database.transaction(() => {
        const before = totalChanges.get() as number;
        database.prepare(sql).run();
        return (totalChanges.get() as number) - before;
      }).immediate();
    },
  };
}

export function openSqliteTarget(url: string): SeedTarget {
  const file = sqlitePath(url);
  if (file === ':memory:') throw new Error('The seed needs a database file, not :memory:');
  mkdirSync(dirname(file), { recursive: true });
  // A running server may hold the write lock briefly; wait for it rather than fail.
  const database = new Database(file, { timeout: 30_000 });
  database.pragma('journal_mode = WAL');
  // This connection also rebuilds the search index after the load: a big page cache keeps the FTS
  // b-trees in memory, and a power cut only means seeding again. 2 GB halved the refill against
  // 256 MB (docs/adr/022), plus reads straight from the mapped file (better-sqlite3's ceiling).
  database.pragma('synchronous = NORMAL');
  database.pragma('cache_size = -2097152');
  database.pragma('mmap_size = 2147418112');
  database.pragma('temp_store = MEMORY');
  const writer = writerThread(file);
  const slugTaken = database.prepare<[number, string], number>('SELECT 1 FROM "Article" WHERE "topSectionId" = ? AND "slug" = ?').pluck();

  return {
    async contentCounts() {
      return Object.fromEntries(
        CONTENT_TABLES.map((name) => [name, database.prepare(`SELECT count(*) FROM "${name}"`).pluck().get() as number]),
      );
    },
    async reset() {
      database.transaction(() => {
        for (const name of RESET_TABLES) {
          // Sub-sections first: the parent link is ON DELETE RESTRICT, which SQLite checks row by row.
          if (name === 'Section') database.exec('DELETE FROM "Section" WHERE "parentId" IS NOT NULL');
          database.exec(`DELETE FROM "${name}"`);
        }
        database.exec(`DELETE FROM sqlite_sequence WHERE name IN (${RESET_TABLES.map((n) => `'${n}'`).join(', ')})`);
      }).immediate();
    },
    async takenSlugs(keys: readonly SlugKey[]) {
      return new Set(keys.filter((k) => slugTaken.get(k.topSectionId, k.slug) !== undefined).map((k) => slugKey(k.topSectionId, k.slug)));
    },
    write(batch) {
      return writer.write(
        batch.map((entry) => {
          const types = entry.table.columns.map(([, type]) => type);
          return { sql: insertSql(entry), rows: entry.rows.map((row) => row.map((value, i) => encode(value, types[i]!))) };
        }),
      );
    },
    searchConnection: () => sqliteSearchConnection(database),
    async finish() {
      // AUTOINCREMENT tables already track explicit ids in sqlite_sequence.
      database.pragma('wal_checkpoint(TRUNCATE)');
    },
    async close() {
      try {
        await writer.close();
      } finally {
        database.close();
      }
    },
    async size() {
      const main = statSync(file, { throwIfNoEntry: false })?.size ?? 0;
      const wal = statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0;
      return main + wal;
    },
  };
}
