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
} as const;

/** What one render read: its tags, and the earliest moment its content goes stale by itself. */
export interface RenderRecord {
  tags: Set<string>;
  /** Epoch ms after which the response must not be served (breaking-bar expiry, most read). */
  expiresAt?: number;
}

export type InvalidationListener = (tags: readonly string[]) => void;

interface CacheTagState {
  storage: AsyncLocalStorage<RenderRecord>;
  listeners: Set<InvalidationListener>;
}

// Shared through globalThis: server.ts and the Next bundle load this module separately (DESIGN §8.8).
const KEY = Symbol.for('broadsheet.cache-tags');
type Holder = { [KEY]?: CacheTagState };

function state(): CacheTagState {
  const holder = globalThis as Holder;
  return (holder[KEY] ??= { storage: new AsyncLocalStorage(), listeners: new Set() });
}

/** Runs `render` while collecting the tags that lib/ reads record. */
export function collectTags<T>(record: RenderRecord, render: () => T): T {
  return state().storage.run(record, render);
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

/** Subscribes to invalidations (the front cache, the Redis bridge). Returns an unsubscribe. */
export function onInvalidate(listener: InvalidationListener): () => void {
  state().listeners.add(listener);
  return () => state().listeners.delete(listener);
}

/** Drops every cached response that depends on any of `names`, in this process and (with Redis) all others. */
export async function invalidate(names: Iterable<string>): Promise<void> {
  const list = [...new Set(names)];
  if (list.length === 0) return;
  invalidateLocally(list);
  await broadcaster()?.(list);
}

// --- Several instances (ops, DESIGN §3) -----------------------------------------------------
// With REDIS_URL, lib/invalidation-bridge.ts installs a broadcaster (publishes the tags to every
// instance and bumps their versions in Redis) and a tag-version source the front cache consults
// before serving or storing an entry, so an instance that missed a message never serves it.

/** Sends invalidated tags to the other instances. */
export type InvalidationBroadcaster = (tags: readonly string[]) => Promise<void>;

/**
 * Versions of tags shared by all instances. A render notes `current()` when it starts and keeps
 * it with the entry; the entry may be stored and later served only while
 * `unchangedSince(entryTags, startedAt)` is true. Both reject when the source is unreachable:
 * treat that as a miss and do not store.
 */
export interface TagVersionSource {
  current(): Promise<number>;
  unchangedSince(tags: readonly string[], since: number): Promise<boolean>;
}

interface ClusterHooks {
  broadcaster?: InvalidationBroadcaster;
  versions?: TagVersionSource;
}

const CLUSTER_KEY = Symbol.for('broadsheet.cache-tags.cluster');
type ClusterHolder = { [CLUSTER_KEY]?: ClusterHooks };

function clusterHooks(): ClusterHooks {
  const holder = globalThis as ClusterHolder;
  return (holder[CLUSTER_KEY] ??= {});
}

function broadcaster(): InvalidationBroadcaster | undefined {
  return clusterHooks().broadcaster;
}

/** Runs this process's invalidation listeners only (a message that came from another instance). */
export function invalidateLocally(names: readonly string[]): void {
  for (const listener of state().listeners) listener(names);
}

/** Installs (or with undefined removes) the broadcaster `invalidate` calls after local listeners. */
export function setInvalidationBroadcaster(fn: InvalidationBroadcaster | undefined): void {
  clusterHooks().broadcaster = fn;
}

export function setTagVersionSource(source: TagVersionSource | undefined): void {
  clusterHooks().versions = source;
}

/** The shared tag versions, or undefined on a single instance (local invalidation is then exact). */
export function tagVersionSource(): TagVersionSource | undefined {
  return clusterHooks().versions;
}
