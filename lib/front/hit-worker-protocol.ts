/**
 * What the server's main thread and its hit worker (ADR 029) say to each other. Light on purpose:
 * both sides import it.
 */
import type { MessagePort } from 'node:worker_threads';

/**
 * Set by the hit worker on a request it forwards because a command-line tool appended to the
 * invalidation journal (ADR 018): the main thread reads the journal before answering, even if its
 * own notice of the change has not arrived yet. Believed only from the worker.
 */
export const CATCH_UP_HEADER = 'x-broadsheet-catch-up';

export interface HitWorkerData {
  host: string;
  /** 0 picks a free port; the worker reports the one it got. */
  port: number;
  /** The Unix socket the main thread's server listens on. */
  upstream: string;
  trustProxy: readonly string[];
  siteHttps: boolean;
  sMaxage: number;
  cacheMaxBytes: number;
  publicFiles: readonly string[];
  /** The invalidation journal of command-line tools, when the site has no Redis. */
  journalPath?: string;
  /** An Int32Array's buffer: the main thread adds one after posting each update (see {@link HitWorkerUpdate}). */
  signal: SharedArrayBuffer;
  /** Where updates arrive, in the order the main thread made them. */
  updates: MessagePort;
}

/** A change to the worker's cache: a response the main thread stored, or tags it invalidated. */
export type HitWorkerUpdate =
  | { kind: 'store'; key: string; status: 200 | 301 | 404 | 410; headers: Record<string, string>; body: Uint8Array; tags: string[]; expiresAt?: number }
  | { kind: 'invalidate'; tags: string[] };

export type HitWorkerCommand = { kind: 'close'; graceMs: number };

export type HitWorkerReport = { kind: 'listening'; port: number } | { kind: 'failed'; message: string; code?: string } | { kind: 'closed' };
