/**
 * An allowlist HTML sanitiser for content the importer cannot turn into structured blocks
 * (tables, preformatted text, definition lists). Anything not on the list is unwrapped (its text
 * kept) or, for elements whose content is code or chrome, removed with a note of what went.
 */
import { parseDocument } from 'htmlparser2';
import { isTag, isText, type ChildNode, type Element } from 'domhandler';
import { cleanText } from './validation/text';
import { isSafeHref } from './validation/words';

/** Elements kept, with the attributes each may carry. */
const ALLOWED: Record<string, readonly string[]> = {
  table: [], caption: [], thead: [], tbody: [], tfoot: [], tr: [], th: ['colspan', 'rowspan', 'scope'], td: ['colspan', 'rowspan'],
  pre: [], code: [], p: [], br: [], strong: [], b: [], em: [], i: [], u: [], s: [], sup: [], sub: [], small: [], mark: [],
  a: ['href', 'title'], ul: [], ol: [], li: [], dl: [], dt: [], dd: [], blockquote: [], cite: [], abbr: ['title'],
  h2: [], h3: [], h4: [], figure: [], figcaption: [], hr: [],
};

const VOID = new Set(['br', 'hr']);

/** Removed with everything inside: executable, interactive or embedded content. */
export const DROPPED = new Set([
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'input', 'button', 'select',
  'textarea', 'option', 'noscript', 'template', 'svg', 'math', 'link', 'meta', 'base', 'head', 'title', 'canvas', 'dialog',
]);

export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function escapeAttribute(value: string): string {
  return escapeText(value).replace(/"/g, '&quot;');
}

function attributes(element: Element): string {
  const allowed = ALLOWED[element.name] ?? [];
  let out = '';
  for (const name of allowed) {
    const value = element.attribs[name];
    if (value === undefined) continue;
    if (name === 'href' && !isSafeHref(value)) continue;
    if ((name === 'colspan' || name === 'rowspan') && !/^\d{1,3}$/.test(value)) continue;
    out += ` ${name}="${escapeAttribute(cleanText(value).trim())}"`;
  }
  if (element.name === 'a' && out.includes('href=')) out += ' rel="nofollow noopener"';
  return out;
}

/** Serialises `nodes` through the allowlist; `removed` collects the names of dropped elements. */
export function sanitizeNodes(nodes: readonly ChildNode[], removed: Set<string>): string {
  let out = '';
  for (const node of nodes) {
    if (isText(node)) out += escapeText(cleanText(node.data));
    else if (isTag(node)) {
      const name = node.name.toLowerCase();
      if (DROPPED.has(name)) {
        removed.add(name);
        continue;
      }
      const inner = sanitizeNodes(node.children, removed);
      if (!(name in ALLOWED)) out += inner;
      else if (VOID.has(name)) out += `<${name}>`;
      else out += `<${name}${attributes(node)}>${inner}</${name}>`;
    }
    // Comments, CDATA and processing instructions are dropped.
  }
  return out;
}

/** Sanitises an HTML fragment. Reader renderers can call this again before output. */
export function sanitizeHtml(html: string, removed: Set<string> = new Set()): string {
  let out = sanitizeNodes(parseDocument(html).children, removed).trim();
  // The parser closes some elements implicitly (a <tfoot> opened inside <thead> closes it), so
  // serialised output can read back nested differently. Settle on a form that reads back as
  // itself, so what is stored is exactly what every later pass and renderer sees.
  for (let pass = 0; pass < 4; pass++) {
    const again = sanitizeNodes(parseDocument(out).children, removed).trim();
    if (again === out) break;
    out = again;
  }
  return out;
}
