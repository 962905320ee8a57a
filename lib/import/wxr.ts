/**
 * A streaming reader for WordPress eXtended RSS (WXR) exports. The file is parsed with saxes as
 * it is read; one channel-level record (author, category, tag) or one `<item>` is held at a time,
 * so memory stays flat however large the export. Malformed XML stops with its line and column.
 */
import { createReadStream, statSync } from 'node:fs';
import { SaxesParser } from 'saxes';

export interface WxrAuthor {
  id: number | null;
  login: string;
  email: string;
  displayName: string;
  firstName: string;
  lastName: string;
}

export interface WxrTerm {
  termId: number | null;
  slug: string;
  name: string;
  /** Category parent's slug; empty for top level and for tags. */
  parent: string;
  description: string;
}

export interface WxrItemTerm {
  domain: string;
  slug: string;
  name: string;
}

export interface WxrItem {
  /** Line of the `<item>` tag, for messages. */
  line: number;
  id: number;
  type: string;
  status: string;
  title: string;
  link: string;
  creator: string;
  content: string;
  excerpt: string;
  slug: string;
  date: string;
  dateGmt: string;
  modifiedGmt: string;
  parent: number;
  menuOrder: number;
  attachmentUrl: string;
  terms: WxrItemTerm[];
  meta: Map<string, string[]>;
  comments: number;
}

export type WxrEvent =
  | { kind: 'channel'; field: string; value: string }
  | { kind: 'author'; author: WxrAuthor; line: number }
  | { kind: 'category'; term: WxrTerm; line: number }
  | { kind: 'tag'; term: WxrTerm; line: number }
  | { kind: 'item'; item: WxrItem; rawId: string };

/** The file is not well-formed XML, or not a WXR export. */
export class WxrSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`line ${line}, column ${column}: ${message}`);
    this.name = 'WxrSyntaxError';
  }
}

const CHANNEL_FIELDS = new Set(['title', 'link', 'language', 'wp:wxr_version', 'wp:base_site_url', 'wp:base_blog_url']);

function int(text: string | undefined): number | null {
  const t = (text ?? '').trim();
  return /^\d+$/.test(t) ? Number(t) : null;
}

/** Collects the text of the leaf elements under one record, keyed by qualified name. */
class Collected {
  readonly fields = new Map<string, string>();
  readonly terms: WxrItemTerm[] = [];
  readonly meta = new Map<string, string[]>();
  comments = 0;
  metaKey = '';
  metaValue = '';
  constructor(
    readonly name: string,
    readonly line: number,
  ) {}
  get(field: string): string {
    return this.fields.get(field) ?? '';
  }
}

function toAuthor(r: Collected): WxrAuthor {
  return {
    id: int(r.get('wp:author_id')),
    login: r.get('wp:author_login').trim(),
    email: r.get('wp:author_email').trim(),
    displayName: r.get('wp:author_display_name').trim(),
    firstName: r.get('wp:author_first_name').trim(),
    lastName: r.get('wp:author_last_name').trim(),
  };
}

function toTerm(r: Collected, kind: 'category' | 'tag'): WxrTerm {
  return kind === 'category'
    ? {
        termId: int(r.get('wp:term_id')),
        slug: r.get('wp:category_nicename').trim(),
        name: r.get('wp:cat_name').trim(),
        parent: r.get('wp:category_parent').trim(),
        description: r.get('wp:category_description').trim(),
      }
    : {
        termId: int(r.get('wp:term_id')),
        slug: r.get('wp:tag_slug').trim(),
        name: r.get('wp:tag_name').trim(),
        parent: '',
        description: r.get('wp:tag_description').trim(),
      };
}

function toItem(r: Collected): WxrItem {
  return {
    line: r.line,
    id: int(r.get('wp:post_id')) ?? 0,
    type: r.get('wp:post_type').trim(),
    status: r.get('wp:status').trim(),
    title: r.get('title'),
    link: r.get('link').trim(),
    creator: r.get('dc:creator').trim(),
    content: r.get('content:encoded'),
    excerpt: r.get('excerpt:encoded'),
    slug: r.get('wp:post_name').trim(),
    date: r.get('wp:post_date').trim(),
    dateGmt: r.get('wp:post_date_gmt').trim(),
    modifiedGmt: r.get('wp:post_modified_gmt').trim(),
    parent: int(r.get('wp:post_parent')) ?? 0,
    menuOrder: int(r.get('wp:menu_order')) ?? 0,
    attachmentUrl: r.get('wp:attachment_url').trim(),
    terms: r.terms,
    meta: r.meta,
    comments: r.comments,
  };
}

const RECORDS: Record<string, 'author' | 'category' | 'tag' | 'item'> = {
  'wp:author': 'author',
  'wp:category': 'category',
  'wp:tag': 'tag',
  item: 'item',
};

export interface ReadOptions {
  /** Called with bytes read so far and the file size. */
  onBytes?: (read: number, total: number) => void;
}

/**
 * Yields the export's records in document order. Throws {@link WxrSyntaxError} at the first
 * well-formedness error, or when the root is not an RSS document with a channel.
 */
export async function* readWxr(file: string, options: ReadOptions = {}): AsyncGenerator<WxrEvent> {
  const total = statSync(file).size;
  const parser = new SaxesParser({ position: true });
  const queue: WxrEvent[] = [];
  const stack: string[] = [];
  let record: Collected | null = null;
  let text = '';
  let sawChannel = false;
  let failure: WxrSyntaxError | null = null;

  parser.on('error', (error) => {
    // saxes prefixes its messages with the position; keep only the reason.
    failure ??= new WxrSyntaxError(error.message.replace(/^(?:[^:]*:)?\d+:\d+: /, '').replace(/\.$/, ''), parser.line, parser.column);
  });
  parser.on('opentag', (tag) => {
    const name = tag.name;
    const depth = stack.length;
    stack.push(name);
    text = '';
    if (depth === 0 && name !== 'rss') failure ??= new WxrSyntaxError(`expected an <rss> WordPress export, found <${name}>`, parser.line, parser.column);
    if (depth === 1 && name === 'channel') sawChannel = true;
    if (!record && depth === 2 && RECORDS[name]) record = new Collected(name, parser.line);
    else if (record?.name === 'item' && name === 'category' && depth === 3) {
      // Without namespace processing saxes gives attributes as plain strings.
      const attributes = tag.attributes as Record<string, string>;
      record.terms.push({ domain: attributes.domain ?? '', slug: attributes.nicename ?? '', name: '' });
    } else if (record?.name === 'item' && name === 'wp:comment' && depth === 3) record.comments++;
  });
  // Comment bodies are counted, not kept; outside records only channel fields (depth 3) matter.
  const keep = (t: string) => {
    if (record ? !stack.includes('wp:comment') : stack.length === 3) text += t;
  };
  parser.on('text', keep);
  parser.on('cdata', keep);
  parser.on('closetag', () => {
    const name = stack.pop()!;
    const depth = stack.length;
    if (record) {
      if (depth === 2 && name === record.name) {
        const r: Collected = record;
        record = null;
        const kind = RECORDS[name]!;
        if (kind === 'author') queue.push({ kind, author: toAuthor(r), line: r.line });
        else if (kind === 'item') queue.push({ kind, item: toItem(r), rawId: r.get('wp:post_id') });
        else queue.push({ kind, term: toTerm(r, kind), line: r.line });
      } else if (name === 'category' && depth === 3 && record.name === 'item') {
        record.terms.at(-1)!.name = text.trim();
      } else if (stack.at(-1) === 'wp:postmeta') {
        if (name === 'wp:meta_key') record.metaKey = text.trim();
        else if (name === 'wp:meta_value') record.metaValue = text;
      } else if (name === 'wp:postmeta') {
        const list = record.meta.get(record.metaKey) ?? [];
        list.push(record.metaValue);
        record.meta.set(record.metaKey, list);
        record.metaKey = record.metaValue = '';
      } else if (depth === 3 && !stack.includes('wp:comment')) record.fields.set(name, text);
    } else if (depth === 2 && CHANNEL_FIELDS.has(name)) queue.push({ kind: 'channel', field: name, value: text.trim() });
    text = '';
  });

  let read = 0;
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 256 * 1024 });
  try {
    for await (const chunk of stream as AsyncIterable<string>) {
      parser.write(chunk);
      read += Buffer.byteLength(chunk);
      if (failure) throw failure;
      while (queue.length) yield queue.shift()!;
      options.onBytes?.(read, total);
    }
    parser.close();
    if (failure) throw failure;
    while (queue.length) yield queue.shift()!;
    if (!sawChannel) throw new WxrSyntaxError('the export has no <channel>', parser.line, parser.column);
  } finally {
    stream.destroy();
  }
}
