import { describe, expect, it } from 'vitest';
import { convertContent, plainText, type ConvertContext } from './html';
import { sanitizeHtml } from '../sanitize-html';
import { expandShortcodes } from './shortcodes';

const none: ConvertContext = { resolveImage: () => null };
const withImage: ConvertContext = { resolveImage: (ref) => (ref.attachmentId === 7 ? { mediaId: 3, alt: 'Library alt', caption: null, credit: 'Wire' } : null) };

describe('convertContent', () => {
  it('splits classic text into paragraphs on blank lines and keeps single newlines as breaks', () => {
    const { body } = convertContent('One\ntwo\n\n\nThree', none);
    expect(body.blocks).toEqual([
      { type: 'paragraph', content: [{ text: 'One\ntwo' }] },
      { type: 'paragraph', content: [{ text: 'Three' }] },
    ]);
  });

  it('splits a paragraph around a picture inside it', () => {
    const { body } = convertContent('<p>Before <img class="wp-image-7" src="/a.jpg"> after</p>', withImage);
    expect(body.blocks).toEqual([
      { type: 'paragraph', content: [{ text: 'Before' }] },
      { type: 'image', mediaId: 3, alt: 'Library alt', credit: 'Wire' },
      { type: 'paragraph', content: [{ text: 'after' }] },
    ]);
  });

  it('keeps the words of a missing picture and reports it', () => {
    const result = convertContent('[caption id="attachment_9"]<img src="https://old/wp-content/uploads/x.jpg"> Lost photo[/caption]', none);
    expect(result.body.blocks).toEqual([{ type: 'paragraph', content: [{ text: 'Lost photo', italic: true }] }]);
    expect(result.missingImages).toEqual(['https://old/wp-content/uploads/x.jpg']);
  });

  it('turns iframes and media shortcodes into https embeds, and http iframes of unknown hosts into links', () => {
    expect(convertContent('<iframe src="https://www.youtube.com/embed/abc" title="Clip"></iframe>', none).body.blocks).toEqual([{ type: 'embed', url: 'https://www.youtube.com/embed/abc', title: 'Clip' }]);
    expect(convertContent('<p>Watch <iframe src="http://tracker.example/f"></iframe></p>', none).body.blocks).toEqual([
      { type: 'paragraph', content: [{ text: 'Watch' }] },
      { type: 'paragraph', content: [{ text: 'http://tracker.example/f', href: 'http://tracker.example/f' }] },
    ]);
    expect(convertContent('[youtube=http://www.youtube.com/watch?v=xyz]', none).body.blocks).toEqual([{ type: 'embed', url: 'https://www.youtube.com/watch?v=xyz' }]);
    expect(convertContent('[embed]https://vimeo.com/1[/embed]', none).body.blocks).toEqual([{ type: 'embed', url: 'https://vimeo.com/1' }]);
    // A plain URL of a site WordPress would not embed stays a paragraph.
    expect(convertContent('https://example.org/page', none).body.blocks).toEqual([{ type: 'paragraph', content: [{ text: 'https://example.org/page' }] }]);
  });

  it('maps h1 to level 2 and h4–h6 to level 3, and keeps over-long headings as bold paragraphs', () => {
    const long = 'x'.repeat(600);
    expect(convertContent(`<h1>Top</h1><h5>Low</h5><h2>${long}</h2>`, none).body.blocks).toEqual([
      { type: 'heading', level: 2, text: 'Top' },
      { type: 'heading', level: 3, text: 'Low' },
      { type: 'paragraph', content: [{ text: long, bold: true }] },
    ]);
  });

  it('splits very long text to fit the body schema instead of losing it', () => {
    const text = 'word '.repeat(9000).trim();
    const { body } = convertContent(`<p>${text}</p>`, none);
    const kept = body.blocks.flatMap((b) => (b.type === 'paragraph' ? b.content.map((i) => i.text) : [])).join('');
    expect(kept).toBe(text);
  });
});

describe('sanitizeHtml', () => {
  it('keeps allowed structure and drops handlers, scripts and unsafe links', () => {
    const removed = new Set<string>();
    expect(sanitizeHtml('<table class="x" onclick="y"><tr><td colspan="2" style="color:red">A &amp; B</td></tr></table><script>x()</script><a href="javascript:x">j</a>', removed)).toBe(
      '<table><tr><td colspan="2">A &amp; B</td></tr></table><a>j</a>',
    );
    expect([...removed]).toEqual(['script']);
  });
});

describe('expandShortcodes', () => {
  it('rewrites known shortcodes and reports unknown ones without touching bracketed words', () => {
    const { html, unknown } = expandShortcodes('[gallery ids="1, 2"] [sic] [audio src="https://x.example/a.mp3"] [poll id="3"]');
    expect(html).toContain('<img data-attachment-id="1" alt=""><img data-attachment-id="2" alt="">');
    expect(html).toContain('https://x.example/a.mp3');
    expect(html).toContain('[sic]');
    expect(unknown).toEqual(['poll']);
  });
});

describe('plainText', () => {
  it('decodes entities and drops tags', () => {
    expect(plainText('<p>Fish &amp; chips</p>\n<p>today</p>')).toBe('Fish & chips today');
  });
});
