import { describe, expect, it } from 'vitest';
import { FrontCache, type CacheEntry } from './cache';
import { buildEntry, chooseVariant, matchesIfNoneMatch } from './encode';

function entry(status: CacheEntry['status'], tags: string[], bytes = 1000): CacheEntry {
  return buildEntry({ status, headers: { 'content-type': 'text/html' }, body: Buffer.from('x'.repeat(bytes)), tags: new Set(tags) });
}

describe('FrontCache', () => {
  it('drops exactly the entries carrying an invalidated tag', () => {
    const cache = new FrontCache({ maxBytes: 1e6 });
    cache.set('/a', entry(200, ['article:1', 'home']));
    cache.set('/b', entry(200, ['article:2']));
    expect(cache.invalidate(['article:3'])).toBe(0);
    expect(cache.invalidate(['article:1'])).toBe(1);
    expect(cache.get('/a')).toBeUndefined();
    expect(cache.get('/b')).toBeDefined();
  });

  it('evicts the least recently used entry when over its byte budget', () => {
    const cache = new FrontCache({ maxBytes: 5000 });
    cache.set('/a', entry(200, ['t'], 1500));
    cache.set('/b', entry(200, ['t'], 1500));
    cache.get('/a');
    cache.set('/c', entry(200, ['t'], 1500));
    expect(cache.bytes).toBeLessThanOrEqual(5000);
    expect(cache.get('/b')).toBeUndefined();
    expect(cache.get('/a')).toBeDefined();
    expect(cache.get('/c')).toBeDefined();
  });

  it('keeps a page that is read all along while a stream of new pages passes through', () => {
    const cache = new FrontCache({ maxBytes: 10 * 2000 });
    for (let i = 0; i < 10; i++) cache.set(`/old-${i}`, entry(200, ['t'], 1500));
    cache.set('/hot', entry(200, ['t'], 1500));
    for (let i = 0; i < 100; i++) {
      expect(cache.get('/hot'), `after ${i} new pages`).toBeDefined();
      cache.set(`/new-${i}`, entry(200, ['t'], 1500));
    }
    expect(cache.bytes).toBeLessThanOrEqual(10 * 2000);
    expect(cache.get('/old-9')).toBeUndefined();
    expect(cache.get('/new-99')).toBeDefined();
  });

  it('keeps 404s within their share so random URLs cannot push out pages', () => {
    const cache = new FrontCache({ maxBytes: 20_000, notFoundShare: 0.2 });
    cache.set('/hot', entry(200, ['article:1'], 1500));
    for (let i = 0; i < 50; i += 1) cache.set(`/missing-${i}`, entry(404, [`missing:${i}`], 1500));
    expect(cache.get('/hot')).toBeDefined();
    expect(cache.get('/missing-49')).toBeDefined();
    expect(cache.get('/missing-0')).toBeUndefined();
  });

  it('drops all 404s at once when content changes', () => {
    const cache = new FrontCache({ maxBytes: 1e6 });
    cache.set('/gone', entry(404, ['settings']));
    cache.set('/page', entry(200, ['settings']));
    cache.dropNotFound();
    expect(cache.get('/gone')).toBeUndefined();
    expect(cache.get('/page')).toBeDefined();
  });

  it('forgets an entry once its own expiry passes', () => {
    let now = 1000;
    const cache = new FrontCache({ maxBytes: 1e6, now: () => now });
    cache.set('/breaking', { ...entry(200, ['home']), expiresAt: 2000 });
    expect(cache.get('/breaking')).toBeDefined();
    now = 2000;
    expect(cache.get('/breaking')).toBeUndefined();
    expect(cache.bytes).toBe(0);
  });
});

describe('encodings and validators', () => {
  it('serves brotli, then gzip, then identity, each with its own ETag', () => {
    const page = entry(200, ['home'], 5000);
    expect(chooseVariant(page, 'gzip, deflate, br').encoding).toBe('br');
    expect(chooseVariant(page, 'gzip').encoding).toBe('gzip');
    expect(chooseVariant(page, 'br;q=0, gzip').encoding).toBe('gzip');
    expect(chooseVariant(page, undefined).encoding).toBe('identity');
    const etags = new Set([page.identity.etag, page.gzip!.etag, page.br!.etag]);
    expect(etags.size).toBe(3);
  });

  it('compresses a body once per encoding, when a client first asks for it', () => {
    const page = entry(200, ['home'], 5000);
    expect(chooseVariant(page, 'identity')).toMatchObject({ encoding: 'identity', grown: false });
    expect(page.br).toBeUndefined();
    expect(page.gzip).toBeUndefined();
    const first = chooseVariant(page, 'br, gzip');
    expect(first).toMatchObject({ encoding: 'br', grown: true });
    expect(page.gzip).toBeUndefined();
    const again = chooseVariant(page, 'br');
    expect(again.grown).toBe(false);
    expect(again.variant).toBe(first.variant);
    expect(chooseVariant(entry(200, [], 500), 'br').encoding).toBe('identity');
  });

  it('counts a compressed form in the cache budget once it is made', () => {
    const cache = new FrontCache({ maxBytes: 1e6 });
    const page = entry(200, ['home'], 50_000);
    cache.set('/', page);
    const before = cache.bytes;
    chooseVariant(page, 'gzip');
    cache.resize('/', page);
    expect(cache.bytes).toBe(before + page.gzip!.body.length);
    cache.resize('/elsewhere', page);
    expect(cache.bytes).toBe(before + page.gzip!.body.length);
  });

  it('matches If-None-Match weakly and across encodings of the same body', () => {
    const page = entry(200, ['home'], 5000);
    chooseVariant(page, 'gzip');
    chooseVariant(page, 'br');
    expect(matchesIfNoneMatch(page.gzip!.etag, page)).toBe(true);
    expect(matchesIfNoneMatch(`W/${page.br!.etag}`, page)).toBe(true);
    expect(matchesIfNoneMatch(`"other", ${page.identity.etag}`, page)).toBe(true);
    expect(matchesIfNoneMatch('"other"', page)).toBe(false);
    expect(matchesIfNoneMatch(entry(200, [], 5001).identity.etag, page)).toBe(false);
  });
});
