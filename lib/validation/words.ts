/**
 * Word counts and reading time, without zod, so the editor in the browser counts exactly as the
 * server does when it stores `wordCount` and `readingMinutes`.
 */
const WORDS_PER_MINUTE = 230;

export function countWords(text: string): number {
  const matches = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu);
  return matches ? matches.length : 0;
}

export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

/**
 * Only http(s), mailto and site-relative links survive; `javascript:`, `data:`, `vbscript:` and
 * protocol-relative (`//host`, `/\host`, which browsers read as `//host`) never do. Browsers drop
 * tabs and line breaks inside a URL, so those are refused rather than trusted.
 */
export function isSafeHref(href: string): boolean {
  const trimmed = href.trim();
  return trimmed.length <= 2048 && /^(https?:\/\/|mailto:|\/(?![/\\]))/i.test(trimmed) && !/[\u0000-\u001F\u007F]/.test(trimmed);
}
