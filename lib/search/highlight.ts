/**
 * Highlighted snippets, computed in JavaScript from the article text so both databases show the
 * same thing. A snippet is a list of plain-text segments; the page renders matches as <mark> and
 * React escapes every segment, so an article body can never inject markup through a snippet.
 */
import { isThai, type ParsedQuery, type Term } from './query';

export interface Segment {
  text: string;
  match: boolean;
}

/** How many characters of context a snippet shows. */
const SNIPPET_CHARS = 220;

/**
 * Folds text the way the indexes do (lower case, accents removed), keeping for every folded
 * UTF-16 unit the offset of the original character it came from.
 */
function fold(text: string): { folded: string; origin: (index: number) => number } {
  // Most text is ASCII, where lower-casing keeps every offset; normalising character by character
  // cost 18 ms per page of ten search results with long bodies.
  if (ASCII.test(text)) return { folded: text.toLowerCase(), origin: (index) => index };
  let folded = '';
  const origin: number[] = [];
  let offset = 0;
  for (const char of text) {
    const f = char < '\x80' ? char.toLowerCase() : char.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    for (let i = 0; i < f.length; i++) origin.push(offset);
    folded += f;
    offset += char.length;
  }
  origin.push(offset);
  return { folded, origin: (index) => origin[index]! };
}

const ASCII = /^[\x00-\x7f]*$/;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function termPattern(term: Term): string {
  const words = term.words.map((w) => escapeRegExp(fold(w).folded)).filter(Boolean);
  if (words.length === 0) return '';
  // Thai is matched as a substring (the index stores it one character per token).
  if (term.words.some(isThai)) return words.join('[^\\p{L}\\p{N}]*');
  const body = words.join('[^\\p{L}\\p{N}]+');
  return `(?<![\\p{L}\\p{N}])${body}${term.prefix ? '[\\p{L}\\p{N}]*' : '(?![\\p{L}\\p{N}])'}`;
}

/** A matcher for the query's included terms, or null when nothing can be highlighted. */
export function matcher(query: ParsedQuery): RegExp | null {
  const patterns = query.include.map(termPattern).filter(Boolean);
  return patterns.length > 0 ? new RegExp(patterns.join('|'), 'gu') : null;
}

/** Ranges [start, end) of `text` that match, those starting before `until` and at most `max` of them. */
function ranges(text: string, pattern: RegExp | null, { until = Infinity, max = Infinity } = {}): [number, number][] {
  if (!pattern) return [];
  const { folded, origin } = fold(text);
  const out: [number, number][] = [];
  for (const m of folded.matchAll(pattern)) {
    if (m[0].length === 0) continue;
    const start = origin(m.index);
    if (start >= until || out.length >= max) break;
    out.push([start, origin(m.index + m[0].length)]);
  }
  return out;
}

function segments(text: string, found: [number, number][], from: number, to: number): Segment[] {
  const out: Segment[] = [];
  let at = from;
  for (const [start, end] of found) {
    if (end <= from || start >= to) continue;
    const s = Math.max(start, from);
    const e = Math.min(end, to);
    if (s > at) out.push({ text: text.slice(at, s), match: false });
    if (e > s) out.push({ text: text.slice(s, e), match: true });
    at = Math.max(at, e);
  }
  if (at < to) out.push({ text: text.slice(at, to), match: false });
  return out;
}

/** The whole of a short text (a headline) with its matches marked. */
export function highlight(text: string, pattern: RegExp | null): Segment[] {
  return segments(text, ranges(text, pattern), 0, text.length);
}

/** Moves `index` back to a word boundary so a snippet does not start or end mid-word. */
function wordStart(text: string, index: number): number {
  const space = text.lastIndexOf(' ', index);
  return space === -1 || index - space > 30 ? index : space + 1;
}

/**
 * A window of the body around its first match (or the standfirst's, or the body's opening when
 * only the headline matched), with ellipses where text was cut.
 */
export function snippet(texts: { standfirst: string; body: string }, pattern: RegExp | null): Segment[] {
  const candidates = [texts.body, texts.standfirst].map((t) => t.replace(/\s+/g, ' ').trim());
  // The first match places the window; only matches before its end are marked (a long body with
  // a common word has hundreds).
  const withMatch = candidates.map((t) => ({ text: t, first: ranges(t, pattern, { max: 1 })[0]?.[0] })).find((c) => c.first !== undefined);
  const text = withMatch?.text ?? candidates.find(Boolean) ?? '';
  const marked = (until: number) => (withMatch ? ranges(text, pattern, { until }) : []);
  if (text.length <= SNIPPET_CHARS) return segments(text, marked(text.length), 0, text.length);
  const first = withMatch?.first ?? 0;
  let from = first < SNIPPET_CHARS / 3 ? 0 : wordStart(text, first - Math.floor(SNIPPET_CHARS / 3));
  const to = Math.min(text.length, wordStart(text, from + SNIPPET_CHARS));
  if (to - from < SNIPPET_CHARS / 2) from = Math.max(0, to - SNIPPET_CHARS);
  const out = segments(text, marked(to), from, to);
  if (from > 0) out.unshift({ text: '…', match: false });
  if (to < text.length) out.push({ text: '…', match: false });
  return out;
}
