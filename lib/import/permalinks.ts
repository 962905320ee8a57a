/**
 * Old WordPress URLs, as paths the redirect table stores (DESIGN §4): leading slash, no trailing
 * slash, percent-encoding in the form browsers send (uppercase hex). The front layer normalises
 * them again when it loads the table (lib/front/normalise.ts).
 */

/** `path` in the redirect table's form. */
export function normalizePath(path: string): string {
  const [rawPath = '', query = ''] = path.split('?', 2);
  let decoded = rawPath;
  try {
    decoded = decodeURI(rawPath);
  } catch {
    // Not valid percent-encoding: keep it as it came.
  }
  let out = encodeURI(decoded).replace(/\/{2,}/g, '/').replace(/\/+$/, '');
  if (!out.startsWith('/')) out = `/${out}`;
  return query ? `${out === '/' ? '/' : out}?${query}` : out;
}

/** The path of an absolute export link (`<link>`), or null when it has none worth redirecting. */
export function linkPath(link: string): string | null {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return null;
  }
  const id = url.searchParams.get('p') ?? url.searchParams.get('page_id');
  if (id) return null; // the front layer answers ?p= and ?page_id= from legacyId
  const path = normalizePath(url.pathname);
  return path === '/' ? null : path;
}

export interface PermalinkPost {
  id: number;
  slug: string;
  /** Local publication time as WordPress wrote it: `YYYY-MM-DD HH:MM:SS`. */
  date: string;
  /** Slug path of the primary category, parent first (`news/local`). */
  categoryPath: string;
  author: string;
}

const TOKEN = /%(year|monthnum|day|hour|minute|second|postname|post_id|category|author)%/g;

/** Checks a `--permalinks` structure; returns a problem or null. */
export function structureProblem(structure: string): string | null {
  if (!structure.startsWith('/')) return 'must start with /';
  const tokens = [...structure.matchAll(TOKEN)].map((m) => m[1]);
  const unknown = structure.replace(TOKEN, '').match(/%[a-z_]+%/);
  if (unknown) return `unknown tag ${unknown[0]}`;
  if (!tokens.includes('postname') && !tokens.includes('post_id')) return 'must contain %postname% or %post_id%';
  return null;
}

/** The old URL of `post` under a permalink structure such as `/%year%/%monthnum%/%postname%/`. */
export function structurePath(structure: string, post: PermalinkPost): string {
  const [, y = '', mo = '', d = '', h = '', mi = '', s = ''] = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})/.exec(post.date) ?? [];
  const values: Record<string, string> = {
    year: y, monthnum: mo, day: d, hour: h, minute: mi, second: s,
    postname: post.slug, post_id: String(post.id), category: post.categoryPath, author: post.author,
  };
  return normalizePath(structure.replace(TOKEN, (_, token: string) => values[token] ?? ''));
}
