/**
 * The first pass over an export (DESIGN §8.18): reads the whole file, checks it is well-formed
 * XML and a usable WordPress export, and keeps what the second pass needs before it meets the
 * posts — authors, categories, tags, attachments and the page tree. Nothing is written.
 */
import { readWxr, type WxrAuthor, type WxrTerm } from './wxr';

export interface Attachment {
  id: number;
  url: string;
  /** Path relative to wp-content/uploads (`2024/05/harbour.jpg`). */
  file: string;
  title: string;
  alt: string;
  caption: string;
  credit: string;
}

export interface Catalog {
  site: { title: string; link: string; language: string; wxrVersion: string; baseSiteUrl: string; baseBlogUrl: string };
  authors: Map<string, WxrAuthor>;
  /** By slug, in export order. */
  categories: Map<string, WxrTerm>;
  tags: Map<string, WxrTerm>;
  attachments: Map<number, Attachment>;
  /** Upload-relative path (size suffix removed) → attachment id, to match `<img src>`. */
  attachmentByFile: Map<string, number>;
  /** Page id → slug and parent, for nested page paths. */
  pages: Map<number, { slug: string; parent: number }>;
  counts: { items: number; posts: number; pages: number; attachments: number; comments: number; otherTypes: Map<string, number> };
}

export interface Problem {
  line: number;
  message: string;
}

/** The export is well-formed XML but not importable; nothing was written. */
export class WxrValidationError extends Error {
  constructor(readonly problems: Problem[]) {
    super(`The export cannot be imported:\n${problems.map((p) => `  line ${p.line}: ${p.message}`).join('\n')}`);
    this.name = 'WxrValidationError';
  }
}

const MAX_PROBLEMS = 50;
export const CONTENT_TYPES = new Set(['post', 'page']);
const DATE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

/** `2024/05/harbour-300x200.jpg` and `…/harbour-scaled.jpg` both name `2024/05/harbour.jpg`. */
export function uploadKey(pathOrUrl: string): string {
  let path = pathOrUrl;
  try {
    path = new URL(pathOrUrl).pathname;
  } catch {
    // Already a path.
  }
  try {
    path = decodeURI(path);
  } catch {
    // Keep as written.
  }
  const afterUploads = path.split('/uploads/').at(-1)!;
  return afterUploads.replace(/^\/+/, '').replace(/-(\d+x\d+|scaled|rotated)(?=\.[a-z0-9]+$)/i, '').toLowerCase();
}

/** A credit from WordPress's serialised attachment metadata (`image_meta` → `credit`). */
function creditFrom(serialised: string | undefined): string {
  const match = serialised ? /s:6:"credit";s:\d+:"([^"]*)"/.exec(serialised) : null;
  return match?.[1]?.trim() ?? '';
}

export async function scanExport(file: string, onBytes?: (read: number, total: number) => void): Promise<Catalog> {
  const catalog: Catalog = {
    site: { title: '', link: '', language: '', wxrVersion: '', baseSiteUrl: '', baseBlogUrl: '' },
    authors: new Map(),
    categories: new Map(),
    tags: new Map(),
    attachments: new Map(),
    attachmentByFile: new Map(),
    pages: new Map(),
    counts: { items: 0, posts: 0, pages: 0, attachments: 0, comments: 0, otherTypes: new Map() },
  };
  const problems: Problem[] = [];
  const problem = (line: number, message: string) => {
    if (problems.length < MAX_PROBLEMS) problems.push({ line, message });
  };
  const seenIds = new Map<number, number>();
  const channelKeys: Record<string, keyof Catalog['site']> = {
    title: 'title', link: 'link', language: 'language', 'wp:wxr_version': 'wxrVersion', 'wp:base_site_url': 'baseSiteUrl', 'wp:base_blog_url': 'baseBlogUrl',
  };

  for await (const event of readWxr(file, { onBytes })) {
    switch (event.kind) {
      case 'channel':
        catalog.site[channelKeys[event.field]!] = event.value;
        break;
      case 'author':
        if (!event.author.login) problem(event.line, 'an author has no wp:author_login');
        else catalog.authors.set(event.author.login, event.author);
        break;
      case 'category':
      case 'tag': {
        const target = event.kind === 'category' ? catalog.categories : catalog.tags;
        if (!event.term.slug) problem(event.line, `a ${event.kind} has no slug`);
        else target.set(event.term.slug, event.term);
        break;
      }
      case 'item': {
        const { item } = event;
        catalog.counts.items++;
        if (!/^\s*\d+\s*$/.test(event.rawId) || item.id <= 0) {
          problem(item.line, `item "${item.title.slice(0, 60)}" has no valid wp:post_id (got "${event.rawId.trim()}")`);
          break;
        }
        const earlier = seenIds.get(item.id);
        if (earlier !== undefined) problem(item.line, `wp:post_id ${item.id} is used twice (first on line ${earlier})`);
        seenIds.set(item.id, item.line);
        if (!item.type) problem(item.line, `item ${item.id} has no wp:post_type`);
        if (item.type === 'attachment') {
          catalog.counts.attachments++;
          const meta = (key: string) => item.meta.get(key)?.[0] ?? '';
          const fileName = meta('_wp_attached_file') || (item.attachmentUrl ? uploadKey(item.attachmentUrl) : '');
          const attachment: Attachment = {
            id: item.id, url: item.attachmentUrl, file: fileName, title: item.title.trim(), alt: meta('_wp_attachment_image_alt').trim(),
            caption: item.excerpt.trim(), credit: creditFrom(meta('_wp_attachment_metadata')),
          };
          catalog.attachments.set(item.id, attachment);
          if (fileName) catalog.attachmentByFile.set(uploadKey(fileName), item.id);
          break;
        }
        if (!CONTENT_TYPES.has(item.type)) {
          catalog.counts.otherTypes.set(item.type, (catalog.counts.otherTypes.get(item.type) ?? 0) + 1);
          break;
        }
        if (item.type === 'post') catalog.counts.posts++;
        else {
          catalog.counts.pages++;
          catalog.pages.set(item.id, { slug: item.slug, parent: item.parent });
        }
        catalog.counts.comments += item.comments;
        if (!item.status) problem(item.line, `${item.type} ${item.id} has no wp:status`);
        if (!DATE.test(item.date) && !DATE.test(item.dateGmt)) problem(item.line, `${item.type} ${item.id} has no valid wp:post_date (got "${item.date}")`);
        if (item.creator && !catalog.authors.has(item.creator)) {
          // Exports of a single author's posts can omit the author list; keep the login.
          catalog.authors.set(item.creator, { id: null, login: item.creator, email: '', displayName: item.creator, firstName: '', lastName: '' });
        }
        for (const term of item.terms) {
          const target = term.domain === 'category' ? catalog.categories : term.domain === 'post_tag' ? catalog.tags : null;
          if (target && term.slug && !target.has(term.slug)) target.set(term.slug, { termId: null, slug: term.slug, name: term.name || term.slug, parent: '', description: '' });
        }
      }
    }
  }
  if (!catalog.site.wxrVersion) problem(1, 'this is not a WordPress export (no wp:wxr_version in the channel)');
  if (problems.length) throw new WxrValidationError(problems);
  return catalog;
}
