/**
 * WordPress → Broadsheet import (issue 14). Two streaming passes over the export (DESIGN §8.18):
 * the first validates the whole file and collects authors, terms and attachments (catalog.ts);
 * only if it succeeds does the second write anything. Rows carry the WordPress id in `legacyId`,
 * so running the import again updates instead of duplicating. Writes go through `write()` in
 * short batched transactions (the SQLite write queue), retried when another process holds the lock.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { audit } from '../audit';
import { tags as cacheTags, invalidate } from '../cache-tags';
import { db, write, type Prisma, type Tx } from '../db';
import { withSearchIndexedOnce } from '../search/bulk-index';
import { slugify, withSuffix } from '../seed/slug';
import { topLevelSlugProblem } from '../seed/sections';
import { bodyText, countWords, readingMinutes, type Body } from '../validation/body';
import { CONTENT_TYPES, scanExport, uploadKey, type Catalog } from './catalog';
import { convertContent, ConversionError, plainText, type ImageRef, type ResolvedImage } from './html';
import { discardPreparedMedia, MediaRejectedError, prepareMedia } from '../media';
import { insideDir } from './images';
import { linkPath, normalizePath, structurePath, structureProblem } from './permalinks';
import { insertRows, updateRow, type ColumnType } from './sql';
import { readWxr, type WxrItem, type WxrTerm } from './wxr';

export interface ImportOptions {
  file: string;
  /** A copy of wp-content/uploads; without it pictures are listed as missing. */
  uploadsDir?: string;
  /** Permalink structure of the old site (`/%year%/%monthnum%/%postname%/`); default: each item's `<link>`. */
  permalinks?: string;
  dryRun?: boolean;
  onProgress?: (progress: { phase: 'validate' | 'media' | 'import'; done: number; total: number }) => void;
}

type Kind = 'articles' | 'pages' | 'sections' | 'tags' | 'people' | 'users' | 'media' | 'redirects';
const KINDS: Kind[] = ['articles', 'pages', 'sections', 'tags', 'people', 'users', 'media', 'redirects'];

export interface ImportReport {
  dryRun: boolean;
  site: Catalog['site'];
  created: Record<Kind, number>;
  updated: Record<Kind, number>;
  /** Items not imported, by reason, with the first examples. */
  skipped: { reason: string; count: number; examples: string[] }[];
  commentsSkipped: number;
  /** Categories deeper than two levels, merged into their second-level ancestor. */
  folded: { category: string; into: string }[];
  /** Slugs that had to change to fit Broadsheet's URL rules. */
  renamed: { kind: string; from: string; to: string }[];
  /** Per-item conversion notes (markup kept as HTML, removed elements, unknown shortcodes). */
  notes: { item: string; notes: string[] }[];
  notesTotal: number;
  missingImages: string[];
  missingImagesTotal: number;
  rejectedImages: { file: string; reason: string }[];
  elapsedMs: number;
}

const MAX_LISTED = 200;
const BATCH = 200;
const SKIPPED_STATUSES: Record<string, string> = {
  trash: 'in the WordPress trash',
  'auto-draft': 'an empty auto-draft',
  inherit: 'a revision',
};
const TOP_LEVEL_EXTRA = new Set(['newsletter']);

/**
 * Old paths that are also Broadsheet's own routes (`/search`, `/feed`, date archives…) are never
 * redirected: the redirect table is consulted first and would hide them (DESIGN §4).
 */
export function shadowsOwnRoute(path: string): boolean {
  // The front layer keys the table on the path without its query.
  if (path.includes('?')) return true;
  const segments = path.slice(1).split('?', 1)[0]!.split('/');
  const first = segments[0] ?? '';
  if (path === '/' || /^\/\d{4}\/\d{2}(\/\d{2})?$/.test(path)) return true;
  if (segments.length === 1) return OWN_ROUTES.has(first.toLowerCase()) || first.startsWith('wp-');
  return OWN_PREFIXES.has(first);
}
/** DESIGN §4's reserved top-level slugs (and `newsletter`). */
const OWN_ROUTES = new Set([
  'admin', 'api', 'search', 'tag', 'author', 'media', 'sitemaps', 'preview', 'page', 'category', 'feed', 'feed.xml', 'atom.xml',
  'sitemap.xml', 'news-sitemap.xml', 'robots.txt', 'favicon.ico', '_next', 'newsletter',
]);
const OWN_PREFIXES = new Set(['admin', 'api', 'media', '_next', 'preview', 'sitemaps', 'search']);

/** Publication and editorial state for a WordPress status (DESIGN §5). */
export function mapStatus(status: string): { publicationState: string; editorialState: string } | null {
  switch (status) {
    case 'publish':
      return { publicationState: 'published', editorialState: 'approved' };
    case 'future':
      return { publicationState: 'scheduled', editorialState: 'approved' };
    case 'pending':
      return { publicationState: 'unpublished', editorialState: 'in_review' };
    case 'draft':
    case 'private':
      // Private posts were never public; they come across as drafts for an editor to decide.
      return { publicationState: 'unpublished', editorialState: 'draft' };
    default:
      return null;
  }
}

/** A WordPress `YYYY-MM-DD HH:MM:SS` (UTC for the _gmt fields) as a Date, or null. */
function wpDate(gmt: string, local: string): Date | null {
  const text = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(gmt) && !gmt.startsWith('0000') ? gmt : local;
  if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(text) || text.startsWith('0000')) return null;
  const date = new Date(`${text.replace(' ', 'T')}Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

function decodeSlug(slug: string): string {
  try {
    return decodeURIComponent(slug);
  } catch {
    return slug;
  }
}

/** Our slug for a WordPress slug (often percent-encoded Thai), falling back to the title, then `fallback`. */
function ourSlug(wpSlug: string, title: string, fallback: string): string {
  return slugify(decodeSlug(wpSlug)) || slugify(title) || fallback;
}

function firstFree(base: string, taken: (slug: string) => boolean): string {
  for (let n = 1; ; n++) {
    const slug = withSuffix(base, n);
    if (!taken(slug)) return slug;
  }
}

function isBusy(error: unknown): boolean {
  const text = `${(error as { code?: string })?.code ?? ''} ${(error as Error)?.message ?? ''}`;
  return /SQLITE_BUSY|database is locked/i.test(text);
}

/** `write()` retried while another process (a running server) holds SQLite's write lock. */
async function writeRetrying<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write(work);
    } catch (error) {
      if (!isBusy(error) || attempt >= 8) throw error;
      await new Promise((r) => setTimeout(r, 100 * 2 ** attempt));
    }
  }
}

interface SectionRef {
  id: number;
  topId: number;
  /** Reader path: `/top` or `/top/sub`. */
  path: string;
  /** `top` or `top/sub`, for %category% in permalinks. */
  wpPath: string;
}

interface Redirect {
  from: string;
  to: string;
}

const ARTICLE_COLUMNS = [
  ['slug', 'text'], ['headline', 'text'], ['standfirst', 'text'], ['body', 'json'], ['primarySectionId', 'int'], ['topSectionId', 'int'],
  ['heroImageId', 'int'], ['heroAlt', 'text'], ['heroCaption', 'text'], ['heroCredit', 'text'], ['publicationState', 'text'],
  ['editorialState', 'text'], ['publishedAt', 'date'], ['firstPublishedAt', 'date'], ['scheduledAt', 'date'], ['contentUpdatedAt', 'date'],
  ['createdAt', 'date'], ['updatedAt', 'date'], ['wordCount', 'int'], ['readingMinutes', 'int'], ['createdById', 'int'], ['legacyId', 'int'],
] as const satisfies readonly (readonly [string, ColumnType])[];

interface PreparedArticle {
  item: WxrItem;
  label: string;
  slugBase: string;
  data: {
    headline: string;
    standfirst: string;
    body: Body;
    primarySectionId: number;
    topSectionId: number;
    heroImageId: number | null;
    heroAlt: string | null;
    heroCaption: string | null;
    heroCredit: string | null;
    publicationState: string;
    editorialState: string;
    publishedAt: Date | null;
    firstPublishedAt: Date | null;
    scheduledAt: Date | null;
    contentUpdatedAt: Date | null;
    createdAt: Date;
    wordCount: number;
    readingMinutes: number;
    createdById: number | null;
    legacyId: number;
  };
  secondarySectionIds: number[];
  tagIds: number[];
  personId: number | null;
  oldPaths: string[];
}

class Importer {
  readonly report: ImportReport;
  private readonly skippedByReason = new Map<string, { count: number; examples: string[] }>();
  private readonly touched = new Set<string>([cacheTags.home, cacheTags.feeds, cacheTags.sitemaps, cacheTags.nav, cacheTags.mostRead, cacheTags.redirects]);
  private readonly missing = new Set<string>();
  private fakeId = -1;

  private readonly people = new Map<string, { personId: number; userId: number | null; slug: string }>();
  private readonly sections = new Map<string, SectionRef>();
  private fallbackSection: SectionRef | null = null;
  private readonly tagIds = new Map<string, number>();
  private readonly media = new Map<number, ResolvedImage>();
  /** Top-level slugs in use (sections and pages), with who holds them. */
  private readonly topLevel = new Map<string, string>();
  /** Sub-section slugs per top-level section id: articles there must not take them. */
  private readonly subSlugs = new Map<number, Set<string>>();
  /** Article slugs claimed during this run, as `top/slug` (a dry run writes nothing to check against). */
  private readonly claimed = new Set<string>();

  constructor(
    private readonly catalog: Catalog,
    private readonly options: ImportOptions,
  ) {
    const zero = () => Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
    this.report = {
      dryRun: Boolean(options.dryRun), site: catalog.site, created: zero(), updated: zero(), skipped: [], commentsSkipped: catalog.counts.comments,
      folded: [], renamed: [], notes: [], notesTotal: 0, missingImages: [], missingImagesTotal: 0, rejectedImages: [], elapsedMs: 0,
    };
    for (const [type, count] of catalog.counts.otherTypes) this.skip(`post type "${type}" is not imported`, null, count);
  }

  private get dry(): boolean {
    return Boolean(this.options.dryRun);
  }

  private skip(reason: string, example: string | null, count = 1): void {
    const entry = this.skippedByReason.get(reason) ?? { count: 0, examples: [] };
    entry.count += count;
    if (example !== null && entry.examples.length < 5) entry.examples.push(example);
    this.skippedByReason.set(reason, entry);
  }

  private count(kind: Kind, created: boolean, n = 1): void {
    (created ? this.report.created : this.report.updated)[kind] += n;
  }

  private rename(kind: string, from: string, to: string): void {
    if (decodeSlug(from).toLowerCase() !== to && this.report.renamed.length < MAX_LISTED) this.report.renamed.push({ kind, from: decodeSlug(from), to });
  }

  /** Runs `work` in a transaction, or not at all in a dry run. */
  private async tx<T>(work: (tx: Tx) => Promise<T>, dryValue: T): Promise<T> {
    return this.dry ? dryValue : writeRetrying(work);
  }

  async run(): Promise<void> {
    await this.loadNamespace();
    await this.importAuthors();
    await this.importCategories();
    await this.importTags();
    await this.importMedia();
    await this.importItems();
    this.report.skipped = [...this.skippedByReason].map(([reason, v]) => ({ reason, ...v }));
    this.report.missingImagesTotal = this.missing.size;
    this.report.missingImages = [...this.missing].slice(0, MAX_LISTED);
    if (!this.dry) await invalidate(this.touched);
  }

  private async loadNamespace(): Promise<void> {
    const [tops, pages, subs] = await Promise.all([
      db().section.findMany({ where: { parentId: null }, select: { id: true, slug: true } }),
      db().page.findMany({ select: { id: true, slug: true } }),
      db().section.findMany({ where: { parentId: { not: null } }, select: { parentId: true, slug: true } }),
    ]);
    for (const s of tops) this.topLevel.set(s.slug, `section:${s.id}`);
    for (const p of pages) this.topLevel.set(p.slug, `page:${p.id}`);
    for (const s of subs) this.subSlugs.set(s.parentId!, (this.subSlugs.get(s.parentId!) ?? new Set()).add(s.slug));
  }

  /** A free top-level slug for `owner`, avoiding reserved words (DESIGN §4). */
  private topLevelSlug(base: string, owner: string, word: 'section' | 'page'): string {
    const fixed = topLevelSlugProblem(base) || TOP_LEVEL_EXTRA.has(base) ? slugify(`${base.startsWith('wp-') ? base.slice(3) : base}-${word}`) : base;
    const slug = firstFree(fixed, (s) => {
      const holder = this.topLevel.get(s);
      return holder !== undefined && holder !== owner;
    });
    this.topLevel.set(slug, owner);
    return slug;
  }

  private async writeRedirects(tx: Tx, redirects: Redirect[], livePaths: string[]): Promise<void> {
    redirects = redirects.filter((r) => !shadowsOwnRoute(r.from));
    // A reader who asked for one of these URLs before the import may hold a cached 404.
    for (const path of livePaths) this.touched.add(cacheTags.missing(path));
    if (livePaths.length) await tx.redirect.deleteMany({ where: { fromPath: { in: livePaths } } });
    const live = new Set(livePaths);
    const unique = new Map<string, string>();
    for (const r of redirects) if (r.from !== r.to && !live.has(r.from)) unique.set(r.from, r.to);
    if (!unique.size) return;
    const froms = [...unique.keys()];
    const existing = new Set((await tx.redirect.findMany({ where: { fromPath: { in: froms } }, select: { fromPath: true } })).map((r) => r.fromPath));
    await tx.redirect.deleteMany({ where: { fromPath: { in: froms } } });
    const now = new Date();
    await insertRows(tx, 'Redirect', [['fromPath', 'text'], ['toPath', 'text'], ['reason', 'text'], ['createdAt', 'date']], froms.map((from) => [from, unique.get(from)!, 'wordpress', now]));
    this.count('redirects', false, existing.size);
    this.count('redirects', true, froms.length - existing.size);
  }

  private countRedirectsDry(redirects: Redirect[]): void {
    this.count('redirects', true, new Set(redirects.filter((r) => r.from !== r.to && !shadowsOwnRoute(r.from)).map((r) => r.from)).size);
  }

  private async saveRedirects(redirects: Redirect[], livePaths: string[] = []): Promise<void> {
    if (this.dry) return this.countRedirectsDry(redirects);
    await writeRetrying((tx) => this.writeRedirects(tx, redirects, livePaths));
  }

  // ── Authors ────────────────────────────────────────────────────────────────

  private async importAuthors(): Promise<void> {
    const redirects: Redirect[] = [];
    for (const author of this.catalog.authors.values()) {
      const name = author.displayName || [author.firstName, author.lastName].filter(Boolean).join(' ') || author.login;
      const baseSlug = slugify(author.login) || slugify(name) || `author-${author.id ?? this.people.size + 1}`;
      const existing = author.id !== null ? await db().person.findUnique({ where: { legacyId: author.id }, select: { id: true, slug: true, userId: true } }) : null;
      const slug = existing?.slug ?? (await this.freePersonSlug(baseSlug));
      const email = /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(author.email) ? author.email.toLowerCase() : `${slug}@wordpress-import.invalid`;
      const ids = await this.tx<{ personId: number; userId: number | null; newUser: boolean }>(
        async (tx) => {
          // Staff accounts without a password: someone must invite or reset them before they can sign in.
          const known = await tx.user.findUnique({ where: { email }, select: { id: true } });
          const user = known ?? (await tx.user.create({ data: { email, name, role: 'author' }, select: { id: true } }));
          const linked = await tx.person.findUnique({ where: { userId: user.id }, select: { id: true } });
          const userId = !linked || linked.id === existing?.id ? user.id : null;
          const data = { name, slug, legacyId: author.id, userId: userId ?? existing?.userId ?? null };
          const person = existing
            ? await tx.person.update({ where: { id: existing.id }, data, select: { id: true } })
            : await tx.person.create({ data, select: { id: true } });
          return { personId: person.id, userId: user.id, newUser: !known };
        },
        { personId: existing?.id ?? this.fakeId--, userId: null, newUser: !existing },
      );
      this.count('people', !existing);
      if (ids.newUser) this.count('users', true);
      this.people.set(author.login, { personId: ids.personId, userId: ids.userId, slug });
      this.touched.add(cacheTags.author(ids.personId)).add(cacheTags.missing(`/author/${slug}`));
      redirects.push({ from: normalizePath(`/author/${author.login.toLowerCase().replace(/[^a-z0-9_.-]+/g, '-')}`), to: `/author/${slug}` });
      if (!existing) this.rename('author', author.login.toLowerCase(), slug);
    }
    await this.saveRedirects(redirects);
  }

  private async freePersonSlug(base: string): Promise<string> {
    const taken = new Set((await db().person.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((p) => p.slug));
    for (const p of this.people.values()) taken.add(p.slug);
    return firstFree(base, (s) => taken.has(s));
  }

  // ── Categories → sections (two levels, DESIGN §4) ────────────────────────

  private depthAndChain(term: WxrTerm): WxrTerm[] {
    const chain: WxrTerm[] = [term];
    let current = term;
    while (current.parent && chain.length < 20) {
      const parent = this.catalog.categories.get(current.parent);
      if (!parent || chain.includes(parent)) break;
      chain.unshift(parent);
      current = parent;
    }
    return chain;
  }

  private async importCategories(): Promise<void> {
    const redirects: Redirect[] = [];
    const terms = [...this.catalog.categories.values()].map((term) => ({ term, chain: this.depthAndChain(term) }));
    terms.sort((a, b) => a.chain.length - b.chain.length);
    let position = 0;
    for (const { term, chain } of terms) {
      const wpPath = chain.map((t) => decodeSlug(t.slug)).join('/');
      if (chain.length > 2) {
        const into = this.sections.get(chain[1]!.slug)!;
        this.sections.set(term.slug, into);
        this.report.folded.push({ category: wpPath, into: into.path });
      } else {
        const parent = chain.length === 2 ? this.sections.get(chain[0]!.slug)! : null;
        this.sections.set(term.slug, await this.saveSection(term, parent, position++));
      }
      redirects.push({ from: normalizePath(`/category/${chain.map((t) => t.slug).join('/')}`), to: this.sections.get(term.slug)!.path });
    }
    await this.saveRedirects(redirects, [...new Set([...this.sections.values()].map((s) => s.path))]);
  }

  private async saveSection(term: WxrTerm, parent: SectionRef | null, position: number): Promise<SectionRef> {
    const existing = term.termId !== null ? await db().section.findUnique({ where: { legacyId: term.termId }, select: { id: true, slug: true, parentId: true } }) : null;
    const name = plainText(term.name) || decodeSlug(term.slug);
    const base = ourSlug(term.slug, name, `section-${term.termId ?? position + 1}`);
    let slug: string;
    let adopt: { id: number } | null = null;
    if (!parent) {
      const owner = existing ? `section:${existing.id}` : `wp-category:${term.slug}`;
      if (!existing) {
        // A section the newsroom already made with this slug is the same section; adopt it.
        adopt = await db().section.findFirst({ where: { parentId: null, slug: base, legacyId: null }, select: { id: true } });
        if (adopt) this.topLevel.set(base, `section:${adopt.id}`);
      }
      slug = existing?.parentId === null ? existing.slug : this.topLevelSlug(base, adopt ? `section:${adopt.id}` : owner, 'section');
    } else {
      const siblings = this.subSlugs.get(parent.topId) ?? new Set<string>();
      slug = existing?.parentId === parent.id ? existing.slug : firstFree(base, (s) => siblings.has(s) || this.claimed.has(`${parent.topId}/${s}`));
      siblings.add(slug);
      this.subSlugs.set(parent.topId, siblings);
    }
    if (!existing) this.rename('category', term.slug, slug);
    const data = { slug, name: name.slice(0, 200), description: plainText(term.description) || null, parentId: parent?.id ?? null, position, legacyId: term.termId };
    const id = await this.tx(async (tx) => {
      const target = existing ?? adopt;
      if (target) return (await tx.section.update({ where: { id: target.id }, data, select: { id: true } })).id;
      return (await tx.section.create({ data, select: { id: true } })).id;
    }, existing?.id ?? adopt?.id ?? this.fakeId--);
    this.count('sections', !existing && !adopt);
    const path = parent ? `${parent.path}/${slug}` : `/${slug}`;
    this.touched.add(cacheTags.section(id)).add(cacheTags.missing(path));
    return { id, topId: parent?.topId ?? id, path, wpPath: parent ? `${parent.wpPath}/${decodeSlug(term.slug)}` : decodeSlug(term.slug) };
  }

  /** Posts without a category land in an "Uncategorized" section, as they did in WordPress. */
  private async defaultSection(): Promise<SectionRef> {
    if (this.fallbackSection) return this.fallbackSection;
    const known = this.sections.get('uncategorized');
    if (known) return (this.fallbackSection = known);
    this.fallbackSection = await this.saveSection({ termId: null, slug: 'uncategorized', name: 'Uncategorized', parent: '', description: '' }, null, this.sections.size);
    return this.fallbackSection;
  }

  // ── Tags ──────────────────────────────────────────────────────────────────

  private async importTags(): Promise<void> {
    const redirects: Redirect[] = [];
    const all = await db().tag.findMany({ select: { id: true, slug: true, legacyId: true } });
    const byLegacy = new Map(all.filter((t) => t.legacyId !== null).map((t) => [t.legacyId!, t]));
    const bySlug = new Map(all.map((t) => [t.slug, t]));
    const planned: { term: WxrTerm; targetId: number | null; data: { slug: string; name: string; description: string | null; legacyId: number | null } }[] = [];
    for (const term of this.catalog.tags.values()) {
      const existing = term.termId !== null ? byLegacy.get(term.termId) : undefined;
      const name = plainText(term.name) || decodeSlug(term.slug);
      const base = ourSlug(term.slug, name, `tag-${term.termId ?? planned.length + 1}`);
      // A tag the newsroom already has under this slug is the same tag.
      const sameSlug = bySlug.get(base);
      const adopt = !existing && sameSlug && sameSlug.legacyId === null ? sameSlug : undefined;
      const slug = existing?.slug ?? (adopt ? base : firstFree(base, (s) => bySlug.has(s)));
      const target = existing ?? adopt;
      if (!target) bySlug.set(slug, { id: 0, slug, legacyId: term.termId });
      if (!existing) this.rename('tag', term.slug, slug);
      planned.push({ term, targetId: target?.id ?? null, data: { slug, name: name.slice(0, 200), description: plainText(term.description) || null, legacyId: term.termId } });
      this.count('tags', !target);
      redirects.push({ from: normalizePath(`/tag/${term.slug}`), to: `/tag/${slug}` });
    }
    for (let i = 0; i < planned.length; i += 500) {
      const chunk = planned.slice(i, i + 500);
      const ids = await this.tx(
        async (tx) => {
          const out: number[] = [];
          for (const { targetId, data } of chunk) {
            const row = targetId !== null ? await tx.tag.update({ where: { id: targetId }, data, select: { id: true } }) : await tx.tag.create({ data, select: { id: true } });
            out.push(row.id);
          }
          return out;
        },
        chunk.map((p) => p.targetId ?? this.fakeId--),
      );
      chunk.forEach((p, j) => {
        this.tagIds.set(p.term.slug, ids[j]!);
        this.touched.add(cacheTags.tag(ids[j]!)).add(cacheTags.missing(`/tag/${p.data.slug}`));
      });
    }
    await this.saveRedirects(redirects);
  }

  // ── Attachments → media ───────────────────────────────────────────────────

  private async importMedia(): Promise<void> {
    const attachments = [...this.catalog.attachments.values()];
    const existing = new Map(
      (await db().media.findMany({ where: { legacyId: { in: attachments.map((a) => a.id) }, deletedAt: null }, select: { id: true, legacyId: true } })).map((m) => [m.legacyId!, m.id]),
    );
    const uploads = this.options.uploadsDir;
    let done = 0;
    for (const attachment of attachments) {
      this.options.onProgress?.({ phase: 'media', done: done++, total: attachments.length });
      const known = existing.get(attachment.id);
      const meta = { alt: attachment.alt.slice(0, 500), caption: attachment.caption ? plainText(attachment.caption).slice(0, 1000) : null, credit: attachment.credit.slice(0, 300) || null };
      if (!/\.(jpe?g|png|gif|webp|heic|heif|avif|tiff?)$/i.test(attachment.file || attachment.url)) {
        this.skip('attachment is not an image', attachment.file || attachment.url || `attachment ${attachment.id}`);
        continue;
      }
      if (known !== undefined) {
        // Imported before: keep the stored file, refresh the words around it.
        await this.tx((tx) => tx.media.update({ where: { id: known }, data: meta }), undefined);
        this.count('media', false);
        this.media.set(attachment.id, { mediaId: known, alt: meta.alt, caption: meta.caption, credit: meta.credit });
        continue;
      }
      if (!uploads) continue;
      const source = insideDir(uploads, attachment.file);
      if (!source) {
        this.report.rejectedImages.push({ file: attachment.file, reason: 'path leaves the uploads folder' });
        continue;
      }
      // Missing files are listed as missing where a post uses them.
      if (!(await stat(source).catch(() => null))?.isFile()) continue;
      if (this.dry) {
        this.count('media', true);
        this.media.set(attachment.id, { mediaId: this.fakeId--, ...meta, alt: meta.alt });
        continue;
      }
      try {
        // The same checks, metadata stripping and variants as an upload through the library.
        const prepared = await prepareMedia({ name: basename(attachment.file), bytes: await readFile(source), alt: meta.alt, caption: meta.caption ?? '', credit: meta.credit ?? '' });
        const id = await writeRetrying(async (tx) => (await tx.media.create({ data: { ...prepared.data, legacyId: attachment.id }, select: { id: true } })).id).catch(
          async (error: unknown) => {
            await discardPreparedMedia(prepared);
            throw error;
          },
        );
        this.count('media', true);
        this.media.set(attachment.id, { mediaId: id, alt: prepared.data.alt, caption: prepared.data.caption, credit: prepared.data.credit });
      } catch (error) {
        if (!(error instanceof MediaRejectedError)) throw error;
        if (this.report.rejectedImages.length < MAX_LISTED) this.report.rejectedImages.push({ file: attachment.file, reason: error.message });
      }
    }
  }

  /** The imported picture for a reference in content; a miss is listed once per file. */
  private resolveImage = (ref: ImageRef): ResolvedImage | null => {
    const id = ref.attachmentId ?? (ref.url ? this.catalog.attachmentByFile.get(uploadKey(ref.url)) : undefined);
    const found = id !== undefined ? this.media.get(id) : undefined;
    if (found) return found;
    const attachment = id !== undefined ? this.catalog.attachments.get(id) : undefined;
    this.missing.add(attachment?.file || ref.url || `attachment ${id}`);
    return null;
  };

  // ── Posts and pages ───────────────────────────────────────────────────────

  private async importItems(): Promise<void> {
    let batch: WxrItem[] = [];
    const flush = async () => {
      const posts = batch.filter((i) => i.type === 'post');
      const pages = batch.filter((i) => i.type === 'page');
      batch = [];
      if (posts.length) await this.savePosts(posts);
      if (pages.length) await this.savePages(pages);
    };
    for await (const event of readWxr(this.options.file, { onBytes: (done, total) => this.options.onProgress?.({ phase: 'import', done, total }) })) {
      if (event.kind !== 'item' || !CONTENT_TYPES.has(event.item.type)) continue;
      batch.push(event.item);
      if (batch.length >= BATCH) await flush();
    }
    await flush();
  }

  private label(item: WxrItem): string {
    return `${item.type} ${item.id} “${plainText(item.title).slice(0, 60) || '(untitled)'}”`;
  }

  private convert(item: WxrItem): { body: Body; words: number } | null {
    try {
      const { body, notes } = convertContent(item.content, { resolveImage: this.resolveImage });
      if (notes.length) {
        this.report.notesTotal++;
        if (this.report.notes.length < MAX_LISTED) this.report.notes.push({ item: this.label(item), notes });
      }
      return { body, words: countWords(bodyText(body)) };
    } catch (error) {
      if (!(error instanceof ConversionError)) throw error;
      this.skip(`content could not be converted (${error.message})`, this.label(item));
      return null;
    }
  }

  /**
   * Old URLs of a published post or page: its permalink and its old slugs. `?p=ID` and
   * `?page_id=ID` are answered by the front layer from `legacyId` (lib/front/redirects.ts); the
   * table keys on the path alone, so a query row would redirect the home page.
   */
  private oldPaths(item: WxrItem, categoryPath: string): string[] {
    const paths = new Set<string>();
    const structure = this.options.permalinks;
    const slugs = [item.slug, ...(item.meta.get('_wp_old_slug') ?? []).map((s) => s.trim()).filter(Boolean)];
    const author = item.creator.toLowerCase();
    for (const slug of slugs) {
      if (structure && item.type === 'post') paths.add(structurePath(structure, { id: item.id, slug, date: item.date, categoryPath, author }));
      else {
        const current = linkPath(item.link);
        if (!current) continue;
        // The export's <link> has the current slug; old slugs replace its last segment.
        const segments = current.split('/');
        if (slug !== item.slug) segments[segments.length - 1] = normalizePath(`/${slug}`).slice(1);
        paths.add(segments.join('/'));
      }
    }
    return [...paths];
  }

  /** Whether `item` is imported at all, and in which states; skipped items are recorded. */
  private gate(item: WxrItem): { state: NonNullable<ReturnType<typeof mapStatus>>; label: string } | null {
    const label = this.label(item);
    if (SKIPPED_STATUSES[item.status]) {
      this.skip(`${SKIPPED_STATUSES[item.status]}`, label);
      return null;
    }
    const state = mapStatus(item.status);
    if (!state) {
      this.skip(`unknown status "${item.status}"`, label);
      return null;
    }
    return { state, label };
  }

  private async savePosts(items: WxrItem[]): Promise<void> {
    const prepared: PreparedArticle[] = [];
    for (const item of items) {
      const gate = this.gate(item);
      if (!gate) continue;
      const converted = this.convert(item);
      if (!converted) continue;
      const categories = item.terms.filter((t) => t.domain === 'category').map((t) => this.sections.get(t.slug)).filter((s): s is SectionRef => s !== undefined);
      const primary = categories[0] ?? (await this.defaultSection());
      const headline = plainText(item.title) || `Untitled (WordPress ${item.id})`;
      const date = wpDate(item.dateGmt, item.date) ?? new Date();
      const thumbnail = Number(item.meta.get('_thumbnail_id')?.[0] ?? NaN);
      const hero = Number.isInteger(thumbnail) ? this.media.get(thumbnail) : undefined;
      if (Number.isInteger(thumbnail) && !hero) {
        const attachment = this.catalog.attachments.get(thumbnail);
        this.missing.add(attachment?.file || attachment?.url || `attachment ${thumbnail}`);
      }
      const author = this.people.get(item.creator);
      const live = gate.state.publicationState === 'published';
      prepared.push({
        item,
        label: gate.label,
        slugBase: ourSlug(item.slug, headline, `story-${item.id}`),
        data: {
          headline,
          standfirst: plainText(item.excerpt),
          body: converted.body,
          primarySectionId: primary.id,
          topSectionId: primary.topId,
          heroImageId: hero?.mediaId ?? null,
          heroAlt: hero ? hero.alt : null,
          heroCaption: hero?.caption ?? null,
          heroCredit: hero?.credit ?? null,
          ...gate.state,
          publishedAt: live ? date : null,
          firstPublishedAt: live ? date : null,
          scheduledAt: gate.state.publicationState === 'scheduled' ? date : null,
          contentUpdatedAt: wpDate(item.modifiedGmt, '') ?? date,
          createdAt: date,
          wordCount: converted.words,
          readingMinutes: readingMinutes(converted.words),
          createdById: author?.userId ?? null,
          legacyId: item.id,
        },
        secondarySectionIds: [...new Set(categories.map((c) => c.id))].filter((id) => id !== primary.id),
        tagIds: [...new Set(item.terms.filter((t) => t.domain === 'post_tag').map((t) => this.tagIds.get(t.slug)).filter((id): id is number => id !== undefined))],
        personId: author?.personId ?? null,
        oldPaths: live ? this.oldPaths(item, primary.wpPath) : [],
      });
    }
    if (prepared.length) await this.writePosts(prepared);
  }

  private async writePosts(prepared: PreparedArticle[]): Promise<void> {
    const existing = new Map(
      (
        await db().article.findMany({
          where: { legacyId: { in: prepared.map((p) => p.data.legacyId) } },
          select: { id: true, legacyId: true, topSectionId: true, slug: true, version: true },
        })
      ).map((a) => [a.legacyId!, a]),
    );
    // Articles changed in the newsroom since they were imported keep the newsroom's version.
    const todo = prepared.filter((p) => {
      const row = existing.get(p.data.legacyId);
      if (row && row.version > 1) {
        this.skip('edited in Broadsheet since the last import (left as it is)', p.label);
        return false;
      }
      return true;
    });
    const slugs = await this.resolveSlugs(todo, existing);
    const run = async (tx: Tx) => {
      const ids = new Map<number, number>();
      const creates = todo.filter((p) => !existing.has(p.data.legacyId));
      const now = new Date();
      const values = (p: PreparedArticle) => ARTICLE_COLUMNS.map(([name]) => (name === 'slug' ? slugs.get(p.data.legacyId)! : name === 'updatedAt' ? now : p.data[name]));
      const rows = await insertRows<{ id: number; legacyId: number }>(tx, 'Article', ARTICLE_COLUMNS, creates.map(values), ['id', 'legacyId']);
      for (const row of rows) ids.set(Number(row.legacyId), Number(row.id));
      for (const p of todo) {
        const row = existing.get(p.data.legacyId);
        if (!row) continue;
        // The row and its id stay; its content follows WordPress again.
        await updateRow(tx, 'Article', row.id, ARTICLE_COLUMNS, values(p));
        ids.set(p.data.legacyId, row.id);
      }
      const updatedIds = todo.filter((p) => existing.has(p.data.legacyId)).map((p) => ids.get(p.data.legacyId)!);
      if (updatedIds.length) {
        const where = { articleId: { in: updatedIds } };
        await Promise.all([tx.articleSection.deleteMany({ where }), tx.articleTag.deleteMany({ where }), tx.articleByline.deleteMany({ where })]);
      }
      // Listings read publishedAt from the join rows (null while not live).
      const id = (p: PreparedArticle) => ids.get(p.data.legacyId)!;
      await insertRows(tx, 'ArticleSection', [['articleId', 'int'], ['sectionId', 'int'], ['publishedAt', 'date']], todo.flatMap((p) => p.secondarySectionIds.map((sectionId) => [id(p), sectionId, p.data.publishedAt])));
      await insertRows(tx, 'ArticleTag', [['articleId', 'int'], ['tagId', 'int'], ['publishedAt', 'date']], todo.flatMap((p) => p.tagIds.map((tagId) => [id(p), tagId, p.data.publishedAt])));
      await insertRows(
        tx,
        'ArticleByline',
        [['articleId', 'int'], ['personId', 'int'], ['position', 'int'], ['publishedAt', 'date']],
        todo.filter((p) => p.personId !== null).map((p) => [id(p), p.personId, 0, p.data.publishedAt]),
      );
      const paths = new Map(todo.map((p) => [p.data.legacyId, `${this.sectionPath(p.data.topSectionId)}/${slugs.get(p.data.legacyId)}`]));
      await this.writeRedirects(
        tx,
        todo.flatMap((p) => p.oldPaths.map((from) => ({ from, to: paths.get(p.data.legacyId)! }))),
        todo.filter((p) => p.data.publishedAt).map((p) => paths.get(p.data.legacyId)!),
      );
      return ids;
    };
    if (this.dry) this.countRedirectsDry(todo.flatMap((p) => p.oldPaths.map((from) => ({ from, to: '' }))));
    const ids = await this.tx((tx) => withSearchIndexedOnce(tx, () => run(tx), (result) => [...result.values()]), new Map<number, number>());
    for (const p of todo) {
      this.count('articles', !existing.has(p.data.legacyId));
      const id = ids.get(p.data.legacyId);
      if (id !== undefined) this.touched.add(cacheTags.article(id));
    }
  }

  private sectionPath(topId: number): string {
    for (const ref of this.sections.values()) if (ref.id === topId) return ref.path;
    return this.fallbackSection?.path ?? '';
  }

  /**
   * Slugs unique within each top-level section and distinct from its sub-sections (DESIGN §4).
   * An article keeps the slug it was given by an earlier import when that still fits.
   */
  private async resolveSlugs(prepared: PreparedArticle[], existing: Map<number, { id: number; topSectionId: number; slug: string }>): Promise<Map<number, string>> {
    // Exact slugs only, so the unique (topSectionId, slug) index answers; a clash looks further.
    const lookup = async (slugs: string[]) => {
      const rows = await db().article.findMany({ where: { slug: { in: slugs } }, select: { id: true, topSectionId: true, slug: true } });
      for (const r of rows) takenBy.set(`${r.topSectionId}/${r.slug}`, r.id);
    };
    const takenBy = new Map<string, number>();
    const bases = [...new Set(prepared.map((p) => p.slugBase))];
    await lookup(bases);
    const clashing = bases.filter((base) => [...takenBy.keys()].some((key) => key.endsWith(`/${base}`)));
    if (clashing.length) await lookup(clashing.flatMap((base) => Array.from({ length: 20 }, (_, n) => withSuffix(base, n + 2))));
    const result = new Map<number, string>();
    for (const p of prepared) {
      const top = p.data.topSectionId;
      const self = existing.get(p.data.legacyId);
      const taken = (slug: string) => {
        const key = `${top}/${slug}`;
        const holder = takenBy.get(key);
        if (holder !== undefined && holder !== self?.id) return true;
        return this.subSlugs.get(top)?.has(slug) || (this.claimed.has(key) && !(self && self.topSectionId === top && self.slug === slug));
      };
      const slug = self && self.topSectionId === top && self.slug.startsWith(p.slugBase) && !taken(self.slug) ? self.slug : firstFree(p.slugBase, taken);
      this.claimed.add(`${top}/${slug}`);
      result.set(p.data.legacyId, slug);
      if (!self && slug !== p.slugBase) this.rename('article', p.slugBase, slug);
      else if (!self) this.rename('article', p.item.slug || p.slugBase, slug);
    }
    return result;
  }

  private async savePages(items: WxrItem[]): Promise<void> {
    const planned: { existingId: number | null; data: Prisma.PageUncheckedCreateInput; redirects: Redirect[]; live: string | null }[] = [];
    const existing = new Map(
      (await db().page.findMany({ where: { legacyId: { in: items.map((i) => i.id) } }, select: { id: true, slug: true, legacyId: true } })).map((p) => [p.legacyId!, p]),
    );
    for (const item of items) {
      const gate = this.gate(item);
      if (!gate) continue;
      const converted = this.convert(item);
      if (!converted) continue;
      const row = existing.get(item.id);
      const title = plainText(item.title) || `Untitled (WordPress ${item.id})`;
      const owner = row ? `page:${row.id}` : `wp-page:${item.id}`;
      const slug = row && this.topLevel.get(row.slug) === owner ? row.slug : this.topLevelSlug(ourSlug(item.slug, title, `page-${item.id}`), owner, 'page');
      if (!row) this.rename('page', item.slug, slug);
      const published = gate.state.publicationState === 'published';
      planned.push({
        existingId: row?.id ?? null,
        // Imported pages stay out of the footer until an editor chooses them.
        data: { slug, title, body: converted.body as object, published, showInFooter: false, position: item.menuOrder, legacyId: item.id },
        redirects: published ? this.oldPaths(item, '').map((from) => ({ from, to: `/${slug}` })) : [],
        live: published ? `/${slug}` : null,
      });
    }
    if (!planned.length) return;
    const redirects = planned.flatMap((p) => p.redirects);
    if (this.dry) this.countRedirectsDry(redirects);
    const ids = await this.tx(
      async (tx) => {
        const out: number[] = [];
        for (const { existingId, data } of planned) {
          const row = existingId !== null ? await tx.page.update({ where: { id: existingId }, data, select: { id: true } }) : await tx.page.create({ data, select: { id: true } });
          out.push(row.id);
        }
        await this.writeRedirects(tx, redirects, planned.flatMap((p) => (p.live ? [p.live] : [])));
        return out;
      },
      planned.map((p) => p.existingId ?? this.fakeId--),
    );
    planned.forEach((p, i) => {
      this.topLevel.set(p.data.slug, `page:${ids[i]}`);
      this.count('pages', p.existingId === null);
      this.touched.add(cacheTags.page(ids[i]!));
    });
  }
}

/**
 * Imports a WordPress export. Throws WxrSyntaxError (malformed XML, with line and column) or
 * WxrValidationError (not importable) before anything is written.
 */
export async function importWordPress(options: ImportOptions): Promise<ImportReport> {
  const started = performance.now();
  if (options.permalinks) {
    const problem = structureProblem(options.permalinks);
    if (problem) throw new RangeError(`--permalinks ${problem} (got "${options.permalinks}")`);
  }
  const catalog = await scanExport(options.file, (done, total) => options.onProgress?.({ phase: 'validate', done, total }));
  const importer = new Importer(catalog, options);
  await importer.run();
  const { report } = importer;
  report.elapsedMs = Math.round(performance.now() - started);
  if (!report.dryRun) {
    // One entry for the whole run: the newsroom changed, though no one in it did it.
    const counts = (byKind: Record<Kind, number>) => Object.entries(byKind).filter(([, n]) => n > 0).map(([kind, n]) => `${n} ${kind}`).join(', ') || 'nothing';
    await writeRetrying((tx) =>
      audit(tx, { userId: null, action: 'import.wordpress', entityType: 'import', summary: `Imported “${report.site.title || basename(options.file)}” from WordPress: created ${counts(report.created)}; updated ${counts(report.updated)}`, after: { created: report.created, updated: report.updated } }),
    );
  }
  return report;
}
