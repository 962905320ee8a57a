// Property tests (fast-check) for the HTML allowlist: whatever markup comes in — random text,
// nested tags from the allowlist and from the attacker's kit, hostile attributes — what comes out
// holds nothing executable, uses only allowlisted elements and attributes, and is a fixed point.
import fc from 'fast-check';
import { parseDocument } from 'htmlparser2';
import { isTag, type ChildNode } from 'domhandler';
import { describe, expect, it } from 'vitest';
import { sanitizeHtml } from './sanitize-html';
import { findExecutable, XSS_CORPUS } from './testing/xss-corpus';

const ALLOWED_TAGS = ['table', 'caption', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td', 'pre', 'code', 'p', 'br', 'strong', 'b', 'em', 'i', 'u', 's', 'sup', 'sub', 'small', 'mark', 'a', 'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'blockquote', 'cite', 'abbr', 'h2', 'h3', 'h4', 'figure', 'figcaption', 'hr'];
const HOSTILE_TAGS = ['script', 'SCRIPT', 'style', 'iframe', 'svg', 'math', 'img', 'object', 'embed', 'form', 'input', 'button', 'meta', 'base', 'link', 'noscript', 'template', 'textarea', 'title', 'xmp', 'noembed', 'noframes', 'plaintext', 'div', 'span', 'video', 'details', 'x-custom', 'mglyph', 'mtext', 'foreignObject'];
const ATTRIBUTE_NAMES = ['href', 'HREF', 'src', 'title', 'colspan', 'rowspan', 'scope', 'style', 'onclick', 'onerror', 'ONLOAD', 'onmouseover', 'srcdoc', 'action', 'formaction', 'xlink:href', 'data-x', 'id', 'class'];
const ATTRIBUTE_VALUES = ['/ok', 'https://example.com/', 'javascript:alert(1)', ' JAVASCRIPT:alert(1)', 'java\tscript:alert(1)', '&#106;avascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', '//evil.example', '/\\evil.example', 'alert(1)', '2', '99999', '"><script>alert(1)</script>', "'", 'expression(alert(1))'];

const attribute = fc.tuple(fc.constantFrom(...ATTRIBUTE_NAMES), fc.oneof(fc.constantFrom(...ATTRIBUTE_VALUES), fc.string({ maxLength: 20 }))).map(([name, value]) => ` ${name}="${value.replace(/"/g, '&quot;')}"`);

const textPiece = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('&lt;script&gt;', '&amp;', '&#60;img src=x onerror=alert(1)&#62;', '<!--', '-->', '<![CDATA[', ']]>', '</', '<', '>', '"', "'", '\u0000', '\u2028'));

const { html } = fc.letrec<{ html: string; node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    textPiece,
    fc
      .tuple(fc.constantFrom(...ALLOWED_TAGS, ...HOSTILE_TAGS), fc.array(attribute, { maxLength: 3 }), tie('html'), fc.boolean())
      .map(([tag, attrs, inner, close]) => `<${tag}${attrs.join('')}>${inner}${close ? `</${tag}>` : ''}`),
  ),
  html: fc.array(tie('node'), { maxLength: 5 }).map((nodes) => nodes.join('')),
}));

const anyHtml = fc.oneof(html, fc.string({ maxLength: 200 }), fc.constantFrom(...XSS_CORPUS.map((c) => c.payload)), fc.tuple(html, fc.constantFrom(...XSS_CORPUS.map((c) => c.payload)), html).map((parts) => parts.join('')));

const ALLOWED_ATTRIBUTES = new Set(['href', 'title', 'colspan', 'rowspan', 'scope', 'rel']);

function elements(nodes: readonly ChildNode[], out: { name: string; attribs: Record<string, string> }[] = []) {
  for (const node of nodes) {
    if (!isTag(node)) continue;
    out.push(node);
    elements(node.children, out);
  }
  return out;
}

describe('sanitizeHtml', () => {
  it('never leaves a script, an on* attribute, a script URL or a frame', () => {
    fc.assert(
      fc.property(anyHtml, (input) => {
        const clean = sanitizeHtml(input);
        expect(findExecutable(clean)).toEqual([]);
        expect(clean).not.toMatch(/<(?:script|iframe|svg|math|style|img|object|embed|form|meta|base)\b/i);
      }),
      { numRuns: 3000 },
    );
  });

  it('keeps only allowlisted elements and attributes', () => {
    fc.assert(
      fc.property(anyHtml, (input) => {
        for (const element of elements(parseDocument(sanitizeHtml(input)).children)) {
          expect(ALLOWED_TAGS).toContain(element.name);
          for (const name of Object.keys(element.attribs)) expect(ALLOWED_ATTRIBUTES).toContain(name);
          if (element.attribs.href !== undefined) expect(element.attribs.href).toMatch(/^(https?:\/\/|mailto:|\/(?![/\\]))/i);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('is idempotent: sanitising its own output changes nothing', () => {
    fc.assert(
      fc.property(anyHtml, (input) => {
        const once = sanitizeHtml(input);
        expect(sanitizeHtml(once)).toBe(once);
      }),
      { numRuns: 3000 },
    );
  });
});
