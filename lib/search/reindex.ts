/**
 * Rebuilds the search indexes from the articles (`npm run search:reindex`). The triggers keep the
 * indexes in step on every write; this is for recovery, for tokenizer changes, and after a bulk
 * load. A write made while it runs is indexed by its trigger; the batch that reaches the same
 * article then skips it.
 *
 * - SQLite empties the indexes, then refills them in batches of article ids, so readers see a
 *   growing index during the run and writers are never blocked for long.
 * - PostgreSQL builds a new index beside the old one ("SearchDocNext", which the triggers also
 *   write to while it exists), fills it in batches without its GIN indexes, builds those (a build
 *   sorts; row-by-row GIN inserts cost ~5 ms an article), and swaps it in. Readers search the
 *   complete old index meanwhile; a crash leaves the old index in place and "SearchDocNext"
 *   behind for the next run to drop. docs/adr/016, docs/adr/019.
 *
 * Bulk loads (the seed) suspend the triggers instead of paying them per row, and rebuild once at
 * the end ({@link withSearchTriggersSuspended}); on SQLite that rebuild is one transaction with
 * FTS5 merging put off, and the loader then merges the segments in short steps (docs/adr/022, 030).
 */
import { db, dbProvider, write, type Tx } from '../db';
import { FTS_TABLES, ftsCommand, mergeSearchSegments, type MergeReport } from './fts-merge';
import { presetFloorSql, rebalanceRecentIndex } from './recent';

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
  /** Of `ms`, merging the index's segments afterwards: a bulk refill on SQLite does; otherwise the server's job (ADR 030). */
  merge: MergeReport;
}

/**
 * A connection the rebuild runs over: Prisma for the app and the CLI, the seed's own raw
 * connection during a bulk load (which writes to a database other than `DATABASE_URL` in benches).
 */
export interface SearchIndexConnection {
  provider: 'sqlite' | 'postgresql';
  /** How many transactions may run at once: PostgreSQL fills its new index over that many connections. */
  lanes: number;
  /** Runs the statements in one transaction. */
  transaction(statements: readonly (readonly [sql: string, ...params: unknown[]])[]): Promise<void>;
  /** Runs one statement on its own (PostgreSQL's VACUUM cannot run in a transaction). */
  execute(sql: string): Promise<void>;
  query<T>(sql: string): Promise<T[]>;
  /**
   * Runs one statement in a transaction of its own and returns how many rows it wrote, counting
   * rows written for it by virtual tables and triggers (SQLite's `total_changes()`).
   */
  changes(sql: string): Promise<number>;
}

const NO_MERGE: MergeReport = { steps: 0, ms: 0, longestStepMs: 0, interrupted: false };

/** Articles per transaction of the live SQLite rebuild (and of PostgreSQL's fill). */
const BATCH = 5_000;

/**
 * PostgreSQL fills the new index over two connections: computing the vectors (to_tsvector over
 * each body) is nearly all the work and runs on one core per connection. Two, not more: the
 * machines we measure on have two cores, and the server keeps serving meanwhile.
 */
export const POSTGRES_REINDEX_LANES = 2;

interface Statements {
  /** Stop the article and byline triggers from indexing (a bulk load is under way). */
  suspend: string[];
  /** Undo `suspend`; harmless when nothing is suspended. */
  resume: string[];
  count: { reader: string; staff: string };
}

const SQLITE = {
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
    `INSERT INTO "RecentSearchFts" ("RecentSearchFts") VALUES ('delete-all')`,
    // The refill's trigger then fills the recent index too, in the same pass (lib/search/recent.ts).
    presetFloorSql(),
    `UPDATE "SearchIndexState" SET "paused" = 0`,
  ],
  batch: [
    `INSERT OR IGNORE INTO "SearchDoc" SELECT * FROM "SearchReaderSource" WHERE "articleId" BETWEEN ? AND ?`,
    `INSERT OR IGNORE INTO "StaffSearchDoc" SELECT * FROM "SearchStaffSource" WHERE "articleId" BETWEEN ? AND ?`,
  ],
  count: { reader: `SELECT count(*) AS "n" FROM "SearchDoc"`, staff: `SELECT count(*) AS "n" FROM "StaffSearchDoc"` },
};

/** The PostgreSQL statements that switch the article and byline search triggers off or on (also lib/search/bulk-index.ts). */
export const pgSearchTriggers = (action: 'DISABLE' | 'ENABLE') => [
  `ALTER TABLE "Article" ${action} TRIGGER "Article_search_insert_delete", ${action} TRIGGER "Article_search_update"`,
  `ALTER TABLE "ArticleByline" ${action} TRIGGER "ArticleByline_search_insert_delete", ${action} TRIGGER "ArticleByline_search_update"`,
];

/**
 * FTS5 settings while a rebuild fills the indexes (docs/adr/022, 023). By default FTS5 writes its
 * in-memory terms out as a new segment every 1 MB and merges segments four at a time as they pile
 * up, so a refill of 1,000,000 articles rewrote the index many times over. Here each transaction
 * writes one segment per index (FTS5 also writes out at each statement's savepoint). The bulk
 * refill merges none (its 20 statements leave 20 segments); the live one, with 200 transactions,
 * lets FTS5 merge a level once it holds 16 segments. Neither merges to the end: the server's
 * merge job does that afterwards in short steps (lib/search/fts-merge.ts, ADR 030).
 * The settings are persistent (the %_config table), so they are put back when the refill ends;
 * the bulk refill does so inside its own transaction, so a failure or a crash rolls them back.
 */
// 512 MB holds the terms of a 50,000-article statement (lib/seed), so each writes one segment.
const BULK_FTS_SETTINGS = { automerge: 0, crisismerge: 1_999, hashsize: 512 * 1024 * 1024 } as const;
// 128 MB holds the terms of a live batch of 5,000 articles with room to spare.
const LIVE_FTS_SETTINGS = { automerge: 0, crisismerge: 16, hashsize: 128 * 1024 * 1024 } as const;
type FtsSettings = Record<keyof typeof BULK_FTS_SETTINGS, number>;
/**
 * The settings of an index that serves the site, where no operator chose otherwise: FTS5's own
 * (sqlite.org/fts5.html §6), except that a level is never merged all at once inside a writer's
 * transaction — FTS5's highest `crisismerge` (ADR 030; migration 20261130060000 sets it).
 */
const SERVING_FTS_SETTINGS: FtsSettings = { automerge: 4, crisismerge: 1_999, hashsize: 1024 * 1024 };

/** Resumes suspended triggers and empties the indexes: how every SQLite refill begins. */
const startRefill = () => [...SQLITE.resume, ...SQLITE.empty].map((statement) => [statement] as const);

const applyFtsSettings = (settings: FtsSettings) =>
  FTS_TABLES.flatMap((table) => Object.entries(settings).map(([key, value]) => [ftsCommand(table, key, value)] as const));

/**
 * The effective FTS5 merge settings of the indexes, as statements that set them again. A missing
 * value, or one equal to a live rebuild's own (what an interrupted one left behind), reads as the
 * serving setting.
 */
export async function sqliteFtsSettings(connection: SearchIndexConnection): Promise<string[]> {
  const statements: string[] = [];
  for (const table of FTS_TABLES) {
    const rows = await connection.query<{ k: string; v: number | bigint }>(`SELECT "k", "v" FROM "${table}_config"`);
    const stored = new Map(rows.map(({ k, v }) => [k, Number(v)]));
    for (const [key, fallback] of Object.entries(SERVING_FTS_SETTINGS) as [keyof FtsSettings, number][]) {
      const value = stored.get(key);
      const leftOver = value === LIVE_FTS_SETTINGS[key] && value !== fallback;
      statements.push(ftsCommand(table, key, value === undefined || leftOver ? fallback : value));
    }
  }
  return statements;
}

/**
 * SQLite after a bulk load: empties and refills the indexes and restores the FTS5 settings in one
 * transaction on the loader's own connection. Searches wait for it: acceptable for a seed. Within
 * a batch the reader rows go in docId order, because FTS5 writes its pending terms out whenever a
 * rowid is lower than the last one, and reader docIds follow publication time, not article ids.
 */
async function refillSqliteAtOnce(connection: SearchIndexConnection, lo: number, hi: number, batchSize: number): Promise<void> {
  const restore = await sqliteFtsSettings(connection);
  const batches: (readonly [string, number, number])[] = [];
  for (let from = lo; from <= hi; from += batchSize) {
    const to = Math.min(hi, from + batchSize - 1);
    batches.push([`${SQLITE.batch[0]} ORDER BY "docId"`, from, to], [SQLITE.batch[1]!, from, to]);
  }
  await connection.transaction([
    ...startRefill(),
    ...applyFtsSettings(BULK_FTS_SETTINGS),
    ...batches,
    ...restore.map((statement) => [statement] as const),
  ]);
}

/**
 * SQLite while the site runs: empties the indexes, then refills them in transactions of
 * `batchSize` articles, so readers search a growing index and writers wait one batch at most.
 */
async function refillSqliteInBatches(
  connection: SearchIndexConnection,
  range: { lo: number; hi: number } | null,
  total: number,
  batchSize: number,
  onProgress?: (progress: ReindexProgress) => void,
): Promise<void> {
  const restore = await sqliteFtsSettings(connection);
  await connection.transaction([...startRefill(), ...applyFtsSettings(LIVE_FTS_SETTINGS)]);
  try {
    await inBatches(range, total, { size: batchSize, lanes: 1 }, (from, to) => connection.transaction(SQLITE.batch.map((statement) => [statement, from, to])), onProgress);
  } finally {
    await connection.transaction(restore.map((statement) => [statement] as const));
  }
}

const POSTGRES = {
  // DISABLE TRIGGER is transactional and stays in the catalogue, so a crash leaves it visible.
  suspend: pgSearchTriggers('DISABLE'),
  resume: pgSearchTriggers('ENABLE'),
  // "staffDoc" is NULL where the working copy is the published one (migration 20261129150000).
  count: {
    reader: `SELECT count(*)::int AS "n" FROM "SearchDoc" WHERE "readerDoc" IS NOT NULL`,
    staff: `SELECT count(*)::int AS "n" FROM "SearchDoc"`,
  },
} satisfies Statements;

const statementsFor = (connection: SearchIndexConnection): Statements => (connection.provider === 'sqlite' ? SQLITE : POSTGRES);

/** The app's own database through Prisma (SQLite writes through the write queue). */
export function prismaSearchConnection(): SearchIndexConnection {
  const provider = dbProvider();
  return {
    provider,
    lanes: provider === 'postgresql' ? POSTGRES_REINDEX_LANES : 1,
    transaction: (statements) =>
      write(async (tx) => {
        for (const [sql, ...params] of statements) await tx.$executeRawUnsafe(sql, ...params);
      }),
    execute: async (sql) => {
      if (provider === 'sqlite') await write((tx) => tx.$executeRawUnsafe(sql));
      else await db().$executeRawUnsafe(sql);
    },
    query: (sql) => db().$queryRawUnsafe(sql),
    changes: (sql) =>
      write(async (tx) => {
        if (provider === 'postgresql') return tx.$executeRawUnsafe(sql);
        const before = await totalChanges(tx);
        await tx.$executeRawUnsafe(sql);
        return (await totalChanges(tx)) - before;
      }),
  };
}

async function totalChanges(tx: Tx): Promise<number> {
  const [row] = await tx.$queryRawUnsafe<{ n: number | bigint }[]>(`SELECT total_changes() AS "n"`);
  return Number(row?.n ?? 0);
}

async function count(connection: SearchIndexConnection, sql: string): Promise<number> {
  const [row] = await connection.query<{ n: number | bigint }>(sql);
  return Number(row?.n ?? 0);
}

/**
 * Calls `batch(from, to)` over [lo, hi] in steps of `size`, `lanes` at a time, reporting articles
 * done (not ids: ids have gaps).
 */
async function inBatches(
  range: { lo: number; hi: number } | null,
  total: number,
  { size, lanes }: { size: number; lanes: number },
  batch: (from: number, to: number) => Promise<void>,
  onProgress?: (progress: ReindexProgress) => void,
): Promise<void> {
  onProgress?.({ done: 0, total });
  if (!range) return;
  const { lo, hi } = range;
  let next = lo;
  let idsDone = 0;
  const lane = async () => {
    while (next <= hi) {
      const from = next;
      const to = Math.min(hi, from + size - 1);
      next = to + 1;
      await batch(from, to);
      idsDone += to - from + 1;
      onProgress?.({ done: Math.min(total, Math.round((idsDone / (hi - lo + 1)) * total)), total });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, lanes) }, lane));
}

async function rebuildSqlite(
  connection: SearchIndexConnection,
  range: { lo: number; hi: number } | null,
  total: number,
  size: number,
  onProgress?: (progress: ReindexProgress) => void,
  bulk = false,
): Promise<MergeReport> {
  let merge = NO_MERGE;
  if (bulk) {
    onProgress?.({ done: 0, total });
    await refillSqliteAtOnce(connection, range?.lo ?? 1, range?.hi ?? 0, size);
    // No one searches or writes during a bulk load, so the loader merges the refill's segments now
    // rather than leave it to a server's first minutes (ADR 030).
    merge = await mergeSearchSegments(connection);
    onProgress?.({ done: total, total });
  } else {
    await refillSqliteInBatches(connection, range, total, size, onProgress);
  }
  await rebalanceRecentIndex(connection);
  return merge;
}

const NEXT = 'SearchDocNext';

async function rebuildPostgres(connection: SearchIndexConnection, range: { lo: number; hi: number } | null, total: number, size: number, onProgress?: (progress: ReindexProgress) => void) {
  await connection.transaction(
    [
      ...POSTGRES.resume,
      `DROP TABLE IF EXISTS "${NEXT}"`,
      // Columns, defaults, storage and constraints of the live table; its indexes come after the fill.
      `CREATE TABLE "${NEXT}" (LIKE "SearchDoc" INCLUDING ALL EXCLUDING INDEXES)`,
      // The key from the start: the triggers upsert on it while the batches run.
      `ALTER TABLE "${NEXT}" ADD CONSTRAINT "${NEXT}_pkey" PRIMARY KEY ("articleId")`,
    ].map((statement) => [statement]),
  );
  // LIKE does not copy per-column statistics targets (migration 20261129164000 sets them).
  const targets = await connection.query<{ name: string; target: number }>(
    `SELECT attname AS "name", attstattarget AS "target" FROM pg_attribute
     WHERE attrelid = '"SearchDoc"'::regclass AND attnum > 0 AND NOT attisdropped AND attstattarget >= 0`,
  );
  for (const { name, target } of targets) {
    await connection.execute(`ALTER TABLE "${NEXT}" ALTER COLUMN "${name.replaceAll('"', '""')}" SET STATISTICS ${Number(target)}`);
  }
  await inBatches(
    range,
    total,
    { size, lanes: connection.lanes },
    (from, to) => connection.transaction([[`INSERT INTO "${NEXT}" SELECT * FROM "SearchSource" WHERE "articleId" BETWEEN $1 AND $2 ON CONFLICT ("articleId") DO NOTHING`, from, to]]),
    onProgress,
  );
  // The live table's own indexes, read from the catalogue so later migrations' indexes come along,
  // built under a temporary name on the new table.
  const indexes = await connection.query<{ name: string; definition: string }>(
    `SELECT indexname AS "name",
            replace(indexdef, 'INDEX ' || quote_ident(indexname) || ' ON ' || quote_ident(schemaname) || '.' || quote_ident(tablename) || ' ',
                    'INDEX ' || quote_ident(indexname || '_next') || ' ON ' || quote_ident(schemaname) || '.' || quote_ident('${NEXT}') || ' ') AS "definition"
     FROM pg_indexes WHERE schemaname = current_schema() AND tablename = 'SearchDoc' AND indexname <> 'SearchDoc_pkey'`,
  );
  for (const { name, definition } of indexes) {
    if (!definition.includes(`"${NEXT}"`)) throw new Error(`Cannot rebuild search index ${name}: unexpected definition ${definition}`);
    // One statement, so the memory setting and the build share a transaction on any pooled connection.
    await connection.execute(`DO $$ BEGIN SET LOCAL maintenance_work_mem = '256MB'; ${definition}; END $$`);
  }
  await connection.execute(`VACUUM ANALYZE "${NEXT}"`);
  const rename = (name: string) => `ALTER INDEX "${name.replaceAll('"', '""')}_next" RENAME TO "${name.replaceAll('"', '""')}"`;
  await connection.transaction(
    [
      // The triggers lock "SearchDoc" before "SearchDocNext"; the same order cannot deadlock with them.
      `LOCK TABLE "SearchDoc", "${NEXT}" IN ACCESS EXCLUSIVE MODE`,
      `DROP TABLE "SearchDoc"`,
      `ALTER TABLE "${NEXT}" RENAME TO "SearchDoc"`,
      `ALTER TABLE "SearchDoc" RENAME CONSTRAINT "${NEXT}_pkey" TO "SearchDoc_pkey"`,
      ...indexes.map(({ name }) => rename(name)),
    ].map((statement) => [statement]),
  );
}

/**
 * Empties and refills both search indexes. Also resumes triggers an interrupted bulk load left
 * suspended — first, so that writes made during the rebuild are indexed by them. `bulk` (after a
 * bulk load, on the loader's connection) rebuilds SQLite in one transaction instead of batches
 * readers can search.
 */
export async function reindexSearch({
  onProgress,
  connection = prismaSearchConnection(),
  batchSize = BATCH,
  bulk = false,
}: { onProgress?: (progress: ReindexProgress) => void; connection?: SearchIndexConnection; batchSize?: number; bulk?: boolean } = {}): Promise<ReindexResult> {
  const started = Date.now();
  const sql = statementsFor(connection);
  const [row] = await connection.query<{ lo: number | bigint | null; hi: number | bigint | null; n: number | bigint }>(
    `SELECT min("id") AS "lo", max("id") AS "hi", count(*) AS "n" FROM "Article"`,
  );
  const total = Number(row?.n ?? 0);
  const range = row?.lo != null && row.hi != null ? { lo: Number(row.lo), hi: Number(row.hi) } : null;
  let merge = NO_MERGE;
  if (connection.provider === 'sqlite') merge = await rebuildSqlite(connection, range, total, batchSize, onProgress, bulk);
  else await rebuildPostgres(connection, range, total, batchSize, onProgress);
  return {
    merge,
    articles: total,
    readerDocs: await count(connection, sql.count.reader),
    staffDocs: await count(connection, sql.count.staff),
    ms: Date.now() - started,
  };
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
