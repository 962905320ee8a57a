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
  search: 'search',
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
  for (const listener of state().listeners) listener(list);
}
