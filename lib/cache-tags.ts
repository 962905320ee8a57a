/**
 * Cache tags (DESIGN §3). Public read functions in lib/ call `recordTags` with what they read;
 * the front layer collects them per render (AsyncLocalStorage) and stores them with the cached
 * response. Every write path calls `invalidate` with exactly the tags it affects.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export const tags = {
  article: (id: number) => `article:${id}`,
  section: (id: number) => `section:${id}`,
  tag: (id: number) => `tag:${id}`,
  author: (id: number) => `author:${id}`,
  page: (id: number) => `page:${id}`,
  home: 'home',
  feeds: 'feeds',
  sitemaps: 'sitemaps',
  settings: 'settings',
  nav: 'nav',
  mostRead: 'most-read',
  redirects: 'redirects',
  /** A reader URL whose lookup found nothing (a cached 404); whatever later claims that path invalidates it. */
  missing: (path: string) => `missing:${path}`,
  /** Reader search results: any change to what is published can change them. */
  search: 'search',
} as const;

/** What one render read: its tags, and the earliest moment its content goes stale by itself. */
export interface RenderRecord {
  tags: Set<string>;
  /** Epoch ms after which the response must not be served (breaking-bar expiry, most read). */
  expiresAt?: number;
  /**
   * The page rendered its own "not found" content. Next answers a `notFound()` thrown by a page
   * with an empty error shell (vercel/next.js#62228), so reader pages render the 404 page
   * themselves and the front layer sends it with status 404.
   */
  notFound?: boolean;
}

/** How long invalidations are remembered for renders in flight; longer renders are never stored. */
const LOG_MS = 5 * 60_000;

export type InvalidationListener = (tags: readonly string[]) => void;

/** Sends tags to other instances (the Redis bridge); set by the ops layer. */
export type InvalidationBroadcaster = (tags: readonly string[]) => Promise<void> | void;

interface CacheTagState {
  storage: AsyncLocalStorage<RenderRecord>;
  listeners: Set<InvalidationListener>;
  /** Bumped by every invalidation. */
  epoch: number;
  /** Recent invalidations, oldest first, kept for {@link LOG_MS} so renders can check against them. */
  log: { epoch: number; at: number; tags: readonly string[] }[];
  broadcaster?: InvalidationBroadcaster;
}

// Shared through globalThis: server.ts and the Next bundle load this module separately (DESIGN §8.8).
const KEY = Symbol.for('broadsheet.cache-tags');
type Holder = { [KEY]?: CacheTagState };

function state(): CacheTagState {
  const holder = globalThis as Holder;
  return (holder[KEY] ??= { storage: new AsyncLocalStorage(), listeners: new Set(), epoch: 0, log: [] });
}

/** Runs `render` while collecting the tags that lib/ reads record. */
export function collectTags<T>(record: RenderRecord, render: () => T): T {
  return state().storage.run(record, render);
}

/** Whether a render is collecting tags now (a reader page rendered through the front layer). */
export function collectingTags(): boolean {
  return state().storage.getStore() !== undefined;
}

/** Records that the current render depends on `names`. A no-op outside a collected render. */
export function recordTags(...names: string[]): void {
  const record = state().storage.getStore();
  if (!record) return;
  for (const name of names) record.tags.add(name);
}

/** Marks the current render as stale after `at` (epoch ms). */
export function recordExpiry(at: number): void {
  const record = state().storage.getStore();
  if (!record) return;
  record.expiresAt = Math.min(record.expiresAt ?? Infinity, at);
}

/** Marks the current render as a 404 (see RenderRecord.notFound). */
export function recordNotFound(): void {
  const record = state().storage.getStore();
  if (record) record.notFound = true;
}

/** Subscribes to invalidations (the front cache, the Redis bridge). Returns an unsubscribe. */
export function onInvalidate(listener: InvalidationListener): () => void {
  state().listeners.add(listener);
  return () => state().listeners.delete(listener);
}

/** Drops every cached response that depends on any of `names`, in this process and (with Redis) all others. */
export async function invalidate(names: Iterable<string>): Promise<void> {
  const list = applyInvalidation(names);
  if (list.length === 0) return;
  await state().broadcaster?.(list);
}

/**
 * Invalidates in this process only: bumps the tags' versions and tells the listeners. The Redis
 * bridge calls this for tags received from other instances; everything else calls `invalidate`.
 */
export function applyInvalidation(names: Iterable<string>): string[] {
  const list = [...new Set(names)];
  if (list.length === 0) return list;
  const current = state();
  const now = Date.now();
  current.epoch += 1;
  current.log.push({ epoch: current.epoch, at: now, tags: list });
  while (current.log.length > 0 && current.log[0]!.at < now - LOG_MS) current.log.shift();
  for (const listener of current.listeners) listener(list);
  return list;
}

/** Installs the cross-instance broadcaster (one at a time; `undefined` removes it). */
export function setInvalidationBroadcaster(broadcaster: InvalidationBroadcaster | undefined): void {
  state().broadcaster = broadcaster;
}

/**
 * The invalidation epoch now. A render snapshots it when it starts and, when it ends, asks
 * {@link invalidatedSince} whether any tag it read changed meanwhile (DESIGN §8.10).
 */
export function tagEpoch(): number {
  return state().epoch;
}

/**
 * True when any of `names` was invalidated after `epoch`. A render older than the log's memory is
 * treated as stale: storing it could resurrect content invalidated while it ran.
 */
export function invalidatedSince(names: Iterable<string>, epoch: number): boolean {
  const { log, epoch: now } = state();
  if (epoch === now) return false;
  const first = log[0];
  if (!first || first.epoch > epoch + 1) return true;
  const wanted = new Set(names);
  return log.some((entry) => entry.epoch > epoch && entry.tags.some((tag) => wanted.has(tag)));
}

// --- Several instances (ops, ADR 009) --------------------------------------------------------
// With REDIS_URL, lib/invalidation-bridge.ts installs the broadcaster above and a source of tag
// versions shared by all instances. The local epoch log cannot see an invalidation whose Redis
// message this instance missed (it was reconnecting); the shared versions can. The front cache
// stamps a render when it starts and checks the stamp before storing and before serving.

/** Tag versions shared by all instances: a global sequence number, and the last one per tag. */
export interface TagVersionSource {
  current(): Promise<number>;
  unchangedSince(tags: readonly string[], since: number): Promise<boolean>;
}

const SHARED_KEY = Symbol.for('broadsheet.cache-tags.shared-versions');
type SharedHolder = { [SHARED_KEY]?: TagVersionSource };

export function setTagVersionSource(source: TagVersionSource | undefined): void {
  (globalThis as SharedHolder)[SHARED_KEY] = source;
}

/** The shared tag versions, or undefined on a single instance (the local epoch log is then exact). */
export function tagVersionSource(): TagVersionSource | undefined {
  return (globalThis as SharedHolder)[SHARED_KEY];
}

/**
 * Stamp for a render that starts now: undefined on a single instance, null when the shared
 * versions cannot be read (the render must then not be stored).
 */
export async function sharedStamp(): Promise<number | null | undefined> {
  const source = tagVersionSource();
  if (!source) return undefined;
  return source.current().catch(() => null);
}

/**
 * Whether a response stamped `stamp` that read `names` may still be stored or served: no
 * instance has invalidated any of them since. False when Redis does not answer — render afresh
 * rather than risk a stale page.
 */
export async function sharedFresh(names: Iterable<string>, stamp: number | null | undefined): Promise<boolean> {
  const source = tagVersionSource();
  if (!source) return true;
  if (stamp === null || stamp === undefined) return false;
  return source.unchangedSince([...names], stamp).catch(() => false);
}

// --- Tools on one machine without Redis (ADR 018) ---------------------------------------------
// A command-line tool's invalidate() reaches the running server through a journal file
// (lib/invalidation-journal.ts); the front layer calls `catchUpInvalidations` before answering a
// reader request, so the server applies what the tool invalidated before it looks in its cache.

const CATCH_UP_KEY = Symbol.for('broadsheet.cache-tags.catch-up');
export interface CatchUpOptions {
  /** Read the journal now, even if no change has been reported yet (the hit worker saw one, ADR 029). */
  force?: boolean;
}
type CatchUp = (options?: CatchUpOptions) => void;
type CatchUpHolder = { [CATCH_UP_KEY]?: CatchUp };

export function setInvalidationCatchUp(catchUp: CatchUp | undefined): void {
  (globalThis as CatchUpHolder)[CATCH_UP_KEY] = catchUp;
}

/** Applies invalidations other processes recorded since the last call (a no-op when none is set). */
export function catchUpInvalidations(options?: CatchUpOptions): void {
  (globalThis as CatchUpHolder)[CATCH_UP_KEY]?.(options);
}
