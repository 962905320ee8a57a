/**
 * The stored article body (lib/validation/body.ts) ⇄ the rich editor's document (Tiptap JSON).
 * One module both ways so the editor can only produce what the server validates and the reader
 * renders. It imports no zod and no Tiptap runtime: it runs in the browser bundle and in Vitest.
 * `docToBody` output is still untrusted on the server, which parses it with `bodySchema`.
 */
import type { JSONContent } from '@tiptap/core';
import type { Block, Body, Inline } from '../validation/body';

/** Node and mark names of the editor schema (lib/editor/extensions.ts). */
export const NODE = {
  paragraph: 'paragraph',
  heading: 'heading',
  quote: 'blockquote',
  pullquote: 'pullquote',
  bulletList: 'bulletList',
  orderedList: 'orderedList',
  listItem: 'listItem',
  image: 'bodyImage',
  embed: 'embed',
  rule: 'horizontalRule',
  html: 'htmlBlock',
  hardBreak: 'hardBreak',
  text: 'text',
} as const;

/** The schema's cap on one inline run's text (lib/validation/body.ts). */
const MAX_RUN = 20_000;

/** How the editor shows a stored image: its URL by media id (absent ids show alt text only). */
export type ImageSources = Record<number, { src: string } | undefined>;

type Mark = { type: 'bold' } | { type: 'italic' } | { type: 'link'; attrs: { href: string } };

function marksOf(inline: Inline): Mark[] {
  const marks: Mark[] = [];
  if (inline.bold) marks.push({ type: 'bold' });
  if (inline.italic) marks.push({ type: 'italic' });
  if (inline.href) marks.push({ type: 'link', attrs: { href: inline.href } });
  return marks;
}

/** Inline runs → text nodes; a newline inside a run becomes a hard break with the run's marks. */
function inlineNodes(inlines: Inline[]): JSONContent[] {
  const out: JSONContent[] = [];
  for (const inline of inlines) {
    const marks = marksOf(inline);
    const withMarks = (node: JSONContent): JSONContent => (marks.length ? { ...node, marks } : node);
    inline.text.split('\n').forEach((part, i) => {
      if (i > 0) out.push(withMarks({ type: NODE.hardBreak }));
      if (part) out.push(withMarks({ type: NODE.text, text: part }));
    });
  }
  return out;
}

function paragraph(inlines: Inline[]): JSONContent {
  const content = inlineNodes(inlines);
  return content.length ? { type: NODE.paragraph, content } : { type: NODE.paragraph };
}

const textContent = (text: string): JSONContent[] => (text ? [{ type: NODE.text, text }] : []);

function blockToNode(block: Block, images: ImageSources): JSONContent {
  switch (block.type) {
    case 'paragraph':
      return paragraph(block.content);
    case 'heading':
      return { type: NODE.heading, attrs: { level: block.level }, content: textContent(block.text) };
    case 'quote':
      return { type: NODE.quote, attrs: { cite: block.cite ?? null }, content: [paragraph(block.content)] };
    case 'pullquote':
      return { type: NODE.pullquote, attrs: { cite: block.cite ?? null }, content: textContent(block.text) };
    case 'list':
      return {
        type: block.ordered ? NODE.orderedList : NODE.bulletList,
        content: block.items.map((item) => ({ type: NODE.listItem, content: [paragraph(item)] })),
      };
    case 'image':
      return {
        type: NODE.image,
        attrs: { mediaId: block.mediaId, alt: block.alt, caption: block.caption ?? null, credit: block.credit ?? null, src: images[block.mediaId]?.src ?? null },
      };
    case 'embed':
      return { type: NODE.embed, attrs: { url: block.url, title: block.title ?? null } };
    case 'rule':
      return { type: NODE.rule };
    case 'html':
      return { type: NODE.html, attrs: { html: block.html } };
  }
}

/** The editor document for a stored body. An empty body is one empty paragraph (a document needs a block). */
export function bodyToDoc(body: Body, images: ImageSources = {}): JSONContent {
  const content = body.blocks.map((block) => blockToNode(block, images));
  return { type: 'doc', content: content.length ? content : [{ type: NODE.paragraph }] };
}

// ---- Editor document → body ----

function inlineOf(text: string, marks: JSONContent['marks']): Inline {
  const inline: Inline = { text };
  for (const mark of marks ?? []) {
    if (mark.type === 'bold') inline.bold = true;
    else if (mark.type === 'italic') inline.italic = true;
    else if (mark.type === 'link' && typeof mark.attrs?.href === 'string') inline.href = mark.attrs.href;
  }
  return inline;
}

const sameMarks = (a: Inline, b: Inline) => a.bold === b.bold && a.italic === b.italic && a.href === b.href;

/** Text and hard breaks → inline runs, adjacent runs with the same marks merged, long runs split. */
function inlinesOf(nodes: JSONContent[] | undefined): Inline[] {
  const runs: Inline[] = [];
  for (const node of nodes ?? []) {
    const text = node.type === NODE.hardBreak ? '\n' : node.type === NODE.text ? (node.text ?? '') : '';
    if (!text) continue;
    const inline = inlineOf(text, node.marks);
    const last = runs.at(-1);
    if (last && sameMarks(last, inline)) last.text += text;
    else runs.push(inline);
  }
  return runs.flatMap((run) => {
    if (run.text.length <= MAX_RUN) return [run];
    const parts: Inline[] = [];
    for (let i = 0; i < run.text.length; i += MAX_RUN) parts.push({ ...run, text: run.text.slice(i, i + MAX_RUN) });
    return parts;
  });
}

/** Plain text of a node's inline content; hard breaks become spaces (headings and pull quotes are one line). */
function plainText(node: JSONContent): string {
  return (node.content ?? [])
    .map((child) => (child.type === NODE.hardBreak ? ' ' : (child.text ?? '')))
    .join('')
    .trim();
}

/** Paragraphs inside a quote or list item, as one run of inlines: each further non-empty paragraph starts a new line. */
function joinedInlines(paragraphs: JSONContent[] | undefined): Inline[] {
  const nonEmpty = (paragraphs ?? []).filter((p) => inlinesOf(p.content).length);
  return inlinesOf(nonEmpty.flatMap((p, i) => [...(i ? [{ type: NODE.hardBreak }] : []), ...(p.content ?? [])]));
}

const optional = <K extends string>(key: K, value: unknown): Partial<Record<K, string>> =>
  typeof value === 'string' && value.trim() !== '' ? ({ [key]: value.trim() } as Record<K, string>) : {};

function nodeToBlock(node: JSONContent): Block | null {
  const attrs = node.attrs ?? {};
  switch (node.type) {
    case NODE.paragraph: {
      const content = inlinesOf(node.content);
      // Empty paragraphs are how a writer makes space while typing; the reader page never shows them.
      return content.length ? { type: 'paragraph', content } : null;
    }
    case NODE.heading: {
      const text = plainText(node);
      return text ? { type: 'heading', level: attrs.level === 3 ? 3 : 2, text } : null;
    }
    case NODE.quote: {
      const content = joinedInlines(node.content);
      if (!content.length && !optional('cite', attrs.cite).cite) return null;
      return { type: 'quote', content, ...optional('cite', attrs.cite) };
    }
    case NODE.pullquote: {
      const text = plainText(node);
      return text ? { type: 'pullquote', text, ...optional('cite', attrs.cite) } : null;
    }
    case NODE.bulletList:
    case NODE.orderedList: {
      const items = (node.content ?? []).map((item) => joinedInlines(item.content)).filter((item) => item.length);
      return items.length ? { type: 'list', ordered: node.type === NODE.orderedList, items } : null;
    }
    case NODE.image: {
      const mediaId = Number(attrs.mediaId);
      if (!Number.isInteger(mediaId) || mediaId <= 0) return null;
      return { type: 'image', mediaId, alt: typeof attrs.alt === 'string' ? attrs.alt.trim() : '', ...optional('caption', attrs.caption), ...optional('credit', attrs.credit) };
    }
    case NODE.embed:
      return typeof attrs.url === 'string' && attrs.url ? { type: 'embed', url: attrs.url, ...optional('title', attrs.title) } : null;
    case NODE.rule:
      return { type: 'rule' };
    case NODE.html:
      return typeof attrs.html === 'string' && attrs.html ? { type: 'html', html: attrs.html } : null;
    default:
      return null;
  }
}

/** The body to send to the server for an editor document (which validates it again). */
export function docToBody(doc: JSONContent): Body {
  return { blocks: (doc.content ?? []).map(nodeToBlock).filter((b): b is Block => b !== null) };
}
