/**
 * The structured article body (DESIGN §5): what the editor produces, what lib/ validates before
 * storage and what the reader pages render on the server. Stored as JSON in Article.body.
 */
import { z } from 'zod';

const MAX_TEXT = 20_000;

/** Only http(s), mailto and site-relative links survive; `javascript:` and `data:` never do. */
export const safeHref = z
  .string()
  .trim()
  .max(2048)
  .refine((href) => /^(https?:\/\/|mailto:|\/(?!\/))/i.test(href), 'links must be http(s), mailto or site-relative');

export const inlineSchema = z.strictObject({
  text: z.string().max(MAX_TEXT),
  bold: z.literal(true).optional(),
  italic: z.literal(true).optional(),
  href: safeHref.optional(),
});

const inlines = z.array(inlineSchema).max(2000);

export const blockSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('paragraph'), content: inlines }),
  z.strictObject({ type: z.literal('heading'), level: z.union([z.literal(2), z.literal(3)]), text: z.string().min(1).max(500) }),
  z.strictObject({ type: z.literal('quote'), content: inlines, cite: z.string().max(300).optional() }),
  z.strictObject({ type: z.literal('pullquote'), text: z.string().min(1).max(1000), cite: z.string().max(300).optional() }),
  z.strictObject({ type: z.literal('list'), ordered: z.boolean(), items: z.array(inlines).min(1).max(500) }),
  z.strictObject({
    type: z.literal('image'),
    mediaId: z.number().int().positive(),
    alt: z.string().max(500),
    caption: z.string().max(1000).optional(),
    credit: z.string().max(300).optional(),
  }),
  z.strictObject({ type: z.literal('embed'), url: z.url({ protocol: /^https$/ }).max(2048), title: z.string().max(300).optional() }),
  z.strictObject({ type: z.literal('rule') }),
  /**
   * Markup no other block can express (tables, preformatted text, definition lists), kept from
   * imports rather than dropped. Already reduced to an allowlist by lib/import/sanitize.ts;
   * renderers run that sanitiser again before output.
   */
  z.strictObject({ type: z.literal('html'), html: z.string().min(1).max(200_000) }),
]);

export const bodySchema = z.strictObject({ blocks: z.array(blockSchema).max(5000) });

export type Inline = z.infer<typeof inlineSchema>;
export type Block = z.infer<typeof blockSchema>;
export type Body = z.infer<typeof bodySchema>;

const WORDS_PER_MINUTE = 230;

function blockText(block: Block): string {
  switch (block.type) {
    case 'paragraph':
    case 'quote':
      return block.content.map((i) => i.text).join('');
    case 'list':
      return block.items.map((item) => item.map((i) => i.text).join('')).join(' ');
    case 'heading':
    case 'pullquote':
      return block.text;
    case 'image':
      return block.caption ?? '';
    case 'html':
      return block.html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim();
    default:
      return '';
  }
}

/** Plain text of the body, block by block, for search indexing, summaries and word counts. */
export function bodyText(body: Body): string {
  return body.blocks.map(blockText).filter(Boolean).join('\n');
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** ASCII letters and digits, by char code. */
const ASCII_WORD = new Uint8Array(128).map((_, c) => Number((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)));

/**
 * Words as the pattern `[\p{L}\p{N}][\p{L}\p{N}'’-]*` would match them, counted in one pass without
 * building the array of matches: the seed counts every body of a million articles with it.
 */
export function countWords(text: string): number {
  let words = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let letter: boolean;
    if (code < 128) letter = ASCII_WORD[code] === 1;
    else {
      const point = text.codePointAt(i)!;
      if (point > 0xffff) i++;
      letter = LETTER_OR_DIGIT.test(String.fromCodePoint(point));
    }
    if (letter) {
      if (!inWord) words++;
      inWord = true;
    } else if (!(inWord && (code === 39 || code === 45 || code === 0x2019))) inWord = false;
  }
  return words;
}

export function readingMinutes(words: number): number {
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}
