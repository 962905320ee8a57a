import { describe, expect, it } from 'vitest';
import type { Body } from './body';
import { bodyToText, BodyTextError, textToBody } from './body-text';

const everything: Body = {
  blocks: [
    { type: 'paragraph', content: [{ text: 'CHIANG MAI — ', bold: true }, { text: 'Lanterns rose over the ' }, { text: 'Ping', italic: true }, { text: '. Read ' }, { text: 'more', href: '/tag/loy-krathong' }, { text: ' on file_name.' }] },
    { type: 'heading', level: 2, text: 'What happens next' },
    { type: 'heading', level: 3, text: 'Smaller' },
    { type: 'quote', content: [{ text: 'We were not told.' }], cite: 'A vendor' },
    { type: 'pullquote', text: 'It has to be simple.' },
    { type: 'list', ordered: false, items: [[{ text: 'one' }], [{ text: 'two', bold: true }]] },
    { type: 'list', ordered: true, items: [[{ text: 'first' }], [{ text: 'second' }]] },
    { type: 'image', mediaId: 12, alt: 'Boats on the river', caption: 'At dusk', credit: 'Staff' },
    { type: 'image', mediaId: 13, alt: 'No caption' },
    { type: 'embed', url: 'https://www.youtube.com/watch?v=abc', title: 'The parade' },
    { type: 'rule' },
    { type: 'html', html: '<table>\n\n<tr><td>"a"</td></tr></table>' },
    { type: 'paragraph', content: [{ text: 'Signed', italic: true }] },
  ],
};

describe('body as text', () => {
  it('round-trips every block type and inline mark', () => {
    expect(textToBody(bodyToText(everything))).toEqual(everything);
  });

  it('reads what a person types', () => {
    expect(textToBody('## Heading\n\nFirst line\ncontinues here.\n\n\n- a\n- b')).toEqual({
      blocks: [
        { type: 'heading', level: 2, text: 'Heading' },
        { type: 'paragraph', content: [{ text: 'First line continues here.' }] },
        { type: 'list', ordered: false, items: [[{ text: 'a' }], [{ text: 'b' }]] },
      ],
    });
  });

  it('says which block is wrong', () => {
    expect(() => textToBody('Fine.\n\nA [bad link](javascript:alert(1))')).toThrow(/links must be .*block 2/);
    expect(() => textToBody('::gallery 1 2 3')).toThrow(BodyTextError);
  });
});
