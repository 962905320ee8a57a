import { describe, expect, it } from 'vitest';
import { normaliseUrl } from './normalise';

describe('normaliseUrl', () => {
  it('leaves a canonical URL alone', () => {
    expect(normaliseUrl('/news/some-story')).toEqual({ path: '/news/some-story', query: '', key: '/news/some-story' });
    expect(normaliseUrl('/').redirect).toBeUndefined();
  });

  it('redirects trailing and duplicate slashes and capitals in one hop', () => {
    expect(normaliseUrl('//News///Some-Story/').redirect).toBe('/news/some-story');
  });

  it('keeps every parameter in the redirect but only allowlisted ones in the key', () => {
    const url = normaliseUrl('/Search/?utm_source=mail&q=flood&page=2');
    expect(url.redirect).toBe('/search?utm_source=mail&q=flood&page=2');
    expect(normaliseUrl('/search?utm_source=mail&q=flood&page=2').key).toBe('/search?page=2&q=flood');
  });

  it('sends ?page=1 to the bare URL', () => {
    expect(normaliseUrl('/world?page=1').redirect).toBe('/world');
    expect(normaliseUrl('/world?page=1&utm=x').redirect).toBe('/world?utm=x');
  });

  it('gives one key to both spellings of a percent-encoded Thai slug', () => {
    const upper = normaliseUrl('/news/%E0%B8%82%E0%B9%88%E0%B8%B2%E0%B8%A7');
    const lower = normaliseUrl('/news/%e0%b8%82%e0%b9%88%e0%b8%b2%e0%b8%a7');
    expect(lower.key).toBe(upper.key);
    expect(upper.redirect).toBeUndefined();
    expect(lower.redirect).toBe(upper.path);
  });

  it('keeps a malformed escape instead of throwing', () => {
    expect(normaliseUrl('/news/%E0%zz').path).toBe('/news/%E0%zz');
  });
});
