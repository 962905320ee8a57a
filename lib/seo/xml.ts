/** Escaping for the XML that feeds and sitemaps write by hand (streamed, so no DOM builder). */

/**
 * Characters XML 1.0 cannot carry even escaped: C0 controls other than tab/newline/return,
 * U+FFFE/U+FFFF, and unpaired surrogates. Imported copy does contain them (form feeds, stray
 * NULs from old CMS exports); they are dropped rather than making the whole document invalid.
 */
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text or attribute value, escaped and stripped of characters XML forbids. */
export function xmlEscape(value: string): string {
  return value.replace(INVALID, '').replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** `<name>text</name>`, escaped. */
export function element(name: string, text: string): string {
  return `<${name}>${xmlEscape(text)}</${name}>`;
}

/** W3C datetime (sitemaps, Atom): `2026-11-29T08:00:00.000Z`. */
export function w3cDate(date: Date): string {
  return date.toISOString();
}

/** RFC 822 date (RSS 2.0): `Sun, 29 Nov 2026 08:00:00 GMT`. */
export function rfc822Date(date: Date): string {
  return date.toUTCString();
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
