/**
 * Word counts and reading time, without zod, so the editor in the browser counts exactly as the
 * server does when it stores `wordCount` and `readingMinutes`.
 */
const WORDS_PER_MINUTE = 230;

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** ASCII letters and digits, by char code. */
const ASCII_WORD = new Uint8Array(128).map((_, c) => Number((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)));

/**
 * Words as the pattern `[\p{L}\p{N}][\p{L}\p{N}'’-]*` would match them, counted in one pass without
 * building the array of matches: the seed counts every body of a million articles with it.
 */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let letter: boolean;
    if (code < 128) letter = ASCII_WORD[code] === 1;
    else {
      const point = text.codePointAt(i)!;
      if (point > 0xffff) i++;
      letter = LETTER_OR_DIGIT.test(String.fromCodePoint(point));
    }
    if (letter) {
      if (!inWord) words++;
      inWord = true;
    } else if (!(inWord && (code === 39 || code === 45 || code === 0x2019))) inWord = false;
  }
  return words;
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
