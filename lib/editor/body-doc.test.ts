import { getSchema } from '@tiptap/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bodySchema, type Block, type Body, type Inline } from '../validation/body';
import { bodyToDoc, docToBody } from './body-doc';
import { bodyExtensions } from './extensions';

const schema = getSchema(bodyExtensions());

/** Every block type and inline mark the stored body knows. */
const everything: Body = {
  blocks: [
    { type: 'paragraph', content: [{ text: 'Plain, ' }, { text: 'bold', bold: true }, { text: ' and ' }, { text: 'both', bold: true, italic: true }, { text: ' with a ' }, { text: 'link', href: 'https://example.org/a?b=1' }, { text: '.' }] },
    { type: 'heading', level: 2, text: 'A section heading' },
    { type: 'heading', level: 3, text: 'A smaller heading' },
    { type: 'paragraph', content: [{ text: 'Line one\nline two after a break, ' }, { text: 'italic\nacross a break', italic: true }] },
    { type: 'quote', content: [{ text: 'Quoted words\nover two lines' }], cite: 'A. Source' },
    { type: 'quote', content: [{ text: 'No citation here.' }] },
    { type: 'pullquote', text: 'The line that sells the story', cite: 'The Mayor' },
    { type: 'pullquote', text: 'Uncredited' },
    { type: 'list', ordered: false, items: [[{ text: 'first' }], [{ text: 'second ' }, { text: 'bold', bold: true }]] },
    { type: 'list', ordered: true, items: [[{ text: 'one' }], [{ text: 'two', href: '/news/local' }]] },
    { type: 'image', mediaId: 12, alt: 'A river at dawn', caption: 'The river', credit: 'Photo: Ann' },
    { type: 'image', mediaId: 13, alt: '' },
    { type: 'embed', url: 'https://www.youtube.com/watch?v=abcdefghijk', title: 'The video' },
    { type: 'embed', url: 'https://vimeo.com/123' },
    { type: 'rule' },
    { type: 'html', html: '<table><tr><td>1</td></tr></table>' },
    { type: 'paragraph', content: [{ text: 'mail me', href: 'mailto:desk@example.org' }] },
  ],
};

const word = fc.stringMatching(/^[A-Za-zก-๙0-9’'.,!?-]{1,12}$/);
const line = fc.array(word, { minLength: 1, maxLength: 6 }).map((w) => w.join(' '));
const inlineArb: fc.Arbitrary<Inline> = fc.record(
  {
    text: fc.array(fc.oneof(word, fc.constant(' '), fc.constant('\n')), { minLength: 1, maxLength: 8 }).map((parts) => parts.join('')),
    bold: fc.constant(true as const),
    italic: fc.constant(true as const),
    href: fc.constantFrom('https://example.org/x', '/news/a', 'mailto:a@example.org'),
  },
  { requiredKeys: ['text'] },
);
const inlines = fc.array(inlineArb, { minLength: 1, maxLength: 6 });
const optionalText = (key: string) => fc.option(line, { nil: undefined }).map((v) => (v === undefined ? {} : { [key]: v }));
const blockArb: fc.Arbitrary<Block> = fc.oneof(
  inlines.map((content) => ({ type: 'paragraph' as const, content })),
  fc.tuple(fc.constantFrom(2 as const, 3 as const), line).map(([level, text]) => ({ type: 'heading' as const, level, text })),
  fc.tuple(inlines, optionalText('cite')).map(([content, cite]) => ({ type: 'quote' as const, content, ...cite })),
  fc.tuple(line, optionalText('cite')).map(([text, cite]) => ({ type: 'pullquote' as const, text, ...cite })),
  fc.tuple(fc.boolean(), fc.array(inlines, { minLength: 1, maxLength: 4 })).map(([ordered, items]) => ({ type: 'list' as const, ordered, items })),
  fc.tuple(fc.integer({ min: 1, max: 10_000 }), line, optionalText('caption'), optionalText('credit')).map(([mediaId, alt, caption, credit]) => ({ type: 'image' as const, mediaId, alt, ...caption, ...credit })),
  fc.tuple(fc.webUrl({ validSchemes: ['https'] }), optionalText('title')).map(([url, title]) => ({ type: 'embed' as const, url, ...title })),
  fc.constant({ type: 'rule' as const }),
);
const bodyArb = fc.array(blockArb, { maxLength: 12 }).map((blocks) => ({ blocks }));

/** What the editor stores for a body: neighbouring runs with the same marks become one. */
function normalised(body: Body): Body {
  const merge = (runs: Inline[]) =>
    runs.reduce<Inline[]>((out, run) => {
      const last = out.at(-1);
      if (last && last.bold === run.bold && last.italic === run.italic && last.href === run.href) last.text += run.text;
      else out.push({ ...run });
      return out;
    }, []);
  return {
    blocks: body.blocks.map((b) => {
      if (b.type === 'paragraph' || b.type === 'quote') return { ...b, content: merge(b.content) };
      if (b.type === 'list') return { ...b, items: b.items.map(merge) };
      return b;
    }),
  };
}

describe('body ⇄ editor document', () => {
  it('round-trips every block type and mark exactly', () => {
    const doc = bodyToDoc(everything, { 12: { src: '/media/river.jpg' } });
    expect(docToBody(doc)).toEqual(everything);
  });

  it('produces documents the editor schema accepts, and bodies the server schema accepts', () => {
    const doc = bodyToDoc(everything);
    expect(() => schema.nodeFromJSON(doc).check()).not.toThrow();
    // Through ProseMirror's own JSON, as the editor hands it back.
    const back = docToBody(schema.nodeFromJSON(doc).toJSON());
    expect(bodySchema.parse(back)).toEqual(everything);
  });

  it('round-trips any body, up to merging neighbouring runs that carry the same marks', () => {
    fc.assert(
      fc.property(bodyArb, (body) => {
        const doc = schema.nodeFromJSON(bodyToDoc(body)).toJSON();
        expect(docToBody(doc)).toEqual(normalised(body));
      }),
      { numRuns: 300 },
    );
  });

  it('gives the editor a paragraph to type in when the body is empty, and stores nothing for it', () => {
    const doc = bodyToDoc({ blocks: [] });
    expect(() => schema.nodeFromJSON(doc).check()).not.toThrow();
    expect(docToBody(doc)).toEqual({ blocks: [] });
  });

  it('drops what readers would see as nothing: empty paragraphs, headings, list items and pull quotes', () => {
    const doc = {
      type: 'doc',
      content: [
        { type: 'paragraph' },
        { type: 'heading', attrs: { level: 2 } },
        { type: 'bulletList', content: [{ type: 'listItem', content: [{ type: 'paragraph' }] }, { type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'kept' }] }] }] },
        { type: 'pullquote', attrs: { cite: 'nobody' } },
        { type: 'paragraph', content: [{ type: 'text', text: '  spaces kept inside  ' }] },
      ],
    };
    expect(docToBody(doc)).toEqual({
      blocks: [
        { type: 'list', ordered: false, items: [[{ text: 'kept' }]] },
        { type: 'paragraph', content: [{ text: '  spaces kept inside  ' }] },
      ],
    });
  });

  it('joins a quote of several paragraphs into one stored quote, line by line', () => {
    const doc = { type: 'doc', content: [{ type: 'blockquote', attrs: { cite: ' Her ' }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'one' }] }, { type: 'paragraph' }, { type: 'paragraph', content: [{ type: 'text', text: 'two' }] }] }] };
    expect(docToBody(doc)).toEqual({ blocks: [{ type: 'quote', content: [{ text: 'one\ntwo' }], cite: 'Her' }] });
  });

  it('splits a run longer than the schema allows instead of losing it', () => {
    const text = 'x'.repeat(45_000);
    const body = docToBody({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });
    expect(bodySchema.parse(body).blocks[0]).toMatchObject({ type: 'paragraph' });
    const block = body.blocks[0] as { content: { text: string }[] };
    expect(block.content.map((i) => i.text).join('')).toBe(text);
  });

  it('passes a hostile link through to the server, whose schema refuses it', () => {
    const body = docToBody({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'x', marks: [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }] }] }] });
    expect(bodySchema.safeParse(body).success).toBe(false);
  });
});
