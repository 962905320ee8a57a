/**
 * The one place that constructs the Prisma client (STYLE §1). The client and driver adapter are
 * chosen from DATABASE_URL: a `file:` URL gives SQLite through better-sqlite3, a `postgres://`
 * URL PostgreSQL through pg. Both generated clients share one API, typed here as the SQLite one.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';
import { config } from './config';
import { PrismaClient as SqliteClient, Prisma } from './generated/sqlite/client';
import { PrismaClient as PostgresClient } from './generated/postgres/client';
import { WriteQueue } from './write-queue';

export type Db = SqliteClient;
export type Tx = Prisma.TransactionClient;
export { Prisma };

interface DbState {
  client: Db;
  provider: 'sqlite' | 'postgresql';
  queue: WriteQueue;
}

// On globalThis so that server.ts and the Next bundle share one client and one queue (DESIGN §8.8).
const KEY = Symbol.for('broadsheet.db');
type Holder = { [KEY]?: DbState };

/** Path of the SQLite file named by a `file:` URL. */
export function sqlitePath(url: string): string {
  return url.replace(/^file:/, '').replace(/\?.*$/, '');
}

function connect(): DbState {
  const { DATABASE_URL, databaseProvider } = config();
  if (databaseProvider === 'sqlite') {
    const file = sqlitePath(DATABASE_URL);
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    const adapter = new PrismaBetterSqlite3({ url: file, timeout: 10_000 });
    return { client: new SqliteClient({ adapter }), provider: 'sqlite', queue: new WriteQueue() };
  }
  const adapter = new PrismaPg({ connectionString: DATABASE_URL, max: 10 });
  return { client: new PostgresClient({ adapter }) as unknown as Db, provider: 'postgresql', queue: new WriteQueue() };
}

function state(): DbState {
  const holder = globalThis as Holder;
  return (holder[KEY] ??= connect());
}

/** The Prisma client, for reads. Writes go through {@link write}. */
export function db(): Db {
  return state().client;
}

export function dbProvider(): 'sqlite' | 'postgresql' {
  return state().provider;
}

/**
 * Runs `work` in one short transaction. On SQLite every write in the process goes through a
 * single queue (DESIGN §5); PostgreSQL runs transactions concurrently.
 */
export function write<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  const { client, provider, queue } = state();
  const run = () => client.$transaction(work, { maxWait: 30_000, timeout: 30_000 });
  return provider === 'sqlite' ? queue.run(run) : run();
}

export async function disconnect(): Promise<void> {
  const holder = globalThis as Holder;
  const current = holder[KEY];
  delete holder[KEY];
  await current?.client.$disconnect();
}
