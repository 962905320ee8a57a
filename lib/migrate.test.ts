import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve as resolve_ } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createScratchDatabase } from './testing/scratch-db';
import { migrate, MigrationError, readMigrations } from './migrate';
import { readSchema, type ScalarType } from './schema-model';

const postgresUrl = process.env.TEST_DATABASE_URL;

interface Column {
  name: string;
  type: string;
  nullable: boolean;
}

async function introspect(url: string): Promise<{ columns: Map<string, Column[]>; indexes: Set<string> }> {
  const columns = new Map<string, Column[]>();
  const indexes = new Set<string>();
  if (url.startsWith('file:')) {
    const database = new Database(url.slice(5), { readonly: true });
    const tables = database.prepare<[], { name: string }>(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_%' ESCAPE '\\'`).all();
    for (const { name } of tables) {
      const info = database.prepare<[], { name: string; type: string; notnull: number; pk: number }>(`PRAGMA table_info("${name}")`).all();
      columns.set(name, info.map((c) => ({ name: c.name, type: c.type, nullable: c.notnull === 0 && c.pk === 0 })));
    }
    for (const { name } of database.prepare<[], { name: string }>(`SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%'`).all()) indexes.add(name);
    database.close();
  } else {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{ table_name: string; column_name: string; data_type: string; is_nullable: string }>(
      `SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns WHERE table_schema = 'public' AND table_name NOT LIKE '\\_%' ORDER BY ordinal_position`,
    );
    for (const row of rows) {
      const list = columns.get(row.table_name) ?? [];
      list.push({ name: row.column_name, type: row.data_type, nullable: row.is_nullable === 'YES' });
      columns.set(row.table_name, list);
    }
    const idx = await client.query<{ indexname: string }>(`SELECT indexname FROM pg_indexes WHERE schemaname = 'public' AND indexname NOT LIKE '%_pkey'`);
    for (const row of idx.rows) indexes.add(row.indexname);
    await client.end();
  }
  return { columns, indexes };
}

const SQLITE_TYPES: Record<ScalarType, string> = { Int: 'INTEGER', String: 'TEXT', Boolean: 'BOOLEAN', DateTime: 'DATETIME', Float: 'REAL', Json: 'JSONB' };
const POSTGRES_TYPES: Record<ScalarType, string> = {
  Int: 'integer',
  String: 'text',
  Boolean: 'boolean',
  DateTime: 'timestamp without time zone',
  Float: 'double precision',
  Json: 'jsonb',
};

async function countRuns(url: string): Promise<{ rows: number }> {
  if (url.startsWith('file:')) {
    const database = new Database(url.slice(5), { readonly: true });
    const row = database.prepare<[], { n: number }>('SELECT count(*) AS n FROM "RunCounter"').get()!;
    database.close();
    return { rows: row.n };
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM "RunCounter"');
  await client.end();
  return { rows: Number(rows[0]!.n) };
}

describe('migrations', () => {
  it('produce exactly the tables, columns, types, nullability and indexes of the Prisma models', async () => {
    const url = process.env.DATABASE_URL!;
    const { columns, indexes } = await introspect(url);
    const types = url.startsWith('file:') ? SQLITE_TYPES : POSTGRES_TYPES;
    for (const table of readSchema()) {
      const actual = columns.get(table.name);
      expect(actual, `table ${table.name}`).toBeDefined();
      const expected = table.fields.map((f) => ({ name: f.name, type: types[f.type], nullable: f.optional }));
      const relevant = actual!.filter((c) => expected.some((e) => e.name === c.name));
      expect(relevant, `columns of ${table.name}`).toEqual(expected);
      for (const index of table.indexes) expect(indexes.has(index.name), `index ${index.name}`).toBe(true);
    }
  });

  it('are idempotent: a second run applies nothing', async () => {
    const again = await migrate(process.env.DATABASE_URL!);
    expect(again.applied).toEqual([]);
    expect(again.alreadyApplied).toBe(readMigrations(postgresUrl ? 'postgresql' : 'sqlite').length);
  });

  it('records each migration with Prisma checksums in _prisma_migrations', async () => {
    const { db } = await import('./db');
    const rows = await db().$queryRawUnsafe<{ migration_name: string; checksum: string }[]>(
      'SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY migration_name',
    );
    const local = readMigrations(postgresUrl ? 'postgresql' : 'sqlite');
    expect(rows.map((r) => [r.migration_name, r.checksum])).toEqual(local.map((m) => [m.name, m.checksum]));
  });

  it('refuse with a clear message when an applied migration was edited', async () => {
    const root = mkdtempSync(join(tmpdir(), 'broadsheet-migrations-'));
    cpSync('prisma/migrations', join(root, 'prisma/migrations'), { recursive: true });
    const scratch = await createScratchDatabase(postgresUrl);
    try {
      await migrate(scratch.url, root);
      const provider = postgresUrl ? 'postgresql' : 'sqlite';
      const [first] = readMigrations(provider, root);
      writeFileSync(join(root, 'prisma/migrations', provider, first!.name, 'migration.sql'), first!.sql + '\n-- edited\n');
      await expect(migrate(scratch.url, root)).rejects.toThrow(MigrationError);
      await expect(migrate(scratch.url, root)).rejects.toThrow(/was edited after it was applied/);
    } finally {
      await scratch.drop();
    }
  });

  it('apply once when several runners start together', async () => {
    const root = mkdtempSync(join(tmpdir(), 'broadsheet-migrations-'));
    cpSync('prisma/migrations', join(root, 'prisma/migrations'), { recursive: true });
    const provider = postgresUrl ? 'postgresql' : 'sqlite';
    const extra = join(root, 'prisma/migrations', provider, '29991231000000_counter');
    mkdirSync(extra);
    writeFileSync(join(extra, 'migration.sql'), 'CREATE TABLE "RunCounter" ("id" INTEGER NOT NULL PRIMARY KEY);\nINSERT INTO "RunCounter" ("id") VALUES (1);\n');
    const scratch = await createScratchDatabase(postgresUrl);
    try {
      // Separate processes, as when several instances start at once.
      const runs = await Promise.all(
        [1, 2, 3, 4].map(
          () =>
            new Promise<string>((resolve, reject) =>
              execFile(resolve_('node_modules/.bin/tsx'), [resolve_('scripts/migrate.ts')], { cwd: root, env: { ...process.env, DATABASE_URL: scratch.url } }, (error, stdout) =>
                error ? reject(error) : resolve(stdout),
              ),
            ),
        ),
      );
      expect(runs.filter((out) => out.includes('29991231000000_counter'))).toHaveLength(1);
      const { rows } = await countRuns(scratch.url);
      expect(rows).toBe(1);
    } finally {
      await scratch.drop();
    }
  });

  it('report an unopenable SQLite database in one line', async () => {
    const notADirectory = join(mkdtempSync(join(tmpdir(), 'broadsheet-')), 'plain-file');
    writeFileSync(notADirectory, '');
    await expect(migrate(`file:${notADirectory}/nowhere.db`)).rejects.toThrow(/^Cannot open the SQLite database at .*plain-file\/nowhere.db: /);
  });
});
