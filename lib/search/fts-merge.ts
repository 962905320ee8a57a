/**
 * Merging SQLite's FTS5 search segments in bounded steps, outside any editor's write (docs/adr/030).
 *
 * A rebuild leaves each index in ~20 large segments (ADR 023). FTS5 merges segments itself in two
 * ways: `automerge` does a little merge work after each write, in proportion to what it wrote, and
 * `crisismerge` merges a whole level at once when it holds that many segments. With FTS5's default
 * crisis threshold of 16, the first publish after a seed merged all 20 at once — at 1,000,000
 * articles a rewrite of the whole index, ~85 s inside the publishing transaction, with every other
 * write waiting behind it. So the serving indexes never crisis-merge (the threshold is FTS5's
 * highest), and this job does the big merges instead: steps of a few hundred pages, each its own
 * short write, until FTS5 reports nothing left to merge.
 */
import { yieldToEventLoop } from '../event-loop';
import type { SearchIndexConnection } from './reindex';

export const FTS_TABLES = ['SearchFts', 'StaffSearchFts', 'RecentSearchFts'] as const;

/** An FTS5 command or setting (sqlite.org/fts5.html §6) on one of the index tables. */
export function ftsCommand(table: string, command: string, value: number): string {
  // Literals, not parameters: FTS5 ignores a setting bound as a float, which is how JS numbers bind.
  if (!Number.isSafeInteger(value)) throw new RangeError(`FTS5 ${command} must be a whole number (got ${value})`);
  return `INSERT INTO "${table}" ("${table}", "rank") VALUES ('${command}', ${value})`;
}

/**
 * Leaf pages a step writes, give or take one term: FTS5 stops a step only between terms, so a
 * step that reaches a very common word writes its whole doclist (ADR 030 measured steps at
 * 1,000,000 articles).
 */
export const MERGE_STEP_PAGES = 128;

export interface MergeReport {
  /** Steps that merged something. */
  steps: number;
  ms: number;
  /** The longest step: how long a write queued behind the job waited at most. */
  longestStepMs: number;
  /** Whether the run stopped before FTS5 had nothing left to merge. */
  interrupted: boolean;
}

/**
 * Merges each index until FTS5 finds no level with four or more segments and no merge under way.
 * A step that merged nothing grows `total_changes()` by less than two (sqlite.org/fts5.html §6.7).
 * Stops between steps when `signal` is aborted; the next run goes on where this one stopped.
 */
export async function mergeSearchSegments(
  connection: Pick<SearchIndexConnection, 'changes'>,
  {
    signal,
    stepPages = MERGE_STEP_PAGES,
    rest = 0,
  }: {
    signal?: AbortSignal;
    stepPages?: number;
    /** Time to wait after each step, as a share of the step's own: 1 leaves the thread free half the time. */
    rest?: number;
  } = {},
): Promise<MergeReport> {
  const started = performance.now();
  let steps = 0;
  let longestStepMs = 0;
  for (const table of FTS_TABLES) {
    while (!signal?.aborted) {
      const stepStarted = performance.now();
      const merged = (await connection.changes(ftsCommand(table, 'merge', stepPages))) >= 2;
      longestStepMs = Math.max(longestStepMs, performance.now() - stepStarted);
      if (!merged) break;
      steps++;
      // Requests and timers wait one step, not the whole merge.
      await yieldToEventLoop(rest * (performance.now() - stepStarted));
    }
  }
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return { steps, ms: round(performance.now() - started), longestStepMs: round(longestStepMs), interrupted: signal?.aborted ?? false };
}
