/**
 * Plain-text fields and links at the boundary (issue 13, ADR 013). Text fields are stored as text
 * and escaped on output, never as markup, so `<b>` in a headline stays the four characters a
 * reporter typed. What is removed before storage is what no reader can see and some stores or
 * formats refuse: control characters (PostgreSQL rejects NUL, XML 1.0 forbids most C0 controls),
 * non-characters and unpaired surrogates.
 */
import { z } from 'zod';
import { isSafeHref } from './words';

// Newsroom forms import these schemas in the browser, where the admin CSP forbids eval. zod would
// probe for it with `Function('')` — caught, but reported as a CSP violation on every such page,
// which would hide a real one. In the browser zod parses without generated code.
if (typeof window !== 'undefined') z.config({ jitless: true });

const INVISIBLE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `value` without control characters (tab and line breaks stay), non-characters or lone surrogates. */
export function cleanText(value: string): string {
  return value.replace(INVISIBLE, '');
}

/** A string schema that cleans its input first; chain `.trim()`, `.max()` etc. as usual. */
export function plainText() {
  return z.string().overwrite(cleanText);
}

/** Links as `isSafeHref` allows them (shared with the browser editor, which cannot load zod cheaply). */
export const safeHref = z.string().trim().max(2048).refine(isSafeHref, 'links must be http(s), mailto or site-relative');
