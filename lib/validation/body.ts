/**
 * The structured article body (DESIGN §5): what the editor produces, what lib/ validates before
 * storage and what the reader pages render on the server. Stored as JSON in Article.body.
 */
import { z } from 'zod';
import { sanitizeHtml } from '../sanitize-html';
import { plainText, safeHref } from './text';
import { idNumber } from './ids';

export { safeHref };
export { countWords, readingMinutes } from './words';

const MAX_TEXT = 20_000;

export const inlineSchema = z.strictObject({
  text: plainText().max(MAX_TEXT),
  bold: z.literal(true).optional(),
  italic: z.literal(true).optional(),
  href: safeHref.optional(),
});

const inlines = z.array(inlineSchema).max(2000);

export const blockSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('paragraph'), content: inlines }),
  z.strictObject({ type: z.literal('heading'), level: z.union([z.literal(2), z.literal(3)]), text: plainText().min(1).max(500) }),
  z.strictObject({ type: z.literal('quote'), content: inlines, cite: plainText().max(300).optional() }),
  z.strictObject({ type: z.literal('pullquote'), text: plainText().min(1).max(1000), cite: plainText().max(300).optional() }),
  z.strictObject({ type: z.literal('list'), ordered: z.boolean(), items: z.array(inlines).min(1).max(500) }),
  z.strictObject({
    type: z.literal('image'),
    mediaId: idNumber(),
    alt: plainText().max(500),
    caption: plainText().max(1000).optional(),
    credit: plainText().max(300).optional(),
  }),
  z.strictObject({ type: z.literal('embed'), url: z.url({ protocol: /^https$/ }).max(2048), title: plainText().max(300).optional() }),
  z.strictObject({ type: z.literal('rule') }),
  /**
   * Markup no other block can express (tables, preformatted text, definition lists), kept from
   * imports rather than dropped. Reduced to the allowlist of lib/sanitize-html.ts whenever a body
   * is validated, so nothing else is ever stored; renderers run the sanitiser again before output.
   */
  z.strictObject({
    type: z.literal('html'),
    html: z.string().max(200_000).overwrite(sanitizeHtml).min(1, 'Nothing is left of this HTML block once unsafe markup is removed.'),
  }),
]);

export const bodySchema = z.strictObject({ blocks: z.array(blockSchema).max(5000) });

export type Inline = z.infer<typeof inlineSchema>;
export type Block = z.infer<typeof blockSchema>;
export type Body = z.infer<typeof bodySchema>;

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
