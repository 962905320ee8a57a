/**
 * Rebuilds the search indexes from the articles (`npm run search:reindex`). The triggers keep the
 * indexes in step on every write; this is for recovery, for tokenizer changes, and after a bulk
 * load. It empties the indexes, then refills them in batches of article ids, so readers see a
 * growing index during the run and writers are never blocked for long. A write made while it
 * runs is indexed by its trigger; the batch that reaches the same article then skips it.
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

const BATCH = 2_000;

interface Statements {
  empty: string[];
  batch: string[];
  finish: string[];
  count: { reader: string; staff: string };
}

const SQLITE: Statements = {
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

const POSTGRES: Statements = {
  empty: [`DELETE FROM "SearchDoc"`],
  batch: [`INSERT INTO "SearchDoc" SELECT * FROM "SearchSource" WHERE "articleId" BETWEEN $1 AND $2 ON CONFLICT ("articleId") DO NOTHING`],
  finish: [`VACUUM ANALYZE "SearchDoc"`],
  count: {
    reader: `SELECT count(*)::int AS "n" FROM "SearchDoc" WHERE "readerDoc" IS NOT NULL`,
    staff: `SELECT count(*)::int AS "n" FROM "SearchDoc"`,
  },
};

async function count(sql: string): Promise<number> {
  const [row] = await db().$queryRawUnsafe<{ n: number | bigint }[]>(sql);
  return Number(row?.n ?? 0);
}

/** Empties and refills both search indexes. */
export async function reindexSearch({ onProgress }: { onProgress?: (progress: ReindexProgress) => void } = {}): Promise<ReindexResult> {
  const started = Date.now();
  const sql = dbProvider() === 'sqlite' ? SQLITE : POSTGRES;
  const [range] = await db().$queryRawUnsafe<{ lo: number | bigint | null; hi: number | bigint | null; n: number | bigint }[]>(
    `SELECT min("id") AS "lo", max("id") AS "hi", count(*) AS "n" FROM "Article"`,
  );
  const total = Number(range?.n ?? 0);
  await write(async (tx) => {
    for (const statement of sql.empty) await tx.$executeRawUnsafe(statement);
  });
  onProgress?.({ done: 0, total });
  if (range?.lo != null && range.hi != null) {
    const lo = Number(range.lo);
    const hi = Number(range.hi);
    for (let from = lo; from <= hi; from += BATCH) {
      const to = Math.min(hi, from + BATCH - 1);
      await write(async (tx) => {
        for (const statement of sql.batch) await tx.$executeRawUnsafe(statement, from, to);
      });
      // Ids have gaps; report articles, not ids, so the bar ends at the total.
      onProgress?.({ done: Math.min(total, Math.round(((to - lo + 1) / (hi - lo + 1)) * total)), total });
    }
  }
  for (const statement of sql.finish) {
    if (dbProvider() === 'sqlite') await write((tx) => tx.$executeRawUnsafe(statement));
    else await db().$executeRawUnsafe(statement);
  }
  return { articles: total, readerDocs: await count(sql.count.reader), staffDocs: await count(sql.count.staff), ms: Date.now() - started };
}
