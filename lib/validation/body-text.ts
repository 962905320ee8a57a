/**
 * The article body as plain text, for the newsroom's textarea until the rich editor (issue 8)
 * replaces it. Blocks are separated by blank lines; the notation is close to Markdown so it reads
 * naturally and every block type and inline mark survives a round trip:
 *
 *   ## Heading  /  ### Smaller heading
 *   > Quoted text            (a last line "> — Name" is the citation)
 *   >> Pull quote            (a last line ">> — Name" is the citation)
 *   - item  /  1. item       (lists)
 *   ::image 12 | alt text | caption | credit
 *   ::embed https://… | title
 *   ---                      (a rule)
 *   ::html "<table>…</table>" (imported markup, as a JSON string)
 *   **bold**, _italic_, [link text](https://…) inside paragraphs, quotes and list items.
 */
import type { Block, Body, Inline } from './body';
import { bodySchema } from './body';

function markInline(inline: Inline): string {
  let text = inline.href ? `[${inline.text}](${inline.href})` : inline.text;
  if (inline.italic) text = `_${text}_`;
  if (inline.bold) text = `**${text}**`;
  return text;
}

function inlinesToText(inlines: Inline[]): string {
  return inlines.map(markInline).join('');
}

function blockToText(block: Block): string {
  switch (block.type) {
    case 'paragraph':
      return inlinesToText(block.content);
    case 'heading':
      return `${'#'.repeat(block.level)} ${block.text}`;
    case 'quote':
      return [...inlinesToText(block.content).split('\n').map((l) => `> ${l}`), ...(block.cite ? [`> — ${block.cite}`] : [])].join('\n');
    case 'pullquote':
      return [`>> ${block.text}`, ...(block.cite ? [`>> — ${block.cite}`] : [])].join('\n');
    case 'list':
      return block.items.map((item, i) => `${block.ordered ? `${i + 1}.` : '-'} ${inlinesToText(item)}`).join('\n');
    case 'image':
      return `::image ${block.mediaId} | ${block.alt}${block.caption !== undefined || block.credit !== undefined ? ` | ${block.caption ?? ''}` : ''}${block.credit !== undefined ? ` | ${block.credit}` : ''}`;
    case 'embed':
      return `::embed ${block.url}${block.title !== undefined ? ` | ${block.title}` : ''}`;
    case 'rule':
      return '---';
    case 'html':
      // Imported markup no other block expresses; kept verbatim as one JSON string so blank lines inside cannot split it.
      return `::html ${JSON.stringify(block.html)}`;
  }
}

export function bodyToText(body: Body): string {
  return body.blocks.map(blockToText).join('\n\n');
}

// `**bold**`, `_italic_` (not inside a word, so snake_case and URLs stay plain) and `[text](href)`.
const TOKEN = /\*\*(.+?)\*\*|(?<![\p{L}\p{N}_])_(.+?)_(?![\p{L}\p{N}_])|\[([^\]\n]+)\]\(([^)\s]+)\)/gu;

function parseInlines(text: string, marks: { bold?: true; italic?: true } = {}): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    if (match.index > last) out.push({ text: text.slice(last, match.index), ...marks });
    if (match[1] !== undefined) out.push(...parseInlines(match[1], { ...marks, bold: true }));
    else if (match[2] !== undefined) out.push(...parseInlines(match[2], { ...marks, italic: true }));
    else out.push({ text: match[3]!, ...marks, href: match[4]! });
    last = match.index + match[0].length;
  }
  if (last < text.length) out.push({ text: text.slice(last), ...marks });
  // Key order as the schema lists it, so a round trip compares equal.
  return out.map(({ text: t, bold, italic, href }) => ({ text: t, ...(bold ? { bold } : {}), ...(italic ? { italic } : {}), ...(href !== undefined ? { href } : {}) }));
}

function withCite(lines: string[], prefix: string): { text: string; cite?: string } {
  const stripped = lines.map((l) => l.slice(prefix.length).replace(/^ /, ''));
  const last = stripped.at(-1) ?? '';
  if (stripped.length > 1 && /^— /.test(last)) return { text: stripped.slice(0, -1).join('\n'), cite: last.slice(2) };
  return { text: stripped.join('\n') };
}

function textToBlock(chunk: string): Block {
  const lines = chunk.split('\n');
  const first = lines[0]!;
  const heading = /^(#{2,3}) (.+)$/.exec(chunk);
  if (heading && lines.length === 1) return { type: 'heading', level: heading[1]!.length as 2 | 3, text: heading[2]!.trim() };
  if (chunk === '---') return { type: 'rule' };
  if (lines.every((l) => l.startsWith('>>'))) {
    const { text, cite } = withCite(lines, '>>');
    return { type: 'pullquote', text, ...(cite !== undefined ? { cite } : {}) };
  }
  if (lines.every((l) => l.startsWith('>'))) {
    const { text, cite } = withCite(lines, '>');
    return { type: 'quote', content: parseInlines(text), ...(cite !== undefined ? { cite } : {}) };
  }
  if (lines.every((l) => /^- /.test(l))) return { type: 'list', ordered: false, items: lines.map((l) => parseInlines(l.slice(2))) };
  if (lines.every((l) => /^\d+\. /.test(l))) return { type: 'list', ordered: true, items: lines.map((l) => parseInlines(l.replace(/^\d+\. /, ''))) };
  const image = /^::image (\S+)(?: \| ([^|]*))?(?: \| ([^|]*))?(?: \| ([^|]*))?$/.exec(chunk);
  if (image) {
    const [, id, alt = '', caption, credit] = image;
    return { type: 'image', mediaId: Number(id), alt: alt.trim(), ...(caption !== undefined ? { caption: caption.trim() } : {}), ...(credit !== undefined ? { credit: credit.trim() } : {}) };
  }
  const embed = /^::embed (\S+)(?: \| (.*))?$/.exec(chunk);
  if (embed) return { type: 'embed', url: embed[1]!, ...(embed[2] !== undefined ? { title: embed[2].trim() } : {}) };
  const html = /^::html (".*")$/s.exec(chunk);
  if (html) {
    try {
      return { type: 'html', html: JSON.parse(html[1]!) as string };
    } catch {
      throw new BodyTextError('An ::html block must hold one quoted JSON string.');
    }
  }
  if (first.startsWith('::')) throw new BodyTextError(`“${first.slice(0, 40)}” is not a known block. Use ::image, ::embed or ::html.`);
  return { type: 'paragraph', content: parseInlines(lines.join(' ')) };
}

/** The text cannot be read as a body; the message says where. */
export class BodyTextError extends Error {}

/** Parses the textarea notation; throws BodyTextError with a readable message when it is wrong. */
export function textToBody(text: string): Body {
  const chunks = text
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t]*\n+/)
    .map((c) => c.replace(/[ \t]+$/gm, '').trim())
    .filter(Boolean);
  const blocks = chunks.map(textToBlock);
  const parsed = bodySchema.safeParse({ blocks });
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const index = typeof issue.path[1] === 'number' ? issue.path[1] : null;
    const where = index === null ? '' : ` (block ${index + 1}: “${chunks[index]!.slice(0, 40)}”)`;
    throw new BodyTextError(`${issue.message}${where}`);
  }
  return parsed.data;
}
