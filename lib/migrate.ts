/**
 * Our migration runner (DESIGN §5): `prisma migrate` needs a schema engine that cannot be
 * downloaded here. It applies the committed SQL in prisma/migrations/<provider>/ in name order,
 * one transaction per migration, and records each in a `_prisma_migrations` table laid out as
 * Prisma's, with the same sha256 checksum, so `prisma migrate deploy` agrees where it exists.
 */
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: number;
}

export class MigrationError extends Error {}

type Provider = 'sqlite' | 'postgresql';

export function providerOf(url: string): Provider {
  return url.startsWith('file:') ? 'sqlite' : 'postgresql';
}

export function readMigrations(provider: Provider, root = process.cwd()): Migration[] {
  const dir = join(root, 'prisma/migrations', provider);
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

const TABLE = {
  sqlite: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" TEXT PRIMARY KEY NOT NULL,
    "checksum" TEXT NOT NULL,
    "finished_at" DATETIME,
    "migration_name" TEXT NOT NULL,
    "logs" TEXT,
    "rolled_back_at" DATETIME,
    "started_at" DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0
  )`,
  postgresql: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum" VARCHAR(64) NOT NULL,
    "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL,
    "logs" TEXT,
    "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count" INTEGER NOT NULL DEFAULT 0
  )`,
};

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
}

/** Throws when an applied migration was edited or a previous run failed half-way. */
function verifyApplied(migrations: Migration[], applied: AppliedRow[]): Set<string> {
  const byName = new Map(migrations.map((m) => [m.name, m]));
  for (const row of applied) {
    if (!row.finished_at) {
      throw new MigrationError(`Migration ${row.migration_name} failed in an earlier run; fix the database by hand, then delete its row from _prisma_migrations.`);
    }
    const local = byName.get(row.migration_name);
    if (local && local.checksum !== row.checksum) {
      throw new MigrationError(
        `Migration ${row.migration_name} was edited after it was applied (checksum ${row.checksum.slice(0, 12)}… in the database, ${local.checksum.slice(0, 12)}… on disk). Restore the original file and add a new migration instead.`,
      );
    }
  }
  return new Set(applied.map((r) => r.migration_name));
}

function migrateSqlite(file: string, migrations: Migration[]): MigrateResult {
  let database: Database.Database;
  try {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    database = new Database(file, { timeout: 30_000 });
  } catch (error) {
    throw new MigrationError(`Cannot open the SQLite database at ${file}: ${(error as Error).message}`);
  }
  try {
    database.pragma('journal_mode = WAL');
    database.exec(TABLE.sqlite);
    const result: MigrateResult = { applied: [], alreadyApplied: 0 };
    const listApplied = database.prepare<[], AppliedRow>('SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL');
    const record = database.prepare(
      `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, ?, 1)`,
    );
    verifyApplied(migrations, listApplied.all());
    for (const migration of migrations) {
      // BEGIN IMMEDIATE takes the write lock, so a concurrent runner waits here and then sees
      // the migration as applied when it re-reads the table inside its own transaction.
      const started = new Date().toISOString();
      const apply = database.transaction(() => {
        const done = verifyApplied(migrations, listApplied.all());
        if (done.has(migration.name)) return false;
        database.exec(migration.sql);
        record.run(randomUUID(), migration.checksum, new Date().toISOString(), migration.name, started);
        return true;
      });
      if (apply.immediate()) result.applied.push(migration.name);
      else result.alreadyApplied++;
    }
    return result;
  } finally {
    database.close();
  }
}

const LOCK_ID = 727_073_691;

async function migratePostgres(url: string, migrations: Migration[]): Promise<MigrateResult> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (error) {
    throw new MigrationError(`Cannot connect to PostgreSQL at ${url.replace(/\/\/[^@]*@/, '//…@')}: ${(error as Error).message}`);
  }
  try {
    await client.query('SELECT pg_advisory_lock($1)', [LOCK_ID]);
    await client.query(TABLE.postgresql);
    const { rows } = await client.query<AppliedRow>('SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL');
    const done = verifyApplied(migrations, rows);
    const result: MigrateResult = { applied: [], alreadyApplied: 0 };
    for (const migration of migrations) {
      if (done.has(migration.name)) {
        result.alreadyApplied++;
        continue;
      }
      const started = new Date();
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ($1, $2, now(), $3, $4, 1)`,
          [randomUUID(), migration.checksum, migration.name, started],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new MigrationError(`Migration ${migration.name} failed and was rolled back: ${(error as Error).message}`);
      }
      result.applied.push(migration.name);
    }
    return result;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [LOCK_ID]).catch(() => undefined);
    await client.end();
  }
}

/** Applies every pending migration for the database named by `url`. Safe to run concurrently. */
export async function migrate(url: string, root = process.cwd()): Promise<MigrateResult> {
  const provider = providerOf(url);
  const migrations = readMigrations(provider, root);
  if (provider === 'sqlite') return migrateSqlite(url.replace(/^file:/, '').replace(/\?.*$/, ''), migrations);
  return migratePostgres(url, migrations);
}
