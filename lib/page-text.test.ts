import { describe, expect, it } from 'vitest';
import { PAGES } from './seed/site';
import { bodyToText, textToBody } from './page-text';

describe('page text', () => {
  it('round-trips every seeded page without losing structure or text', () => {
    for (const page of PAGES) {
      const text = bodyToText(page.body);
      expect(textToBody(text), page.slug).toEqual({ ok: true, body: page.body });
    }
  });

  it('keeps literal markup characters and refuses unsafe links', () => {
    const body = { blocks: [{ type: 'paragraph' as const, content: [{ text: 'Price *not* final [draft] \\ ok' }] }] };
    expect(textToBody(bodyToText(body))).toEqual({ ok: true, body });
    expect(textToBody('Click [here](javascript:alert(1))')).toMatchObject({ ok: false, message: expect.stringMatching(/links must be/) });
    expect(textToBody('## Title\n\n>> Quote -- Someone\n\n---\n\n1. one\n2. two')).toMatchObject({
      ok: true,
      body: { blocks: [{ type: 'heading', level: 2 }, { type: 'pullquote', text: 'Quote', cite: 'Someone' }, { type: 'rule' }, { type: 'list', ordered: true }] },
    });
  });
});

describe('imported html blocks', () => {
  it('survive editing verbatim, blank lines included', () => {
    const body = { blocks: [{ type: 'paragraph' as const, content: [{ text: 'Rates:' }] }, { type: 'html' as const, html: '<table>\n\n<tr><td>1</td></tr>\n</table>' }] };
    expect(textToBody(bodyToText(body))).toEqual({ ok: true, body });
    expect(textToBody('<<<html\n<table>')).toEqual({ ok: false, message: 'An HTML block has no closing >>> line.' });
  });
});
