/**
 * WordPress post content → Broadsheet's structured body (lib/validation/body.ts). One walker
 * serves classic-editor HTML (paragraphs implied by blank lines, as wpautop renders them) and
 * Gutenberg markup (the block comments are ignored; each block's saved HTML carries everything we
 * keep). Markup no block can express is kept as sanitised HTML and every such case is reported.
 */
import { parseDocument } from 'htmlparser2';
import { isTag, isText, type ChildNode, type Element } from 'domhandler';
import { bodySchema, safeHref, type Block, type Body, type Inline } from '../validation/body';
import { DROPPED, sanitizeNodes } from '../sanitize-html';
import { expandShortcodes } from './shortcodes';

/** A picture the converter found, by attachment id (from `wp-image-N` and friends) and URL. */
export interface ImageRef {
  attachmentId: number | null;
  url: string | null;
}

export interface ResolvedImage {
  mediaId: number;
  alt: string;
  caption: string | null;
  credit: string | null;
}

export interface ConvertContext {
  /** The imported media row for a picture, or null when its file was not imported. */
  resolveImage(ref: ImageRef): ResolvedImage | null;
}

export interface Conversion {
  body: Body;
  /** Human-readable notes: markup kept as HTML, removed elements, unknown shortcodes and blocks. */
  notes: string[];
  /** Pictures referenced by the content that have no imported file. */
  missingImages: string[];
}

/** The body could not be represented within the schema's limits. */
export class ConversionError extends Error {}

const LIMITS = { inlines: 2000, text: 20_000, heading: 500, listItems: 500, pullquote: 1000, cite: 300, alt: 500, caption: 1000, credit: 300, blocks: 5000 };

/** Kept as sanitised HTML: structure we cannot express as blocks but must not flatten. */
const KEPT_AS_HTML = new Set(['table', 'pre', 'dl', 'address', 'details']);
const CONTAINERS = new Set(['div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'center', 'nav', 'body', 'html']);
const BLOCK_LEVEL = new Set([
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'blockquote', 'figure', 'hr', ...KEPT_AS_HTML, ...CONTAINERS,
]);

/** Hosts whose bare URLs WordPress turns into embeds (a subset of its oEmbed providers). */
const EMBED_HOSTS = /(^|\.)(youtube\.com|youtu\.be|vimeo\.com|twitter\.com|x\.com|instagram\.com|facebook\.com|tiktok\.com|soundcloud\.com|spotify\.com|flickr\.com|dailymotion\.com|reddit\.com|tumblr\.com|ted\.com)$/i;

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

function textOf(nodes: readonly ChildNode[]): string {
  let out = '';
  for (const node of nodes) {
    if (isText(node)) out += node.data;
    else if (isTag(node) && !DROPPED.has(node.name)) out += (node.name === 'br' ? '\n' : '') + textOf(node.children);
  }
  return out;
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
const classes = (el: Element) => (el.attribs.class ?? '').split(/\s+/);
const hasClass = (el: Element, name: string) => classes(el).some((c) => c === name || c.startsWith(`${name}-`));

function findAll(nodes: readonly ChildNode[], name: string, out: Element[] = []): Element[] {
  for (const node of nodes) {
    if (!isTag(node)) continue;
    if (node.name === name) out.push(node);
    else findAll(node.children, name, out);
  }
  return out;
}

/** An https URL for an embed; http is upgraded for known providers, anything else refused. */
function embedUrl(raw: string | undefined): string | null {
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw.trim().startsWith('//') ? `https:${raw.trim()}` : raw.trim());
  } catch {
    return null;
  }
  if (url.protocol === 'http:' && EMBED_HOSTS.test(url.hostname)) url.protocol = 'https:';
  if (url.protocol !== 'https:' || url.href.length > 2048) return null;
  return url.href;
}

/** Adjacent runs with the same marks merged; the paragraph trimmed at both ends. */
function tidy(inlines: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const inline of inlines) {
    const last = out.at(-1);
    if (last && last.bold === inline.bold && last.italic === inline.italic && last.href === inline.href) last.text += inline.text;
    else out.push({ ...inline });
  }
  for (const inline of out) inline.text = inline.text.replace(/ *\n */g, '\n').replace(/ {2,}/g, ' ');
  if (out[0]) out[0].text = out[0].text.replace(/^\s+/, '');
  const last = out.at(-1);
  if (last) last.text = last.text.replace(/\s+$/, '');
  return out
    .filter((i) => i.text.length > 0)
    .flatMap((inline) => {
      // The schema caps one run's text; long runs become several runs with the same marks.
      if (inline.text.length <= LIMITS.text) return [inline];
      const parts: Inline[] = [];
      for (let i = 0; i < inline.text.length; i += LIMITS.text) parts.push({ ...inline, text: inline.text.slice(i, i + LIMITS.text) });
      return parts;
    });
}

function withMarks(text: string, marks: Marks): Inline {
  const inline: Inline = { text };
  if (marks.bold) inline.bold = true;
  if (marks.italic) inline.italic = true;
  if (marks.href) inline.href = marks.href;
  return inline;
}

interface Marks {
  bold?: boolean;
  italic?: boolean;
  href?: string;
}

class Converter {
  readonly blocks: Block[] = [];
  private para: Inline[] = [];

  constructor(
    private readonly ctx: ConvertContext,
    readonly notes: Set<string>,
    readonly missing: Set<string>,
  ) {}

  /** Block-level walk. `auto`: blank lines in text separate paragraphs (classic editor, wpautop). */
  walk(nodes: readonly ChildNode[], auto: boolean): void {
    for (const node of nodes) {
      if (isText(node)) this.text(node.data, {}, auto);
      else if (isTag(node)) this.element(node, auto);
      // Gutenberg's block comments and other comments carry nothing we keep.
    }
  }

  private element(el: Element, auto: boolean): void {
    const name = el.name;
    // An iframe is how classic posts embedded video; it becomes an embed (https only), never markup.
    if (name === 'iframe') return this.embed(el.attribs.src, el.attribs.title ?? '', el);
    if (DROPPED.has(name)) return this.drop(el);
    if (/^h[1-6]$/.test(name)) return this.heading(el);
    switch (name) {
      case 'p':
        this.flush();
        this.inline(el.children, {}, false);
        return this.flush();
      case 'ul':
      case 'ol':
        return this.list(el);
      case 'blockquote':
        return hasClass(el, 'wp-block-pullquote') ? this.pullquote(el) : this.quote(el);
      case 'figure':
        return this.figure(el);
      case 'hr':
        this.flush();
        this.blocks.push({ type: 'rule' });
        return;
      case 'img':
        return this.image(el, null);
      case 'video':
      case 'audio':
        return this.embed(el.attribs.src ?? findAll(el.children, 'source')[0]?.attribs.src, '', el);
      case 'br':
        this.para.push({ text: '\n' });
        return;
    }
    if (KEPT_AS_HTML.has(name)) return this.keepHtml(el);
    if (CONTAINERS.has(name)) {
      this.flush();
      this.walk(el.children, auto);
      return this.flush();
    }
    this.inline([el], {}, auto);
  }

  private inline(nodes: readonly ChildNode[], marks: Marks, auto: boolean): void {
    for (const node of nodes) {
      if (isText(node)) {
        this.text(node.data, marks, auto);
        continue;
      }
      if (!isTag(node)) continue;
      const name = node.name;
      if (name === 'iframe' || name === 'img' || name === 'video' || name === 'audio' || BLOCK_LEVEL.has(name)) {
        // A picture, embed or block inside running text splits the paragraph around it.
        this.flush();
        this.element(node, auto);
      } else if (DROPPED.has(name)) this.drop(node);
      else if (name === 'br') this.para.push(withMarks('\n', marks));
      else if (name === 'strong' || name === 'b') this.inline(node.children, { ...marks, bold: true }, auto);
      else if (name === 'em' || name === 'i') this.inline(node.children, { ...marks, italic: true }, auto);
      else if (name === 'a') {
        const href = safeHref.safeParse(node.attribs.href ?? '');
        if (node.attribs.href && !href.success) this.notes.add(`link target removed: ${clip(node.attribs.href, 80)}`);
        this.inline(node.children, href.success ? { ...marks, href: href.data } : marks, auto);
      } else this.inline(node.children, marks, auto);
    }
  }

  private text(data: string, marks: Marks, auto: boolean): void {
    if (!auto) {
      this.para.push(withMarks(data.replace(/\s+/g, ' '), marks));
      return;
    }
    const parts = data.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n\s*/);
    parts.forEach((part, i) => {
      if (i > 0) this.flush();
      // wpautop: a single newline inside a paragraph is a line break.
      this.para.push(withMarks(part.replace(/[ \t]*\n[ \t]*/g, '\n').replace(/[ \t]+/g, ' '), marks));
    });
  }

  /** Ends the open paragraph, if it has any text. */
  flush(): void {
    const inlines = tidy(this.para);
    this.para = [];
    if (inlines.length === 0) return;
    const only = inlines.length === 1 ? inlines[0]! : null;
    if (only && /^https?:\/\/\S+$/.test(only.text) && (!only.href || only.href === only.text)) {
      const url = embedUrl(only.text);
      if (url && EMBED_HOSTS.test(new URL(url).hostname)) {
        this.blocks.push({ type: 'embed', url });
        return;
      }
    }
    for (let i = 0; i < inlines.length; i += LIMITS.inlines) this.blocks.push({ type: 'paragraph', content: inlines.slice(i, i + LIMITS.inlines) });
  }

  private heading(el: Element): void {
    this.flush();
    const text = squash(textOf(el.children));
    if (!text) return;
    if (text.length > LIMITS.heading) this.blocks.push({ type: 'paragraph', content: [{ text, bold: true }] });
    else this.blocks.push({ type: 'heading', level: el.name === 'h1' || el.name === 'h2' ? 2 : 3, text });
  }

  /** Inline content of `nodes` and any blocks found inside (pictures), via a scratch converter. */
  private collect(nodes: readonly ChildNode[], auto = false): { paragraphs: Inline[][]; others: Block[] } {
    const inner = new Converter(this.ctx, this.notes, this.missing);
    inner.walk(nodes, auto);
    inner.flush();
    const paragraphs: Inline[][] = [];
    const others: Block[] = [];
    for (const block of inner.blocks) {
      if (block.type === 'paragraph') paragraphs.push(block.content);
      else others.push(block);
    }
    return { paragraphs, others };
  }

  private list(el: Element): void {
    this.flush();
    const items: Inline[][] = [];
    const after: Block[] = [];
    const visit = (list: Element, depth: number) => {
      for (const li of list.children) {
        if (!isTag(li) || li.name !== 'li') continue;
        const nested = li.children.filter((c): c is Element => isTag(c) && (c.name === 'ul' || c.name === 'ol'));
        const { paragraphs, others } = this.collect(li.children.filter((c) => !nested.includes(c as Element)));
        const content = paragraphs.flatMap((p, i) => (i === 0 ? p : [{ text: '\n' }, ...p]));
        // Lists are one level deep here; nested items follow their parent, marked by a dash.
        if (content.length) items.push(depth > 0 ? [{ text: `${'– '.repeat(depth)}` }, ...content] : content);
        after.push(...others);
        for (const sub of nested) visit(sub, depth + 1);
      }
    };
    visit(el, 0);
    for (let i = 0; i < items.length; i += LIMITS.listItems) {
      this.blocks.push({ type: 'list', ordered: el.name === 'ol', items: items.slice(i, i + LIMITS.listItems) });
    }
    this.blocks.push(...after);
  }

  private citeOf(el: Element): { cite: string | undefined; rest: ChildNode[] } {
    const citeEl = el.children.find((c): c is Element => isTag(c) && (c.name === 'cite' || c.name === 'footer'));
    const cite = citeEl ? squash(textOf(citeEl.children)) : '';
    return { cite: cite ? clip(cite, LIMITS.cite) : undefined, rest: el.children.filter((c) => c !== citeEl) };
  }

  private quote(el: Element): void {
    this.flush();
    const { cite, rest } = this.citeOf(el);
    const { paragraphs, others } = this.collect(rest, true);
    const content = paragraphs.flatMap((p, i) => (i === 0 ? p : [{ text: '\n\n' }, ...p])).slice(0, LIMITS.inlines);
    if (content.length) this.blocks.push(cite ? { type: 'quote', content, cite } : { type: 'quote', content });
    this.blocks.push(...others);
  }

  private pullquote(el: Element): void {
    this.flush();
    const quote = el.name === 'blockquote' ? el : findAll(el.children, 'blockquote')[0] ?? el;
    const { cite, rest } = this.citeOf(quote);
    const text = squash(textOf(rest));
    if (!text) return;
    if (text.length > LIMITS.pullquote) this.quote(quote);
    else this.blocks.push(cite ? { type: 'pullquote', text, cite } : { type: 'pullquote', text });
  }

  private figure(el: Element): void {
    this.flush();
    const captionEl = el.children.find((c): c is Element => isTag(c) && c.name === 'figcaption');
    const caption = captionEl ? squash(textOf(captionEl.children)) : '';
    if (hasClass(el, 'wp-block-pullquote')) return this.pullquote(el);
    if (hasClass(el, 'wp-block-table') || findAll(el.children, 'table').length) return this.keepHtml(el);
    const isEmbed = hasClass(el, 'wp-block-embed') || hasClass(el, 'wp-block-video') || hasClass(el, 'wp-block-audio');
    const frame = findAll(el.children, 'iframe')[0] ?? findAll(el.children, 'video')[0] ?? findAll(el.children, 'audio')[0];
    if (isEmbed || frame) {
      const wrapper = findAll(el.children, 'div').find((d) => hasClass(d, 'wp-block-embed__wrapper'));
      const src = (wrapper && squash(textOf(wrapper.children))) || frame?.attribs.src || (frame && findAll(frame.children, 'source')[0]?.attribs.src);
      return this.embed(src, caption, el);
    }
    const images = findAll(el.children, 'img');
    if (images.length === 0) {
      // A figure of something else (a quote, a list): its content, then its caption as a paragraph.
      this.walk(el.children.filter((c) => c !== captionEl), false);
      if (caption) this.blocks.push({ type: 'paragraph', content: [{ text: caption, italic: true }] });
      return;
    }
    if (images.length === 1) return this.image(images[0]!, caption || null);
    // A gallery: each picture keeps the caption of its own inner figure.
    const inner = findAll(el.children, 'figure');
    if (inner.length) for (const figure of inner) this.figure(figure);
    else for (const img of images) this.image(img, null);
    if (caption) this.blocks.push({ type: 'paragraph', content: [{ text: caption, italic: true }] });
  }

  private image(img: Element, caption: string | null): void {
    this.flush();
    const a = img.attribs;
    const idText = /(?:^|\s)wp-image-(\d+)/.exec(a.class ?? '')?.[1] ?? a['data-attachment-id'] ?? a['data-id'];
    const attachmentId = idText && /^\d+$/.test(idText) ? Number(idText) : null;
    const url = a.src?.trim() || null;
    const media = this.ctx.resolveImage({ attachmentId, url });
    if (!media) {
      this.missing.add(url ?? `attachment ${attachmentId}`);
      // The picture is gone but its words stay.
      if (caption) this.blocks.push({ type: 'paragraph', content: [{ text: clip(caption, LIMITS.text), italic: true }] });
      return;
    }
    const block: Block = { type: 'image', mediaId: media.mediaId, alt: clip(squash(a.alt ?? '') || media.alt, LIMITS.alt) };
    const text = caption || media.caption;
    if (text) block.caption = clip(text, LIMITS.caption);
    if (media.credit) block.credit = clip(media.credit, LIMITS.credit);
    this.blocks.push(block);
  }

  private embed(src: string | undefined, title: string, el: Element): void {
    this.flush();
    const url = embedUrl(src);
    if (url) {
      this.blocks.push(title ? { type: 'embed', url, title: clip(title, 300) } : { type: 'embed', url });
      return;
    }
    this.notes.add(`embed without an https address kept as a link: ${clip(src ?? el.name, 80)}`);
    const href = src ? safeHref.safeParse(src.trim()) : null;
    if (href?.success) this.blocks.push({ type: 'paragraph', content: [{ text: title || href.data, href: href.data }] });
    else if (title) this.blocks.push({ type: 'paragraph', content: [{ text: title }] });
  }

  private keepHtml(el: Element): void {
    this.flush();
    const removed = new Set<string>();
    const html = sanitizeNodes([el], removed).trim();
    for (const name of removed) this.notes.add(`removed <${name}>`);
    if (!html) return;
    this.notes.add(`kept as HTML: <${el.name === 'figure' ? 'table' : el.name}>`);
    this.blocks.push({ type: 'html', html });
  }

  private drop(el: Element): void {
    this.flush();
    this.notes.add(`removed <${el.name}>`);
  }
}

/** Core blocks whose saved HTML the walker reads; other `wp:` blocks are reported. */
const KNOWN_BLOCKS = new Set([
  'paragraph', 'heading', 'list', 'list-item', 'quote', 'pullquote', 'image', 'gallery', 'embed', 'separator', 'table',
  'preformatted', 'code', 'group', 'columns', 'column', 'video', 'audio', 'spacer', 'html', 'freeform', 'more', 'verse',
]);

/** Converts one post's content. Throws {@link ConversionError} when the body exceeds the schema's limits. */
export function convertContent(content: string, ctx: ConvertContext): Conversion {
  const notes = new Set<string>();
  const missing = new Set<string>();
  for (const match of content.matchAll(/<!--\s+wp:([a-z][\w/-]*)[^>]*?(\/)?-->/g)) {
    const name = match[1]!.replace(/^core\//, '');
    if (KNOWN_BLOCKS.has(name)) continue;
    notes.add(match[2] ? `dynamic block wp:${name} skipped (it has no saved content)` : `block wp:${name} converted from its HTML`);
  }
  const gutenberg = /<!--\s+wp:/.test(content);
  const { html, unknown } = expandShortcodes(content);
  for (const name of unknown) notes.add(`unknown shortcode [${name}] kept as text`);

  const converter = new Converter(ctx, notes, missing);
  // htmlparser2 keeps the text of <script>/<style> as raw text; DROPPED removes those elements.
  converter.walk(parseDocument(html, { decodeEntities: true }).children, !gutenberg);
  converter.flush();
  const blocks = converter.blocks;
  if (blocks.length > LIMITS.blocks) throw new ConversionError(`the content has ${blocks.length} blocks; at most ${LIMITS.blocks} fit one article`);
  const parsed = bodySchema.safeParse({ blocks });
  if (!parsed.success) throw new ConversionError(parsed.error.issues[0]?.message ?? 'invalid body');
  for (const url of missing) notes.add(`missing image: ${url}`);
  return { body: parsed.data, notes: [...notes], missingImages: [...missing] };
}

/** Plain text of an excerpt or title that may carry markup or entities. */
export function plainText(html: string): string {
  if (!/[<&]/.test(html)) return squash(html);
  return squash(textOf(parseDocument(html, { decodeEntities: true }).children));
}
