/**
 * URL normalisation for reader requests (DESIGN §2.1, §8.14): one canonical spelling per page, so
 * the cache holds one copy and search engines see one URL.
 */

/** Query parameters that change what a reader page shows; every other one is ignored. */
export const ALLOWED_PARAMS = ['page', 'q', 'section', 'tag', 'author', 'from', 'to', 'sort', 'type'] as const;
const allowed = new Set<string>(ALLOWED_PARAMS);

export interface NormalisedUrl {
  /** Canonical path: lower case, no duplicate or trailing slash, percent-encoding in one form. */
  path: string;
  /** The allowlisted parameters, sorted, as a query string with its `?` (or ''). */
  query: string;
  /** Cache key and the URL handed to Next: `path + query`. */
  key: string;
  /** Set when the request spelled the URL differently: where to send it (keeps every parameter). */
  redirect?: string;
}

function canonicalSegment(segment: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    // A malformed escape cannot name any page of ours; keep it as sent and let it 404.
    return segment;
  }
  return encodeURIComponent(decoded.toLowerCase());
}

/**
 * False when `path` cannot name anything of ours: percent-encoding that is not UTF-8
 * (`%E0%A4%A`, `%ZZ`, `%C0%AF`), which Next answers with a 500 while routing, or a control
 * character once decoded (`%00`), which PostgreSQL refuses in a query. They are a 400.
 */
export function readablePath(path: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    return false;
  }
  return !/[\u0000-\u001F\u007F]/.test(decoded);
}

/** Normalises `rawUrl` (a request target such as `/World//News/?page=2&utm_source=x`). */
export function normaliseUrl(rawUrl: string): NormalisedUrl {
  const queryStart = rawUrl.indexOf('?');
  const rawPath = queryStart === -1 ? rawUrl : rawUrl.slice(0, queryStart);
  const rawQuery = queryStart === -1 ? '' : rawUrl.slice(queryStart + 1);

  const segments = rawPath.split('/').filter((s) => s !== '');
  const path = '/' + segments.map(canonicalSegment).join('/');

  const params = new URLSearchParams(rawQuery);
  const kept: [string, string][] = [];
  for (const [name, value] of params) if (allowed.has(name)) kept.push([name, value]);
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

  // Page 1 has no parameter (DESIGN §4): ?page=1 redirects to the bare URL.
  const pageOne = kept.some(([name, value]) => name === 'page' && value === '1');
  const canonicalParams = pageOne ? kept.filter(([name]) => name !== 'page') : kept;
  const query = canonicalParams.length ? '?' + new URLSearchParams(canonicalParams).toString() : '';

  const result: NormalisedUrl = { path, query, key: path + query };
  if (path !== rawPath || pageOne) {
    const rest = new URLSearchParams(rawQuery);
    if (pageOne) rest.delete('page', '1');
    const restQuery = rest.toString();
    result.redirect = path + (restQuery ? `?${restQuery}` : '');
  }
  return result;
}
