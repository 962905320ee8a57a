/**
 * Rebuilds the search indexes from the articles (`npm run search:reindex`). The triggers keep the
 * indexes in step on every write; this is for recovery, for tokenizer changes, and after a bulk
 * load. It empties the indexes, then refills them in batches of article ids, so readers see a
 * growing index during the run and writers are never blocked for long. A write made while it
 * runs is indexed by its trigger; the batch that reaches the same article then skips it.
 *
 * Bulk loads (the seed) suspend the triggers instead of paying them per row, and rebuild once at
 * the end ({@link withSearchTriggersSuspended}); docs/adr/016. On SQLite that rebuild is one
 * transaction with FTS5 merging put off until a final 'optimize' (docs/adr/022).
 */
import { db, dbProvider, write } from '../db';

export interface ReindexProgress {
  /** Articles considered so far (live or not). */
  done: number;
  total: number;
}

export interface ReindexResult {
  articles: number;
  readerDocs: number;
  staffDocs: number;
  ms: number;
}

/**
 * A connection the rebuild runs over: Prisma for the app and the CLI, the seed's own raw
 * connection during a bulk load (which writes to a database other than `DATABASE_URL` in benches).
 */
export interface SearchIndexConnection {
  provider: 'sqlite' | 'postgresql';
  /** Runs the statements in one transaction. */
  transaction(statements: readonly (readonly [sql: string, ...params: unknown[]])[]): Promise<void>;
  /** Runs one statement on its own (PostgreSQL's VACUUM cannot run in a transaction). */
  execute(sql: string): Promise<void>;
  query<T>(sql: string): Promise<T[]>;
}

const BATCH = 2_000;

interface Statements {
  /** Stop the article and byline triggers from indexing (a bulk load is under way). */
  suspend: string[];
  /** Undo `suspend`; harmless when nothing is suspended. */
  resume: string[];
  empty: string[];
  batch: string[];
  finish: string[];
  count: { reader: string; staff: string };
}

const SQLITE: Statements = {
  // A flag in the database (migration 20261129120600), so a crash cannot lose the triggers.
  suspend: [`UPDATE "SearchIndexState" SET "bulkLoad" = 1`],
  resume: [`UPDATE "SearchIndexState" SET "bulkLoad" = 0`],
  // Pausing the content-table triggers lets the FTS indexes be emptied in one command each;
  // the pause never outlives this one transaction.
  empty: [
    `UPDATE "SearchIndexState" SET "paused" = 1`,
    `DELETE FROM "SearchDoc"`,
    `DELETE FROM "StaffSearchDoc"`,
    `INSERT INTO "SearchFts" ("SearchFts") VALUES ('delete-all')`,
    `INSERT INTO "StaffSearchFts" ("StaffSearchFts") VALUES ('delete-all')`,
    `UPDATE "SearchIndexState" SET "paused" = 0`,
  ],
  batch: [
    `INSERT OR IGNORE INTO "SearchDoc" SELECT * FROM "SearchReaderSource" WHERE "articleId" BETWEEN ? AND ?`,
    `INSERT OR IGNORE INTO "StaffSearchDoc" SELECT * FROM "SearchStaffSource" WHERE "articleId" BETWEEN ? AND ?`,
  ],
  // Merging the FTS b-trees into one makes every later query cheaper.
  finish: [`INSERT INTO "SearchFts" ("SearchFts") VALUES ('optimize')`, `INSERT INTO "StaffSearchFts" ("StaffSearchFts") VALUES ('optimize')`],
  count: { reader: `SELECT count(*) AS "n" FROM "SearchDoc"`, staff: `SELECT count(*) AS "n" FROM "StaffSearchDoc"` },
};

/** The PostgreSQL statements that switch the article and byline search triggers off or on (also lib/search/bulk-index.ts). */
export const pgSearchTriggers = (action: 'DISABLE' | 'ENABLE') => [
  `ALTER TABLE "Article" ${action} TRIGGER "Article_search_insert_delete", ${action} TRIGGER "Article_search_update"`,
  `ALTER TABLE "ArticleByline" ${action} TRIGGER "ArticleByline_search_insert_delete", ${action} TRIGGER "ArticleByline_search_update"`,
];

/**
 * FTS5 settings for a bulk refill (docs/adr/022). By default FTS5 writes its in-memory terms out as
 * a new segment every 1 MB and merges segments four at a time as they pile up, so a refill of
 * 1,000,000 articles rewrote the index many times over. Here it writes one segment per statement
 * (FTS5 also writes out at each statement's savepoint), merges none while filling and merges them
 * all once in the 'optimize' that follows. The settings are persistent (the %_config table), so
 * the refill sets them and puts them back inside its own transaction: a failure or a crash rolls
 * them back with it, and later writes merge as usual.
 */
// 512 MB holds the terms of a 50,000-article statement (lib/seed), so each writes one segment.
const BULK_FTS_SETTINGS = { automerge: 0, crisismerge: 1_999, hashsize: 512 * 1024 * 1024 } as const;
/** FTS5's built-in values (sqlite.org/fts5.html §6), which a missing %_config row means. */
const FTS_DEFAULTS: Record<keyof typeof BULK_FTS_SETTINGS, number> = { automerge: 4, crisismerge: 16, hashsize: 1024 * 1024 };
const FTS_TABLES = ['SearchFts', 'StaffSearchFts'] as const;

const ftsSetting = (table: string, key: string, value: number) => {
  // Literals, not parameters: FTS5 ignores a setting bound as a float, which is how JS numbers bind.
  if (!Number.isSafeInteger(value)) throw new RangeError(`FTS5 ${key} must be a whole number (got ${value})`);
  return `INSERT INTO "${table}" ("${table}", "rank") VALUES ('${key}', ${value})`;
};

/** The effective FTS5 merge settings of both indexes, as statements that set them again. */
export async function sqliteFtsSettings(connection: SearchIndexConnection): Promise<string[]> {
  const statements: string[] = [];
  for (const table of FTS_TABLES) {
    const rows = await connection.query<{ k: string; v: number | bigint }>(`SELECT "k", "v" FROM "${table}_config"`);
    const stored = new Map(rows.map(({ k, v }) => [k, Number(v)]));
    for (const [key, fallback] of Object.entries(FTS_DEFAULTS)) statements.push(ftsSetting(table, key, stored.get(key) ?? fallback));
  }
  return statements;
}

/**
 * SQLite after a bulk load: empties and refills both indexes and restores the FTS5 settings in one
 * transaction on the loader's own connection; the 'optimize' that merges each index into one
 * segment follows in its own (a crash between leaves a complete index, only slower to query).
 * Searches wait for it: acceptable for a seed. Within a batch the reader rows go in docId order,
 * because FTS5 writes its pending terms out whenever a rowid is lower than the last one, and
 * reader docIds follow publication time, not article ids.
 */
async function refillSqliteAtOnce(connection: SearchIndexConnection, lo: number, hi: number, batchSize: number): Promise<void> {
  const restore = await sqliteFtsSettings(connection);
  const batches: (readonly [string, number, number])[] = [];
  for (let from = lo; from <= hi; from += batchSize) {
    const to = Math.min(hi, from + batchSize - 1);
    batches.push([`${SQLITE.batch[0]} ORDER BY "docId"`, from, to], [SQLITE.batch[1]!, from, to]);
  }
  await connection.transaction([
    ...[...SQLITE.resume, ...SQLITE.empty].map((statement) => [statement] as const),
    ...FTS_TABLES.flatMap((table) => Object.entries(BULK_FTS_SETTINGS).map(([key, value]) => [ftsSetting(table, key, value)] as const)),
    ...batches,
    ...restore.map((statement) => [statement] as const),
  ]);
}

const POSTGRES: Statements = {
  // DISABLE TRIGGER is transactional and stays in the catalogue, so a crash leaves it visible.
  suspend: pgSearchTriggers('DISABLE'),
  resume: pgSearchTriggers('ENABLE'),
  empty: [`DELETE FROM "SearchDoc"`],
  batch: [`INSERT INTO "SearchDoc" SELECT * FROM "SearchSource" WHERE "articleId" BETWEEN $1 AND $2 ON CONFLICT ("articleId") DO NOTHING`],
  finish: [`VACUUM ANALYZE "SearchDoc"`],
  count: {
    reader: `SELECT count(*)::int AS "n" FROM "SearchDoc" WHERE "readerDoc" IS NOT NULL`,
    staff: `SELECT count(*)::int AS "n" FROM "SearchDoc"`,
  },
};

const statementsFor = (connection: SearchIndexConnection) => (connection.provider === 'sqlite' ? SQLITE : POSTGRES);

/** The app's own database through Prisma (SQLite writes through the write queue). */
export function prismaSearchConnection(): SearchIndexConnection {
  const provider = dbProvider();
  return {
    provider,
    transaction: (statements) =>
      write(async (tx) => {
        for (const [sql, ...params] of statements) await tx.$executeRawUnsafe(sql, ...params);
      }),
    execute: async (sql) => {
      if (provider === 'sqlite') await write((tx) => tx.$executeRawUnsafe(sql));
      else await db().$executeRawUnsafe(sql);
    },
    query: (sql) => db().$queryRawUnsafe(sql),
  };
}

async function count(connection: SearchIndexConnection, sql: string): Promise<number> {
  const [row] = await connection.query<{ n: number | bigint }>(sql);
  return Number(row?.n ?? 0);
}

/**
 * PostgreSQL after a bulk load: one transaction that drops the index's own indexes, refills it in
 * one statement and builds the indexes again. Inserting row by row into the two GIN indexes cost
 * ~5 ms an article here (100,000 took 15 minutes); a GIN build sorts instead. The indexes are
 * read from the catalogue, so later migrations' indexes come back too, and DDL is transactional,
 * so a crash leaves them in place. Searches wait for the transaction: acceptable for a seed.
 */
async function refillPostgresAtOnce(connection: SearchIndexConnection): Promise<void> {
  const indexes = await connection.query<{ name: string; definition: string }>(
    `SELECT indexname AS "name", indexdef AS "definition" FROM pg_indexes
     WHERE schemaname = current_schema() AND tablename = 'SearchDoc' AND indexname <> 'SearchDoc_pkey'`,
  );
  await connection.transaction([
    ...POSTGRES.resume.map((statement) => [statement] as const),
    [`SET LOCAL maintenance_work_mem = '256MB'`],
    ...indexes.map(({ name }) => [`DROP INDEX "${name.replaceAll('"', '""')}"`] as const),
    [`TRUNCATE "SearchDoc"`],
    [`INSERT INTO "SearchDoc" SELECT * FROM "SearchSource"`],
    ...indexes.map(({ definition }) => [definition] as const),
  ]);
}

/**
 * Empties and refills both search indexes. Also resumes triggers an interrupted bulk load left
 * suspended — first, so that writes made during the rebuild are indexed by them. `bulk` (after a
 * bulk load, on the loader's connection) rebuilds in one transaction instead of batches readers
 * can search.
 */
export async function reindexSearch({
  onProgress,
  connection = prismaSearchConnection(),
  batchSize = BATCH,
  bulk = false,
}: { onProgress?: (progress: ReindexProgress) => void; connection?: SearchIndexConnection; batchSize?: number; bulk?: boolean } = {}): Promise<ReindexResult> {
  const started = Date.now();
  const sql = statementsFor(connection);
  const [range] = await connection.query<{ lo: number | bigint | null; hi: number | bigint | null; n: number | bigint }>(
    `SELECT min("id") AS "lo", max("id") AS "hi", count(*) AS "n" FROM "Article"`,
  );
  const total = Number(range?.n ?? 0);
  if (bulk) {
    onProgress?.({ done: 0, total });
    if (connection.provider === 'postgresql') await refillPostgresAtOnce(connection);
    else await refillSqliteAtOnce(connection, Number(range?.lo ?? 1), Number(range?.hi ?? 0), batchSize);
    onProgress?.({ done: total, total });
  } else await refillInBatches();
  for (const statement of sql.finish) await connection.execute(statement);
  return {
    articles: total,
    readerDocs: await count(connection, sql.count.reader),
    staffDocs: await count(connection, sql.count.staff),
    ms: Date.now() - started,
  };

  async function refillInBatches(): Promise<void> {
    await connection.transaction([...sql.resume, ...sql.empty].map((statement) => [statement]));
    onProgress?.({ done: 0, total });
    if (range?.lo != null && range.hi != null) {
      const lo = Number(range.lo);
      const hi = Number(range.hi);
      for (let from = lo; from <= hi; from += batchSize) {
        const to = Math.min(hi, from + batchSize - 1);
        await connection.transaction(sql.batch.map((statement) => [statement, from, to]));
        // Ids have gaps; report articles, not ids, so the bar ends at the total.
        onProgress?.({ done: Math.min(total, Math.round(((to - lo + 1) / (hi - lo + 1)) * total)), total });
      }
    }
  }
}

/** Whether an article or byline write would reach the search index now. */
export async function searchTriggersActive(connection: SearchIndexConnection = prismaSearchConnection()): Promise<boolean> {
  if (connection.provider === 'sqlite') {
    return (await count(connection, `SELECT count(*) AS "n" FROM "SearchIndexState" WHERE "bulkLoad" = 0`)) === 1;
  }
  const disabled = await count(
    connection,
    `SELECT count(*)::int AS "n" FROM pg_trigger WHERE tgname IN ('Article_search_insert_delete', 'Article_search_update', 'ArticleByline_search_insert_delete', 'ArticleByline_search_update') AND tgenabled = 'D'`,
  );
  return disabled === 0;
}

/** Stops article and byline writes from reaching the index until {@link reindexSearch} runs. */
export async function suspendSearchTriggers(connection: SearchIndexConnection): Promise<void> {
  await connection.transaction(statementsFor(connection).suspend.map((statement) => [statement]));
}

/**
 * Runs a bulk load with the search triggers suspended, then resumes them and rebuilds the index
 * in one pass — also when the load fails, so the articles it did write are searchable and later
 * writes are indexed again. The load's own error wins over one from the rebuild.
 */
export async function withSearchTriggersSuspended<T>(
  connection: SearchIndexConnection,
  load: () => Promise<T>,
  options: { batchSize?: number; onProgress?: (progress: ReindexProgress) => void } = {},
): Promise<{ result: T; reindex: ReindexResult }> {
  await suspendSearchTriggers(connection);
  let result: T;
  try {
    result = await load();
  } catch (error) {
    try {
      await reindexSearch({ connection, batchSize: options.batchSize, bulk: true });
    } catch {
      // Resuming is the first statement of the rebuild; if even that failed the flag stays set,
      // and `npm run search:reindex` repairs both.
    }
    throw error;
  }
  return { result, reindex: await reindexSearch({ connection, ...options, bulk: true }) };
}
