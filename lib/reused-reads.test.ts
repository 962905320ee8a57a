import { describe, expect, it } from 'vitest';
import { applyInvalidation, collectTags, recordExpiry, recordTags, type RenderRecord } from './cache-tags';
import { reusedWhileFresh } from './reused-reads';

async function render<T>(read: () => Promise<T>): Promise<{ value: T; record: RenderRecord }> {
  const record: RenderRecord = { tags: new Set() };
  const value = await collectTags(record, read);
  return { value, record };
}

function counter(options?: { maxAgeMs?: number }, during?: () => Promise<void>) {
  let loads = 0;
  const expiresAt = Date.now() + 60_000;
  const read = reusedWhileFresh(
    (key: string) => key,
    async (key: string) => {
      loads += 1;
      recordTags(`list:${key}`, 'article:7');
      recordExpiry(expiresAt);
      await during?.();
      return `${key} #${loads}`;
    },
    options,
  );
  return { read, expiresAt, loads: () => loads };
}

describe('reusedWhileFresh', () => {
  it('reuses a read across renders and replays its tags and expiry into each', async () => {
    const { read, expiresAt, loads } = counter();
    expect((await render(() => read('a'))).value).toBe('a #1');
    const second = await render(() => read('a'));
    expect(second.value).toBe('a #1');
    expect(loads()).toBe(1);
    expect([...second.record.tags]).toEqual(['list:a', 'article:7']);
    expect(second.record.expiresAt).toBe(expiresAt);
    expect((await render(() => read('b'))).value).toBe('b #2');
  });

  it('reads afresh once any tag it recorded is invalidated', async () => {
    const { read } = counter();
    await render(() => read('a'));
    applyInvalidation(['article:8']);
    expect((await render(() => read('a'))).value).toBe('a #1');
    applyInvalidation(['article:7']);
    expect((await render(() => read('a'))).value).toBe('a #2');
  });

  it('never keeps a read that overlapped an invalidation of what it read', async () => {
    let invalidateNow = true;
    const { read } = counter({}, async () => {
      if (invalidateNow) applyInvalidation(['article:7']);
      invalidateNow = false;
    });
    expect((await render(() => read('a'))).value).toBe('a #1');
    expect((await render(() => read('a'))).value).toBe('a #2');
    expect((await render(() => read('a'))).value).toBe('a #2');
  });

  it('stops reusing after maxAgeMs, and never reuses outside a render', async () => {
    const aged = counter({ maxAgeMs: 0 });
    await render(() => aged.read('a'));
    await new Promise((resolve) => setTimeout(resolve, 2));
    expect((await render(() => aged.read('a'))).value).toBe('a #2');

    const plain = counter();
    await plain.read('a');
    expect(await plain.read('a')).toBe('a #2');
  });
});
