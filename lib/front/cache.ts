/**
 * The front cache (DESIGN §2.2, §8.10, §8.11): rendered responses in memory, least recently used
 * evicted first, bounded in bytes, indexed by cache tag so `invalidate` drops exactly the entries
 * that read what changed. 404s live in their own LRU with a capped share of the budget, so a
 * crawler walking random URLs cannot push hot pages out.
 */

import { tags as tagNames } from '../cache-tags';

export interface Variant {
  body: Buffer;
  etag: string;
}

export interface CacheEntry {
  status: 200 | 301 | 404 | 410;
  /** Headers to replay (content type, Link, Location…), lower-case names. */
  headers: Record<string, string>;
  /** The body as rendered. */
  identity: Variant;
  /** Whether compressed forms are worth trying (text, not tiny). */
  compressible: boolean;
  /** Compressed forms, made when first asked for (lib/front/encode.ts); null when no smaller. */
  gzip?: Variant | null;
  br?: Variant | null;
  tags: ReadonlySet<string>;
  /** Epoch ms after which the entry is stale by itself (breaking bar, most read). */
  expiresAt?: number;
  /** Epoch ms when stored, for Age-like reasoning and max-age capping. */
  storedAt: number;
}

export interface FrontCacheOptions {
  maxBytes: number;
  /** Largest share of `maxBytes` that 404 entries may hold. */
  notFoundShare?: number;
  now?: () => number;
}

/** Approximate memory an entry holds: bodies plus a fixed allowance for key, headers and tags. */
export function entrySize(key: string, entry: CacheEntry): number {
  let size = 512 + key.length * 2;
  size += entry.identity.body.length + (entry.gzip?.body.length ?? 0) + (entry.br?.body.length ?? 0);
  for (const tag of entry.tags) size += 64 + tag.length * 2;
  for (const [name, value] of Object.entries(entry.headers)) size += (name.length + value.length) * 2;
  return size;
}

/** A stored entry with its counted size and where it stands in its segment's order. */
interface Slot {
  entry: CacheEntry;
  size: number;
  /** The segment's clock when the slot was last put at the newest end. */
  position: number;
}

export class FrontCache {
  readonly maxBytes: number;
  private readonly notFoundMax: number;
  private readonly now: () => number;
  private readonly main = new Segment();
  private readonly notFound = new Segment();
  private readonly byTag = new Map<string, Set<string>>();

  constructor({ maxBytes, notFoundShare = 0.1, now = Date.now }: FrontCacheOptions) {
    this.maxBytes = maxBytes;
    this.notFoundMax = Math.floor(maxBytes * notFoundShare);
    this.now = now;
  }

  get bytes(): number {
    return this.main.bytes + this.notFound.bytes;
  }

  get size(): number {
    return this.main.slots.size + this.notFound.slots.size;
  }

  get(key: string): CacheEntry | undefined {
    let segment = this.main;
    let slot = segment.slots.get(key);
    if (!slot) {
      segment = this.notFound;
      slot = segment.slots.get(key);
      if (!slot) return undefined;
    }
    if (slot.entry.expiresAt !== undefined && slot.entry.expiresAt <= this.now()) {
      this.delete(key);
      return undefined;
    }
    segment.touch(key, slot);
    return slot.entry;
  }

  /** Stores `entry` unless it alone exceeds its segment's budget. Returns whether it was stored. */
  set(key: string, entry: CacheEntry): boolean {
    this.delete(key);
    const size = entrySize(key, entry);
    const isNotFound = entry.status === 404;
    if (size > (isNotFound ? this.notFoundMax : this.maxBytes)) return false;

    (isNotFound ? this.notFound : this.main).add(key, entry, size);
    for (const tag of entry.tags) {
      let keys = this.byTag.get(tag);
      if (!keys) this.byTag.set(tag, (keys = new Set()));
      keys.add(key);
    }

    this.evictOverBudget();
    return this.main.slots.has(key) || this.notFound.slots.has(key);
  }

  /** Counts `entry`'s size again after it gained a compressed form, if it is still the one stored under `key`. */
  resize(key: string, entry: CacheEntry): void {
    const segment = this.main.slots.has(key) ? this.main : this.notFound;
    const slot = segment.slots.get(key);
    if (slot?.entry !== entry) return;
    const size = entrySize(key, entry);
    segment.bytes += size - slot.size;
    slot.size = size;
    this.evictOverBudget();
  }

  /** Drops every entry carrying any of `tags`; returns how many were dropped. */
  invalidate(tags: Iterable<string>): number {
    let dropped = 0;
    for (const tag of tags) {
      const keys = this.byTag.get(tag);
      if (!keys) continue;
      for (const key of [...keys]) if (this.delete(key)) dropped += 1;
    }
    return dropped;
  }

  /**
   * What an invalidation does to stored responses: drops those carrying the tags, and every 404
   * when anything but the most-read list changed, as new content may now live at a URL that
   * missed before (see {@link dropNotFound}).
   */
  applyInvalidation(list: readonly string[]): void {
    this.invalidate(list);
    if (list.some((tag) => tag !== tagNames.mostRead)) this.dropNotFound();
  }

  /**
   * Drops every cached 404. Any new content may now live at a URL that missed before, and write
   * paths cannot know which URLs were asked for, so a content change clears them all.
   */
  dropNotFound(): void {
    for (const key of [...this.notFound.slots.keys()]) this.delete(key);
  }

  clear(): void {
    for (const key of [...this.main.slots.keys(), ...this.notFound.slots.keys()]) this.delete(key);
  }

  delete(key: string): boolean {
    const segment = this.main.slots.has(key) ? this.main : this.notFound.slots.has(key) ? this.notFound : undefined;
    const slot = segment?.remove(key);
    if (!slot) return false;
    for (const tag of slot.entry.tags) {
      const keys = this.byTag.get(tag);
      keys?.delete(key);
      if (keys?.size === 0) this.byTag.delete(tag);
    }
    return true;
  }

  private evictOverBudget(): void {
    while (this.notFound.bytes > this.notFoundMax) this.evictOldest(this.notFound);
    // Under pressure 404s go first: they are the cheapest to render again.
    while (this.bytes > this.maxBytes) this.evictOldest(this.notFound.slots.size ? this.notFound : this.main);
  }

  private evictOldest(segment: Segment): void {
    const oldest = segment.slots.keys().next();
    if (!oldest.done) this.delete(oldest.value);
  }
}

/**
 * Entries in least-recently-used order (a Map iterates in insertion order, so the first key is the
 * oldest). A hit moves its entry to the newest end only when it has drifted into the older half:
 * one still among the newer half is nowhere near eviction, and skipping the move spares the
 * busiest pages two map operations on every hit (ADR 028).
 */
class Segment {
  readonly slots = new Map<string, Slot>();
  bytes = 0;
  private clock = 0;

  add(key: string, entry: CacheEntry, size: number): void {
    this.slots.set(key, { entry, size, position: ++this.clock });
    this.bytes += size;
  }

  touch(key: string, slot: Slot): void {
    if (this.clock - slot.position < this.slots.size >> 1) return;
    this.slots.delete(key);
    slot.position = ++this.clock;
    this.slots.set(key, slot);
  }

  remove(key: string): Slot | undefined {
    const slot = this.slots.get(key);
    if (!slot) return undefined;
    this.slots.delete(key);
    this.bytes -= slot.size;
    return slot;
  }
}
