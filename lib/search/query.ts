/**
 * Our own reader query language (DESIGN §6): several words (all must match), "exact phrases",
 * -exclusions, and prefix matching of the last word. Every input parses — unbalanced quotes,
 * operators, SQL or FTS syntax, emoji — because the parser keeps only runs of letters, digits and
 * marks; the backends quote what remains, so nothing a reader types reaches a query as syntax.
 */

/** Longer input is cut here: no useful query is longer, and it bounds the work per request. */
export const MAX_QUERY_CHARS = 400;
/** At most this many terms are searched; the rest of the input is ignored. */
export const MAX_TERMS = 12;
/** At most this many words in one phrase. */
const MAX_PHRASE_WORDS = 16;
/** Thai is matched as a phrase of characters; cap its length like a phrase. */
const MAX_THAI_CHARS = 32;
/** A last word shorter than this is matched whole: `a*` would expand to half the vocabulary. */
export const MIN_PREFIX_CHARS = 3;

export interface Term {
  /** Runs of letters, digits and marks, adjacent in the text (one for a plain word). */
  words: string[];
  /** The term must not occur. */
  exclude: boolean;
  /** The last word may be the start of a longer word. */
  prefix: boolean;
}

export interface ParsedQuery {
  /** Terms that must occur (at least one, or the query is empty). */
  include: Term[];
  /** Terms that must not occur. */
  exclude: Term[];
}

const WORD = /[\p{L}\p{N}\p{M}]+/gu;
const THAI = /[\u0E00-\u0E7F]/u;
const THAI_ALL = /([\u0E00-\u0E7F])/gu;

/** True when `word` contains Thai, which the indexes store one character per token. */
export function isThai(word: string): boolean {
  return THAI.test(word);
}

/**
 * Thai characters one per token, as the index triggers store them (see the search migration):
 * a Thai word then matches as a phrase of characters, i.e. as an exact substring.
 */
export function spaceThai(text: string): string {
  return text.replace(THAI_ALL, '$1 ').trim();
}

export function wordsOf(chunk: string): string[] {
  const words = chunk.match(WORD) ?? [];
  // A run made only of combining marks indexes as nothing; keep words with a letter or digit.
  return words.filter((w) => /[\p{L}\p{N}]/u.test(w));
}

function cap(words: string[]): string[] {
  const out: string[] = [];
  let thaiChars = 0;
  for (const word of words.slice(0, MAX_PHRASE_WORDS)) {
    if (isThai(word)) {
      const room = MAX_THAI_CHARS - thaiChars;
      if (room <= 0) break;
      const chars = [...word].slice(0, room);
      thaiChars += chars.length;
      out.push(chars.join(''));
    } else out.push(word);
  }
  return out;
}

function key(term: Term): string {
  return `${term.exclude ? '-' : '+'}${term.words.join(' ').toLowerCase()}`;
}

/** Parses what a reader typed. Never throws; an input with nothing to search gives no include terms. */
export function parseQuery(input: unknown): ParsedQuery {
  const text = (typeof input === 'string' ? input : '').normalize('NFC').slice(0, MAX_QUERY_CHARS);
  const terms: { term: Term; quoted: boolean }[] = [];
  // A quote opens a phrase that runs to the next quote, or to the end when it is never closed.
  const pattern = /(-?)"([^"]*)"?|(\S+)/gu;
  for (const match of text.matchAll(pattern)) {
    const [, minus, phrase, bare] = match;
    let exclude = minus === '-';
    let chunk = phrase;
    if (bare !== undefined) {
      exclude = bare.length > 1 && bare.startsWith('-');
      chunk = exclude ? bare.slice(1) : bare;
    }
    const words = cap(wordsOf(chunk ?? ''));
    if (words.length === 0) continue;
    terms.push({ term: { words, exclude, prefix: false }, quoted: phrase !== undefined });
  }

  const seen = new Set<string>();
  const unique = terms.filter(({ term }) => {
    const k = key(term);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
  const include = unique.filter((t) => !t.term.exclude).slice(0, MAX_TERMS);
  const exclude = unique.filter((t) => t.term.exclude).slice(0, Math.max(0, MAX_TERMS - include.length));

  const last = include.at(-1);
  if (last && !last.quoted) {
    const word = last.term.words.at(-1)!;
    if (!isThai(word) && [...word].length >= MIN_PREFIX_CHARS) last.term.prefix = true;
  }
  return { include: include.map((t) => t.term), exclude: exclude.map((t) => t.term) };
}

/** True when the query has something to look for. */
export function hasTerms(query: ParsedQuery): boolean {
  return query.include.length > 0;
}
