/**
 * Pasted HTML (Word, Google Docs, web pages) → the small HTML the editor schema reads. Structure is
 * kept — paragraphs, headings, lists (Word's fake ones too), quotes, rules, bold, italic, safe
 * links — and everything else goes: classes, styles, spans, comments, scripts, event handlers,
 * `javascript:` links, pictures from elsewhere. Style-only formatting (Google Docs' bold spans) is
 * turned into real marks first. The editor schema and the server's zod check still apply after.
 */
import { isTag, isText, type ChildNode, type Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { DROPPED, escapeText } from '../sanitize-html';
import { isSafeHref } from '../validation/words';

const HEADINGS: Record<string, 'h2' | 'h3'> = { h1: 'h2', h2: 'h2', h3: 'h3', h4: 'h3', h5: 'h3', h6: 'h3' };
const BLOCKS = new Set(['p', 'ul', 'ol', 'li', 'blockquote', 'hr', ...Object.keys(HEADINGS)]);
/** The editor's own blocks, copied from one article to another: known by one attribute, kept with their data. */
const OWN_BLOCKS: Record<string, { marker: string; keep: RegExp }> = {
  figure: { marker: 'data-media-id', keep: /^data-(media-id|alt|caption|credit|src)$/ },
  aside: { marker: 'data-pullquote', keep: /^data-(pullquote|cite)$/ },
  div: { marker: 'data-embed', keep: /^data-(embed|url|title)$/ },
  blockquote: { marker: 'data-cite', keep: /^data-cite$/ },
};
/** Page structure whose text is a paragraph unless it holds blocks of its own. */
const CONTAINERS = new Set(['div', 'section', 'article', 'main', 'header', 'footer', 'figure', 'figcaption', 'td', 'th', 'dt', 'dd', 'pre', 'address', 'center']);
const HAS_BLOCK = /<(p|h2|h3|ul|ol|li|blockquote|hr|figure|aside|div)[\s>]/;

function style(el: Element): Record<string, string> {
  const out: Record<string, string> = {};
  for (const rule of (el.attribs.style ?? '').split(';')) {
    const [name, ...value] = rule.split(':');
    if (name && value.length) out[name.trim().toLowerCase()] = value.join(':').trim().toLowerCase();
  }
  return out;
}

const isBoldWeight = (weight: string | undefined) => weight !== undefined && (/^bold(er)?$/.test(weight) || Number(weight) >= 600);

function attribute(name: string, value: string): string {
  return ` ${name}="${escapeText(value).replace(/"/g, '&quot;')}"`;
}

function textOf(nodes: readonly ChildNode[]): string {
  return nodes.map((n) => (isText(n) ? n.data : isTag(n) ? textOf(n.children) : '')).join('');
}

/** Word writes list items as paragraphs with `mso-list` in their style and the marker in an ignored span. */
function wordListMarker(el: Element): string | null {
  if (el.name !== 'p' || !('mso-list' in style(el))) return null;
  const find = (nodes: readonly ChildNode[]): Element | null => {
    for (const n of nodes) {
      if (!isTag(n)) continue;
      if (style(n)['mso-list'] === 'ignore') return n;
      const inner = find(n.children);
      if (inner) return inner;
    }
    return null;
  };
  const marker = find(el.children);
  return marker ? textOf(marker.children).replace(/\u00a0/g, ' ').trim() : '';
}

/** Word's list id (`l0` in `mso-list:l0 level1 lfo1`): a new id starts a new list. */
function wordListId(el: Element): string {
  return style(el)['mso-list']?.split(/\s+/)[0] ?? '';
}

function isEmptyBlock(html: string): boolean {
  return html.replace(/<br>/g, '').replace(/&nbsp;|\u00a0|\s/g, '') === '';
}

class Cleaner {
  clean(nodes: readonly ChildNode[]): string {
    let out = '';
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i]!;
      if (isText(node)) {
        out += escapeText(node.data);
        continue;
      }
      if (!isTag(node)) continue;
      if (wordListMarker(node) !== null) {
        // Gather the run of Word list paragraphs (whitespace between them is skipped) into one list.
        const items: Element[] = [];
        const list = wordListId(node);
        let j = i;
        for (; j < nodes.length; j++) {
          const n = nodes[j]!;
          if (isText(n) && !n.data.trim()) continue;
          if (!isTag(n) || wordListMarker(n) === null || wordListId(n) !== list) break;
          items.push(n);
        }
        const ordered = /^(\d+|[a-z]|[ivxlc]+)[.)]$/i.test(wordListMarker(items[0]!) ?? '');
        const tag = ordered ? 'ol' : 'ul';
        out += `<${tag}>${items.map((item) => `<li><p>${this.clean(item.children)}</p></li>`).join('')}</${tag}>`;
        i = j - 1;
        continue;
      }
      out += this.element(node);
    }
    return out;
  }

  private element(el: Element): string {
    const name = el.name.toLowerCase();
    const css = style(el);
    // Word's spacer paragraphs (<o:p>) and list markers carry nothing of the text.
    if (DROPPED.has(name) || name === 'img' || name.includes(':') || css['mso-list'] === 'ignore' || css.display === 'none') return '';
    const inner = this.clean(el.children);
    if (name === 'br') return '<br>';
    if (name === 'hr') return '<hr>';
    const own = OWN_BLOCKS[name];
    if (own && own.marker in el.attribs) {
      const kept = Object.entries(el.attribs).filter(([a]) => own.keep.test(a));
      return `<${name}${kept.map(([a, v]) => attribute(a, v)).join('')}>${inner}</${name}>`;
    }
    if (name in HEADINGS) return isEmptyBlock(inner) ? '' : `<${HEADINGS[name]}>${inner}</${HEADINGS[name]}>`;
    if (name === 'p') return isEmptyBlock(inner) ? '' : `<p>${inner}</p>`;
    if (BLOCKS.has(name)) return `<${name}>${inner}</${name}>`;
    if (CONTAINERS.has(name)) return HAS_BLOCK.test(inner) || isEmptyBlock(inner) ? inner : `<p>${inner}</p>`;
    if (name === 'a') {
      const href = el.attribs.href?.trim();
      return href && isSafeHref(href) ? `<a${attribute('href', href)}>${inner}</a>` : inner;
    }
    let marked = inner;
    // Google Docs wraps a whole paste in <b style="font-weight:normal">: that is not bold.
    const bold = ((name === 'b' || name === 'strong') && css['font-weight'] !== 'normal') || isBoldWeight(css['font-weight']);
    const italic = name === 'i' || name === 'em' || css['font-style'] === 'italic';
    if (italic && marked) marked = `<em>${marked}</em>`;
    if (bold && marked) marked = `<strong>${marked}</strong>`;
    return marked;
  }
}

/** Cleans pasted HTML for the editor (Tiptap's `transformPastedHTML`). */
export function cleanPastedHtml(html: string): string {
  const doc = parseDocument(html, { lowerCaseTags: true, lowerCaseAttributeNames: true });
  return new Cleaner().clean(doc.children).trim();
}
