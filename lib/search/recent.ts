/**
 * The recent reader index on SQLite (migration 20261129152500, docs/adr/021): "RecentSearchFts"
 * indexes exactly the "SearchDoc" rows whose docId (publication order) is at or above
 * "SearchIndexState"."recentFloor"; the SearchDoc triggers keep it so on every write. Searches try
 * it first, where bm25 and prefix terms cost a tenth of what they cost over a million articles.
 *
 * This module moves the floor so the index holds about {@link RECENT_DOCS} documents: it is
 * switched on once there are twice that many, re-trimmed when it has grown to twice its size, and
 * refilled when unpublishing has shrunk it below half. The floor moves in small transactions, each
 * adding or removing the documents between the old and the new floor, so writers never wait long
 * and the invariant holds after every commit.
 */
import { yieldToEventLoop } from '../event-loop';
import type { SearchIndexConnection } from './reindex';

/** Documents the recent index aims to hold. */
export const RECENT_DOCS = 100_000;
const BATCH = 1_000;
/** The floor of a switched-off (empty) recent index: above every docId. */
const OFF = 9_223_372_036_854_775_807n;
const COLUMNS = `"headline", "standfirst", "body", "facets"`;
const FLOOR = `(SELECT "recentFloor" FROM "SearchIndexState")`;

export interface RecentIndexOptions {
  /** Documents to keep in the recent index (tests use a handful). */
  size?: number;
  /** Documents added or removed per transaction. */
  batch?: number;
  /** Stops moving the floor between batches (shutdown); every batch leaves the index consistent. */
  signal?: AbortSignal;
}

/** docIds exceed 2^53, so they travel as text and are handled as bigint. */
async function docId(connection: SearchIndexConnection, sql: string): Promise<bigint | null> {
  const [row] = await connection.query<{ id: string | null }>(sql);
  return row?.id == null ? null : BigInt(row.id);
}

/** The docId `offset` places below the newest, or null when there are not that many documents. */
const newestBut = (connection: SearchIndexConnection, offset: number) =>
  docId(connection, `SELECT CAST("docId" AS TEXT) AS "id" FROM "SearchDoc" ORDER BY "docId" DESC LIMIT 1 OFFSET ${offset}`);

const currentFloor = async (connection: SearchIndexConnection) =>
  (await docId(connection, `SELECT CAST("recentFloor" AS TEXT) AS "id" FROM "SearchIndexState"`))!;

/** Where the floor at `floor` should be now, or null when it may stay where it is. */
async function wantedFloor(connection: SearchIndexConnection, floor: bigint, size: number): Promise<bigint | null> {
  if (floor === OFF) return (await newestBut(connection, 2 * size - 1)) === null ? null : newestBut(connection, size - 1);
  const window = await newestBut(connection, size - 1);
  if (window === null) return OFF; // the site shrank below one window
  const held = Number(
    (await connection.query<{ n: number | bigint }>(`SELECT count(*) AS "n" FROM (SELECT 1 FROM "SearchDoc" WHERE "docId" >= ${floor} LIMIT ${2 * size + 1})`))[0]!.n,
  );
  return held > 2 * size || held < size / 2 ? window : null;
}

/** Lowers the floor to `target`, newest documents first, adding them to the recent index. */
async function lower(connection: SearchIndexConnection, target: bigint, batch: number, signal?: AbortSignal): Promise<void> {
  while (!signal?.aborted) {
    const next =
      (await docId(
        connection,
        `SELECT CAST("docId" AS TEXT) AS "id" FROM "SearchDoc" WHERE "docId" >= ${target} AND "docId" < ${FLOOR} ORDER BY "docId" DESC LIMIT 1 OFFSET ${batch - 1}`,
      )) ?? target;
    await connection.transaction([
      [`INSERT INTO "RecentSearchFts" ("rowid", ${COLUMNS}) SELECT "docId", ${COLUMNS} FROM "SearchDoc" WHERE "docId" >= ${next} AND "docId" < ${FLOOR}`],
      [`UPDATE "SearchIndexState" SET "recentFloor" = ${next} WHERE "recentFloor" > ${next}`],
    ]);
    if (next === target) return;
    await yieldToEventLoop();
  }
}

/** Raises the floor to `target`, oldest documents first, removing them from the recent index. */
async function raise(connection: SearchIndexConnection, target: bigint, batch: number, signal?: AbortSignal): Promise<void> {
  while (!signal?.aborted) {
    const step = await docId(connection, `SELECT CAST("docId" AS TEXT) AS "id" FROM "SearchDoc" WHERE "docId" >= ${FLOOR} ORDER BY "docId" ASC LIMIT 1 OFFSET ${batch}`);
    const next = step === null || step > target ? target : step;
    await connection.transaction([
      [
        `INSERT INTO "RecentSearchFts" ("RecentSearchFts", "rowid", ${COLUMNS})
         SELECT 'delete', "docId", ${COLUMNS} FROM "SearchDoc" WHERE "docId" >= ${FLOOR} AND "docId" < ${next}`,
      ],
      [`UPDATE "SearchIndexState" SET "recentFloor" = ${next} WHERE "recentFloor" < ${next}`],
    ]);
    if (next === target) return;
    await yieldToEventLoop();
  }
}

/**
 * Moves the floor where {@link wantedFloor} says, in batches. Safe to run beside writers and
 * beside itself (each step re-reads the floor inside its transaction). SQLite only.
 */
export async function rebalanceRecentIndex(connection: SearchIndexConnection, { size = RECENT_DOCS, batch = BATCH, signal }: RecentIndexOptions = {}): Promise<void> {
  if (connection.provider !== 'sqlite') return;
  const floor = await currentFloor(connection);
  const target = await wantedFloor(connection, floor, size);
  if (target === null) return;
  if (target < floor) await lower(connection, target, batch, signal);
  else if (target > floor) await raise(connection, target, batch, signal);
}

/**
 * The floor a rebuild should start from, as SQL over "Article" (the index is empty then): the
 * publication time of the `size`-th newest live article, once there are twice that many. Set
 * before the refill, the SearchDoc trigger fills the recent index in the same pass.
 */
export function presetFloorSql({ size = RECENT_DOCS }: RecentIndexOptions = {}): string {
  const newest = (offset: number) =>
    `SELECT "publishedAt" FROM "Article" WHERE "publicationState" = 'published' AND "deletedAt" IS NULL AND "publishedAt" IS NOT NULL ORDER BY "publishedAt" DESC LIMIT 1 OFFSET ${offset}`;
  return `UPDATE "SearchIndexState" SET "recentFloor" = CASE
    WHEN EXISTS (${newest(2 * size - 1)})
    THEN (SELECT CAST(round(unixepoch("publishedAt", 'subsec') * 1000) AS INTEGER) * 1048576 FROM (${newest(size - 1)}))
    ELSE ${OFF} END`;
}
