/**
 * Invalidation from command-line tools (WordPress import, seeding, reindexing) to a server running
 * on the same machine without Redis (ADR 018). A tool appends each `invalidate(tags)` as one JSON
 * line to a journal in MEDIA_DIR, the directory the tools and the server already share (the
 * importer writes its pictures there). The server looks at the journal before answering each
 * reader request and applies whatever was appended since, so the import is visible on the next
 * request, as an editor's publication is. It only `stat`s the journal when the file system says
 * it changed, or once a second: a `stat` per request was 8 % of a cached page's CPU time. With
 * REDIS_URL the tools use the Redis bridge instead, like every instance.
 *
 * The server empties the journal when it starts (its cache is empty then, so nothing in it can
 * matter); it never grows beyond what the tools invalidated while that server ran.
 */
import { appendFile, mkdir } from 'node:fs/promises';
import { closeSync, mkdirSync, openSync, readSync, statSync, truncateSync, watch as watchFiles, type FSWatcher } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { config } from './config';

const lineSchema = z.object({ tags: z.array(z.string()) });

/** The journal of the site whose media live in `mediaDir` (default: MEDIA_DIR). */
export function journalPath(mediaDir = config().MEDIA_DIR): string {
  // A dot file with no image extension: lib/media/serve.ts never serves it.
  return join(resolve(mediaDir), '.invalidations.jsonl');
}

/** Appends one invalidation. A single write of one line, so concurrent tools never interleave. */
export async function appendToJournal(tags: readonly string[], path = journalPath()): Promise<void> {
  if (tags.length === 0) return;
  await mkdir(dirname(path), { recursive: true });
  await appendFile(path, `${JSON.stringify({ tags })}\n`, { flag: 'a' });
}

export interface JournalReader {
  /**
   * Applies every complete line appended since the last call. Never throws. With `force`, reads
   * the journal even when watching and no change has been reported yet.
   */
  catchUp(options?: { force?: boolean }): void;
  /** Stops watching the journal. */
  close(): void;
}

/** How long a watched journal may go without a `stat`, in case a change notice never comes. */
const RESTAT_MS = 1_000;

/**
 * Watches the directory of `path` (the journal may not exist yet): `onChange` runs when the
 * journal is written, created or replaced. Undefined where the file system cannot be watched.
 */
function watchJournal(path: string, onChange: () => void): FSWatcher | undefined {
  try {
    mkdirSync(dirname(path), { recursive: true });
    const watcher = watchFiles(dirname(path), { persistent: false }, (_event, name) => {
      if (name === null || name === basename(path)) onChange();
    });
    watcher.on('error', () => watcher.close());
    return watcher;
  } catch {
    return undefined;
  }
}

/**
 * Follows the journal at `path`, passing each appended line's tags to `apply`. Starts at the end
 * of the file as it is now, after emptying it when `reset` is set (server start). With `watch`,
 * `catchUp` reads the journal only after the file system reported a change (a tool's append is
 * reported before the tool can exit, so before the request that follows it), or a second after
 * it last looked; without, on every call.
 */
export function createJournalReader(path: string, apply: (tags: string[]) => void, { reset = false, watch = false } = {}): JournalReader {
  if (reset) {
    try {
      truncateSync(path, 0);
    } catch {
      // No journal yet, or not ours to empty: start from its end instead.
    }
  }
  let changed = true;
  let lookedAt = 0;
  const watcher = watch
    ? watchJournal(path, () => {
        changed = true;
      })
    : undefined;
  const first = statSync(path, { throwIfNoEntry: false });
  let inode = first?.ino;
  let offset = first?.size ?? 0;

  return {
    close: () => watcher?.close(),
    catchUp({ force = false } = {}) {
      if (watcher && !force) {
        const now = Date.now();
        if (!changed && now - lookedAt < RESTAT_MS) return;
        // Cleared before reading: a change reported while this reads is read by the next call.
        changed = false;
        lookedAt = now;
      }
      let info;
      try {
        info = statSync(path, { throwIfNoEntry: false });
      } catch {
        return;
      }
      if (!info) return;
      // A replaced or emptied file starts over from its beginning.
      if (info.ino !== inode || info.size < offset) {
        inode = info.ino;
        offset = 0;
      }
      if (info.size === offset) return;
      const chunk = Buffer.alloc(info.size - offset);
      let fd: number | undefined;
      try {
        fd = openSync(path, 'r');
        readSync(fd, chunk, 0, chunk.length, offset);
      } catch {
        return;
      } finally {
        if (fd !== undefined) closeSync(fd);
      }
      // A tool may be mid-write: consume complete lines only.
      const end = chunk.lastIndexOf(0x0a);
      if (end < 0) return;
      offset += end + 1;
      for (const line of chunk.subarray(0, end).toString('utf8').split('\n')) {
        let parsed: unknown;
        try {
          parsed = JSON.parse(line);
        } catch {
          parsed = undefined;
        }
        const entry = lineSchema.safeParse(parsed);
        if (entry.success) apply(entry.data.tags);
        else console.warn(`invalidation journal: ignored a malformed line in ${path}`);
      }
    },
  };
}
