/**
 * Which requests are a reader's, and which of those a stored page may answer without asking
 * anything else. Shared by the front layer and the hit worker (ADR 029), so this module must stay
 * free of the database and of Next.
 */
import { readdirSync, statSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { SECURE_SESSION_COOKIE, SESSION_COOKIE } from '../session-cookie';
import type { RequestTarget } from './targets';

/** Paths Next serves itself: the newsroom, APIs, build assets, media. */
const PASS_THROUGH = /^\/(?:_next|admin|api|media)(?:\/|$)/;
const RSC_HEADERS = ['rsc', 'next-router-state-tree', 'next-router-prefetch', 'next-router-segment-prefetch', 'next-action', 'next-url'];
const SESSION_COOKIE_PATTERN = new RegExp(`(?:^|;\\s*)(?:${[SESSION_COOKIE, SECURE_SESSION_COOKIE].map((n) => n.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')).join('|')})=`);

/** Every file under `dir`, as the paths a request would name them by (`/robots.txt`, `/icons/a.png`). */
export function publicFiles(dir: string, prefix = ''): Set<string> {
  const found = new Set<string>();
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return found;
  }
  for (const name of entries) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) for (const inner of publicFiles(full, `${prefix}/${name}`)) found.add(inner);
    else found.add(`${prefix}/${name}`);
  }
  return found;
}

export function hasSessionCookie(cookieHeader: string | undefined): boolean {
  return !!cookieHeader && SESSION_COOKIE_PATTERN.test(cookieHeader);
}

function isRscRequest(req: IncomingMessage, rawQuery: string): boolean {
  return RSC_HEADERS.some((name) => req.headers[name] !== undefined) || /(?:^|&)_rsc=/.test(rawQuery);
}

/** A GET or HEAD of a reader page, feed or sitemap: not the newsroom, an API, a file or Next's own. */
export function isReaderRequest(req: IncomingMessage, target: RequestTarget, files: ReadonlySet<string>): boolean {
  return (req.method === 'GET' || req.method === 'HEAD') && !PASS_THROUGH.test(target.rawPath) && !files.has(target.rawPath) && !isRscRequest(req, target.rawQuery);
}

/**
 * Whether a stored page may answer this reader request as it stands: the address needs no
 * redirect or lookup first, and nothing about the reader (a session, a preview) makes the page
 * personal. The redirect table is the caller's to consult.
 */
export function mayServeStored(req: IncomingMessage, target: RequestTarget): boolean {
  const { url } = target;
  return target.readable && url.redirect === undefined && !target.wordPress && !url.path.startsWith('/preview/') && !hasSessionCookie(req.headers.cookie);
}
