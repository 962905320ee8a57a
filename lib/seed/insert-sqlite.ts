/**
 * Seeding SQLite through better-sqlite3 directly: prepared statements in one transaction per
 * batch. Values are written exactly as Prisma's better-sqlite3 adapter writes them, so the app
 * reads seeded rows like its own.
 */
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { sqlitePath } from '../db';
import { CONTENT_TABLES, RESET_TABLES, type ColumnType, type TableRows, type TableSpec, type Value } from './tables';
import { slugKey, type SeedTarget, type SlugKey } from './target';

/** Prisma's adapter stores DateTime as ISO 8601 with an explicit UTC offset. */
export function sqliteDate(date: Date): string {
  return date.toISOString().replace('Z', '+00:00');
}

function encode(value: Value, type: ColumnType): unknown {
  if (value === null) return null;
  if (type === 'date') return sqliteDate(value as Date);
  if (type === 'bool') return value ? 1 : 0;
  return value;
}

export function openSqliteTarget(url: string): SeedTarget {
  const file = sqlitePath(url);
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  // A running server may hold the write lock briefly; wait for it rather than fail.
  const database = new Database(file, { timeout: 30_000 });
  database.pragma('journal_mode = WAL');
  // Losing the last batches to a power cut only means re-running the seed.
  database.pragma('synchronous = NORMAL');
  database.pragma('cache_size = -131072');
  database.pragma('temp_store = MEMORY');

  const inserts = new Map<string, Database.Statement>();
  const insert = (table: TableSpec, keepExisting: boolean) => {
    const key = `${table.name}:${keepExisting}`;
    let statement = inserts.get(key);
    if (!statement) {
      const columns = table.columns.map(([name]) => `"${name}"`).join(', ');
      const params = table.columns.map(() => '?').join(', ');
      statement = database.prepare(`INSERT INTO "${table.name}" (${columns}) VALUES (${params})${keepExisting ? ' ON CONFLICT DO NOTHING' : ''}`);
      inserts.set(key, statement);
    }
    return statement;
  };
  const slugTaken = database.prepare<[number, string], number>('SELECT 1 FROM "Article" WHERE "topSectionId" = ? AND "slug" = ?').pluck();

  const writeBatch = database.transaction((batch: readonly TableRows[]) => {
    for (const { table, rows, keepExisting } of batch) {
      const statement = insert(table, Boolean(keepExisting));
      const types = table.columns.map(([, type]) => type);
      for (const row of rows) statement.run(row.map((value, i) => encode(value, types[i]!)));
    }
  });

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
    async write(batch) {
      // BEGIN IMMEDIATE: take the write lock up front instead of failing half-way on upgrade.
      writeBatch.immediate(batch);
    },
    async finish() {
      // AUTOINCREMENT tables already track explicit ids in sqlite_sequence.
      database.pragma('wal_checkpoint(TRUNCATE)');
    },
    async close() {
      database.close();
    },
    async size() {
      const main = statSync(file, { throwIfNoEntry: false })?.size ?? 0;
      const wal = statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0;
      return main + wal;
    },
  };
}
