// Request targets are worked out once and remembered; what is remembered must be what a fresh
// look would say, and the memory must stay bounded.
import { describe, expect, it } from 'vitest';
import { normaliseUrl, readablePath } from './normalise';
import { RequestTargets } from './targets';

describe('request targets', () => {
  it('describe a target as normalisation would, the first time and every time after', () => {
    const targets = new RequestTargets();
    for (const raw of ['/World//News/?page=1&utm_source=x', '/news/%E0%A4%A', '/?p=4242', '/2019/04/12/old-slug', '/search?q=market&sort=new', '/']) {
      const first = targets.get(raw);
      expect(targets.get(raw)).toBe(first);
      expect(first.url).toEqual(normaliseUrl(raw));
      expect(first.readable).toBe(readablePath(raw.split('?')[0]!));
    }
    expect(targets.get('/?p=4242').wordPress).toBe(true);
    expect(targets.get('/2019/04/12/old-slug').wordPress).toBe(true);
    expect(targets.get('/search?q=market&sort=new').wordPress).toBe(false);
    expect(targets.get('/search?q=market&sort=new').rawQuery).toBe('q=market&sort=new');
  });

  it('cannot be changed by whoever reads one', () => {
    const target = new RequestTargets().get('/news?page=2');
    expect(() => Object.assign(target.url, { key: '/admin' })).toThrow(TypeError);
    expect(target.url.key).toBe('/news?page=2');
  });

  it('hold no more than their bound: a crawler walking new URLs starts them afresh', () => {
    const targets = new RequestTargets(3);
    const first = targets.get('/a');
    targets.get('/b');
    targets.get('/c');
    expect(targets.get('/a')).toBe(first);
    targets.get('/d'); // the fourth distinct target: the memory starts again
    expect(targets.get('/a')).not.toBe(first);
    expect(targets.get('/a')).toEqual(first);
  });
});
