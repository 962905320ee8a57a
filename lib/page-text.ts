/**
 * A plain-text form of the structured body for static pages, so they can be edited in a
 * textarea without losing their structure:
 *   ## Heading / ### Sub-heading, - list item, 1. numbered item, > quote, >> pull quote, ---,
 *   ![alt](media:12 "caption"), @[title](https://embed), **bold**, *italic*, [link](/path),
 *   and imported HTML kept verbatim between a `<<<html` line and a `>>>` line.
 * Blank lines separate blocks. `\` escapes * [ ] \ in text. bodyToText ∘ textToBody is the identity
 * on the blocks pages use.
 */
import { bodySchema, type Block, type Body, type Inline } from './validation/body';

// Imported markup no other block expresses (tables…) is kept verbatim between these lines.
const HTML_OPEN = '<<<html';
const HTML_CLOSE = '>>>';

const ESCAPABLE = /[\\*[\]]/g;
const escape = (text: string) => text.replace(ESCAPABLE, (c) => `\\${c}`);

function inlineToText(inline: Inline): string {
  let text = inline.href ? `[${escape(inline.text)}](${inline.href})` : escape(inline.text);
  if (inline.italic) text = `*${text}*`;
  if (inline.bold) text = `**${text}**`;
  return text;
}

const inlinesToText = (content: Inline[]) => content.map(inlineToText).join('');

function blockToText(block: Block): string {
  switch (block.type) {
    case 'paragraph':
      return inlinesToText(block.content);
    case 'heading':
      return `${'#'.repeat(block.level)} ${block.text}`;
    case 'quote':
      return `> ${inlinesToText(block.content)}${block.cite ? ` -- ${block.cite}` : ''}`;
    case 'pullquote':
      return `>> ${block.text}${block.cite ? ` -- ${block.cite}` : ''}`;
    case 'list':
      return block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '-'} ${inlinesToText(item)}`).join('\n');
    case 'image':
      return `![${block.alt}](media:${block.mediaId}${block.caption ? ` "${block.caption.replace(/"/g, '”')}"` : ''})`;
    case 'embed':
      return `@[${block.title ?? ''}](${block.url})`;
    case 'rule':
      return '---';
    case 'html':
      return `${HTML_OPEN}\n${block.html}\n${HTML_CLOSE}`;
  }
}

export function bodyToText(body: Body): string {
  return body.blocks.map(blockToText).join('\n\n');
}

// Escaped characters become private-use code points while parsing, and come back at the end.
const PLACEHOLDER = 0xe000;
const protect = (text: string) => text.replace(/\\([\\*[\]])/g, (_, c: string) => String.fromCharCode(PLACEHOLDER + c.charCodeAt(0)));
const restore = (text: string) => text.replace(/[\ue000-\ue0ff]/g, (c) => String.fromCharCode(c.charCodeAt(0) - PLACEHOLDER));

const INLINE = /\*\*(.+?)\*\*|\*(.+?)\*|\[([^\]]+)\]\(([^)\s]+)\)/g;

function parseInline(text: string, marks: { bold?: true; italic?: true } = {}): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const m of text.matchAll(INLINE)) {
    if (m.index > last) out.push({ text: restore(text.slice(last, m.index)), ...marks });
    if (m[1] !== undefined) out.push(...parseInline(m[1], { ...marks, bold: true }));
    else if (m[2] !== undefined) out.push(...parseInline(m[2], { ...marks, italic: true }));
    else out.push({ text: restore(m[3]!), ...marks, href: restore(m[4]!) });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ text: restore(text.slice(last)), ...marks });
  // Key order as the schema lists it, so stored JSON does not depend on the parse path.
  return out.map(({ text: t, bold, italic, href }) => ({ text: t, ...(bold ? { bold } : {}), ...(italic ? { italic } : {}), ...(href ? { href } : {}) }));
}

function splitCite(text: string): { text: string; cite?: string } {
  const at = text.lastIndexOf(' -- ');
  return at > 0 ? { text: text.slice(0, at), cite: text.slice(at + 4) } : { text };
}

function parseBlock(chunk: string): Block {
  const lines = chunk.split('\n');
  const first = lines[0]!;
  const heading = /^(#{2,3}) (.+)$/.exec(first);
  if (heading && lines.length === 1) return { type: 'heading', level: heading[1]!.length as 2 | 3, text: heading[2]!.trim() };
  if (chunk === '---') return { type: 'rule' };
  const image = /^!\[([^\]]*)\]\(media:(\d+)(?: "([^"]*)")?\)$/.exec(chunk);
  if (image) return { type: 'image', mediaId: Number(image[2]), alt: image[1]!, ...(image[3] ? { caption: image[3] } : {}) };
  const embed = /^@\[([^\]]*)\]\((https:\/\/\S+)\)$/.exec(chunk);
  if (embed) return { type: 'embed', url: embed[2]!, ...(embed[1] ? { title: embed[1] } : {}) };
  if (lines.every((l) => /^[-*] /.test(l))) return { type: 'list', ordered: false, items: lines.map((l) => parseInline(protect(l.slice(2)))) };
  if (lines.every((l) => /^\d+\. /.test(l))) return { type: 'list', ordered: true, items: lines.map((l) => parseInline(protect(l.replace(/^\d+\. /, '')))) };
  const joined = lines.map((l) => l.trim()).join(' ');
  if (joined.startsWith('>> ')) {
    const { text, cite } = splitCite(joined.slice(3));
    return { type: 'pullquote', text, ...(cite ? { cite } : {}) };
  }
  if (joined.startsWith('> ')) {
    const { text, cite } = splitCite(joined.slice(2));
    return { type: 'quote', content: parseInline(protect(text)), ...(cite ? { cite } : {}) };
  }
  return { type: 'paragraph', content: parseInline(protect(joined)) };
}

export type ParsedText = { ok: true; body: Body } | { ok: false; message: string };

/** Parses the textarea back into a body, validated by the same schema as articles. */
export function textToBody(text: string): ParsedText {
  const blocks: Block[] = [];
  let chunk: string[] = [];
  let html: string[] | null = null;
  const flush = () => {
    const joined = chunk.join('\n').trim();
    if (joined) blocks.push(parseBlock(joined));
    chunk = [];
  };
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (html) {
      if (line.trim() === HTML_CLOSE) {
        blocks.push({ type: 'html', html: html.join('\n') });
        html = null;
      } else html.push(line);
    } else if (line.trim() === HTML_OPEN) {
      flush();
      html = [];
    } else if (!line.trim()) flush();
    else chunk.push(line);
  }
  if (html) return { ok: false, message: `An HTML block has no closing ${HTML_CLOSE} line.` };
  flush();
  const parsed = bodySchema.safeParse({ blocks });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, message: `Block ${Number(issue.path[1] ?? 0) + 1}: ${issue.message}` };
  }
  return { ok: true, body: parsed.data };
}
