/**
 * Reads that every reader page repeats (the sidebar's newest and most-read stories), kept in the
 * process and reused across renders while none of the cache tags they recorded has been
 * invalidated since: here ({@link invalidatedSince}, which forgets after five minutes, so nothing
 * is reused for longer) and, with Redis, on any instance ({@link sharedFresh}). A reuse replays the
 * tags and expiry into the current render, so a cached page depends on them exactly as if it had
 * read them afresh. Four queries per list and render otherwise (ADR 021). Only renders that collect
 * tags reuse: scripts, tests and the newsroom always read afresh.
 */
import { collectTags, collectingTags, invalidatedSince, recordExpiry, recordTags, sharedFresh, sharedStamp, tagEpoch, type RenderRecord } from './cache-tags';

interface Entry<T> {
  value: T;
  tags: string[];
  expiresAt: number;
  epoch: number;
  stamp: number | null | undefined;
}

const MAX_ENTRIES = 16;

/**
 * Wraps `load` so that calls with the same key share one result while it is fresh. `maxAgeMs`
 * bounds the reuse of reads that go stale without a write (view counts).
 */
export function reusedWhileFresh<A extends unknown[], T>(
  keyOf: (...args: A) => string,
  load: (...args: A) => Promise<T>,
  { maxAgeMs = Infinity }: { maxAgeMs?: number } = {},
): (...args: A) => Promise<T> {
  const entries = new Map<string, Entry<T>>();
  const replay = (entry: Pick<Entry<T>, 'tags' | 'expiresAt'>) => {
    recordTags(...entry.tags);
    if (entry.expiresAt !== Infinity) recordExpiry(entry.expiresAt);
  };
  return async (...args) => {
    if (!collectingTags()) return load(...args);
    const key = keyOf(...args);
    const entry = entries.get(key);
    if (entry && entry.expiresAt > Date.now() && !invalidatedSince(entry.tags, entry.epoch) && (await sharedFresh(entry.tags, entry.stamp))) {
      replay(entry);
      return entry.value;
    }
    const epoch = tagEpoch();
    const stamp = await sharedStamp();
    const record: RenderRecord = { tags: new Set() };
    const started = Date.now();
    const value = await collectTags(record, () => load(...args));
    const fresh: Entry<T> = { value, tags: [...record.tags], expiresAt: Math.min(record.expiresAt ?? Infinity, started + maxAgeMs), epoch, stamp };
    replay(fresh);
    // A read that overlapped an invalidation of what it read is used once, never kept.
    if (!invalidatedSince(fresh.tags, epoch)) {
      entries.delete(key);
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
      entries.set(key, fresh);
    }
    return value;
  };
}

interface RowEntry<T> {
  row: T;
  tags: string[];
  epoch: number;
  stamp: number | null | undefined;
}

/** The stamp a set of entries can be checked against together: the oldest, unknown if any is. */
function oldestStamp(entries: RowEntry<unknown>[]): number | null | undefined {
  let oldest: number | undefined;
  for (const { stamp } of entries) {
    if (stamp === null) return null;
    if (stamp !== undefined) oldest = oldest === undefined ? stamp : Math.min(oldest, stamp);
  }
  return oldest;
}

/**
 * Rows read by id (article cards), each kept while none of the tags `tagsOf` gives it has been
 * invalidated since it was read. The lists that hold a row differ from page to page (related
 * stories, a tag's page, continue reading, the home page's sections) but their rows repeat, so a
 * cold render loads only the rows no recent render read: four queries per list otherwise. Rows
 * `load` does not return are never kept; the most recently used `maxEntries` rows are. Records
 * each returned row's tags; only renders that collect tags reuse.
 */
export function reusedRowsById<T>(
  load: (ids: number[]) => Promise<T[]>,
  { idOf, tagsOf, maxEntries }: { idOf: (row: T) => number; tagsOf: (row: T) => string[]; maxEntries: number },
): (ids: number[]) => Promise<T[]> {
  const entries = new Map<number, RowEntry<T>>();
  const remember = (id: number, entry: RowEntry<T>) => {
    entries.delete(id);
    entries.set(id, entry);
    if (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
  };
  return async (ids) => {
    if (!collectingTags()) return load(ids);
    let hits: RowEntry<T>[] = [];
    const missing: number[] = [];
    for (const id of new Set(ids)) {
      const entry = entries.get(id);
      if (entry && !invalidatedSince(entry.tags, entry.epoch)) hits.push(entry);
      else missing.push(id);
    }
    if (hits.length > 0 && !(await sharedFresh(new Set(hits.flatMap((e) => e.tags)), oldestStamp(hits)))) {
      missing.push(...hits.map((e) => idOf(e.row)));
      hits = [];
    }
    const epoch = tagEpoch();
    const stamp = await sharedStamp();
    const loaded = missing.length > 0 ? await load(missing) : [];
    for (const entry of hits) remember(idOf(entry.row), entry);
    for (const row of loaded) {
      const rowTags = tagsOf(row);
      // A read that overlapped an invalidation of what it read is used once, never kept.
      if (!invalidatedSince(rowTags, epoch)) remember(idOf(row), { row, tags: rowTags, epoch, stamp });
    }
    const rows = [...hits.map((e) => e.row), ...loaded];
    for (const row of rows) recordTags(...tagsOf(row));
    return rows;
  };
}
