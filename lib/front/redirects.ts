/**
 * Redirects and 410s answered by the front layer (DESIGN §4, §8.12): the Redirect table held in
 * memory (reloaded after the `redirects` tag is invalidated) plus WordPress URL patterns, so a
 * paper moving from WordPress keeps its inbound links. Every answer is one hop: chains in the
 * table are followed here, and the destination is already canonical.
 */
import { sharedFresh, sharedStamp, tags, tagVersionSource } from '../cache-tags';
import { db } from '../db';
import { loadRedirects } from '../redirects';
import { normaliseUrl } from './normalise';
import { WP_DATED } from './targets';

export type RedirectDecision = { kind: 'redirect'; location: string } | { kind: 'gone' };

const MAX_HOPS = 10;

export class RedirectTable {
  private table = new Map<string, string | null>();
  private loading?: Promise<void>;
  private stale = true;
  /** The shared tag versions when the table was read (several instances, ADR 009). */
  private stamp: number | null | undefined;

  /** `load` reads the rows; tests pass their own to control its timing. */
  constructor(private readonly load: () => Promise<{ fromPath: string; toPath: string | null }[]> = loadRedirects) {}

  /** Marks the table for reloading on the next lookup (the `redirects` tag was invalidated). */
  markStale(): void {
    this.stale = true;
  }

  /** True when a lookup needs no {@link ready} first: loaded, not marked stale, and no other instances to ask. */
  isCurrent(): boolean {
    return !this.stale && tagVersionSource() === undefined;
  }

  /**
   * Loads the table if it is stale; concurrent callers share one load. A load that was already
   * running when the table was marked stale may have read the rows before the change, so it does
   * not count: the caller waits for a fresh one (a renamed URL redirects on the very next request).
   * With Redis the table is also stale once any instance has invalidated `redirects` since it was
   * read, so the very next request sees a 410 or 301 made elsewhere.
   */
  async ready(): Promise<void> {
    // Another instance's change may not have reached us by pub/sub yet; its tag version has.
    if (!this.stale && !(await sharedFresh([tags.redirects], this.stamp))) this.stale = true;
    while (this.stale) {
      this.loading ??= (async () => {
        this.stale = false;
        try {
          const stamp = await sharedStamp();
          const rows = await this.load();
          this.table = new Map(rows.map((row) => [normaliseUrl(row.fromPath).path, row.toPath]));
          this.stamp = stamp;
        } catch (error) {
          this.stale = true;
          throw error;
        } finally {
          this.loading = undefined;
        }
      })();
      await this.loading;
    }
  }

  /** What the table says about canonical `path`, following chains to their end. */
  lookup(path: string): RedirectDecision | undefined {
    if (!this.table.has(path)) return undefined;
    let current = path;
    for (let hop = 0; hop < MAX_HOPS; hop += 1) {
      const target = this.table.get(current);
      if (target === null) return { kind: 'gone' };
      if (target === undefined) break;
      const next = target.startsWith('/') ? normaliseUrl(target).key : target;
      if (next === path) return undefined; // a loop: serve the page rather than bounce forever
      current = next;
      if (!current.startsWith('/') || !this.table.has(current)) break;
    }
    return { kind: 'redirect', location: current };
  }
}

/** Paths reserved by WordPress that we answer from patterns rather than the table. */
const articlePath = { slug: true, topSection: { select: { slug: true } } } as const;

async function liveArticlePath(where: { legacyId: number } | { slug: string }): Promise<string | undefined> {
  const row = await db().article.findFirst({
    where: { ...where, publicationState: 'published', deletedAt: null },
    select: articlePath,
  });
  return row ? `/${row.topSection.slug}/${row.slug}` : undefined;
}

async function sectionPath(legacyId: number): Promise<string | undefined> {
  const row = await db().section.findUnique({ where: { legacyId }, select: { slug: true, parent: { select: { slug: true } } } });
  if (!row) return undefined;
  return row.parent ? `/${row.parent.slug}/${row.slug}` : `/${row.slug}`;
}

async function pagePath(legacyId: number): Promise<string | undefined> {
  const row = await db().page.findFirst({ where: { legacyId, published: true, deletedAt: null }, select: { slug: true } });
  return row ? `/${row.slug}` : undefined;
}

function legacyId(value: string | null): number | undefined {
  if (value === null || !/^\d{1,9}$/.test(value)) return undefined;
  return Number(value);
}

/**
 * WordPress URLs: `?p=ID`, `?page_id=ID`, `?cat=ID`, `/category/a/b`, `/feed`, `/x/feed` and dated
 * permalinks `/yyyy/mm/dd/slug`. Returns where the content lives now, or undefined.
 */
export async function resolveWordPressUrl(path: string, search: URLSearchParams): Promise<string | undefined> {
  if (path === '/') {
    const p = legacyId(search.get('p'));
    if (p !== undefined) return liveArticlePath({ legacyId: p });
    const pageId = legacyId(search.get('page_id'));
    if (pageId !== undefined) return pagePath(pageId);
    const cat = legacyId(search.get('cat'));
    if (cat !== undefined) return sectionPath(cat);
    return undefined;
  }
  if (path === '/feed') return '/feed.xml';
  if (path.endsWith('/feed')) return `${path.slice(0, -'/feed'.length)}/feed.xml`;
  if (path.startsWith('/category/')) {
    // WordPress nests categories without limit; ours are at most two levels: keep the last two.
    const segments = path.split('/').slice(2);
    return '/' + segments.slice(-2).join('/');
  }
  const dated = WP_DATED.exec(path);
  if (dated && !/^\d+$/.test(dated[4]!)) return liveArticlePath({ slug: decodeURIComponent(dated[4]!) });
  return undefined;
}
