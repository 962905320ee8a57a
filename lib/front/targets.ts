/**
 * What the front layer derives from a request target (`/World//News?page=2&utm_source=x`) before
 * it can look in the cache: whether the path is readable, its normalised form and whether it could
 * be a WordPress address. A site answers the same few thousand targets over and over, so each is
 * worked out once and remembered (ADR 028); a crawler's stream of new targets only costs what it
 * cost before, as the memory is bounded and starts afresh when full.
 */
import { boundedMemo } from '../bounded-memo';
import { normaliseUrl, readablePath, type NormalisedUrl } from './normalise';

export interface RequestTarget {
  /** The path as sent, before normalisation. */
  rawPath: string;
  /** The query as sent, without its `?` ('' when none). */
  rawQuery: string;
  /** False for percent-encoding that is not UTF-8 or control characters: a 400 (see readablePath). */
  readable: boolean;
  url: Readonly<NormalisedUrl>;
  /** Could be an old WordPress address, to be looked up before anything is served (redirects.ts). */
  wordPress: boolean;
}

const DEFAULT_MAX_TARGETS = 10_000;

export class RequestTargets {
  readonly get: (rawUrl: string) => RequestTarget;

  constructor(maxTargets = DEFAULT_MAX_TARGETS) {
    this.get = boundedMemo(maxTargets, (rawUrl: string) => Object.freeze(describe(rawUrl)));
  }
}

function describe(rawUrl: string): RequestTarget {
  const queryStart = rawUrl.indexOf('?');
  const rawPath = queryStart === -1 ? rawUrl : rawUrl.slice(0, queryStart);
  const rawQuery = queryStart === -1 ? '' : rawUrl.slice(queryStart + 1);
  const url = Object.freeze(normaliseUrl(rawUrl));
  return { rawPath, rawQuery, readable: readablePath(rawPath), url, wordPress: looksLikeWordPress(url.path, new URLSearchParams(rawQuery)) };
}

/** A WordPress permalink: /2024/05/slug or /2024/05/17/slug. */
export const WP_DATED = /^\/(\d{4})\/(\d{2})\/(?:(\d{2})\/)?([^/]+)$/;

/** Whether `path`/`search` could be a WordPress URL at all (cheap check before any query). */
export function looksLikeWordPress(path: string, search: URLSearchParams): boolean {
  if (path === '/') return search.has('p') || search.has('page_id') || search.has('cat');
  return path === '/feed' || path.endsWith('/feed') || path.startsWith('/category/') || WP_DATED.test(path);
}
