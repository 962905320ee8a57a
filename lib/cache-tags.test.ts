import { describe, expect, it } from 'vitest';
import { applyInvalidation, collectTags, invalidate, invalidatedSince, onInvalidate, recordTags, setInvalidationBroadcaster, tagEpoch } from './cache-tags';

describe('cache tags', () => {
  it('collects the tags recorded during one render only', async () => {
    const record = { tags: new Set<string>() };
    await collectTags(record, async () => {
      recordTags('article:1');
      await new Promise((r) => setTimeout(r, 1));
      recordTags('home');
    });
    recordTags('outside');
    expect([...record.tags]).toEqual(['article:1', 'home']);
  });

  it('tells whether a tag changed since a render started', async () => {
    const start = tagEpoch();
    expect(invalidatedSince(['article:1'], start)).toBe(false);
    await invalidate(['article:2']);
    expect(invalidatedSince(['article:1'], start)).toBe(false);
    expect(invalidatedSince(['article:1', 'article:2'], start)).toBe(true);
    expect(invalidatedSince(['article:2'], tagEpoch())).toBe(false);
  });

  it('broadcasts local invalidations but not ones received from elsewhere', async () => {
    const sent: string[][] = [];
    const seen: string[][] = [];
    const stop = onInvalidate((list) => seen.push([...list]));
    setInvalidationBroadcaster((list) => void sent.push([...list]));
    await invalidate(['home', 'home', 'feeds']);
    applyInvalidation(['section:3']);
    setInvalidationBroadcaster(undefined);
    stop();
    expect(sent).toEqual([['home', 'feeds']]);
    expect(seen).toEqual([['home', 'feeds'], ['section:3']]);
  });
});
