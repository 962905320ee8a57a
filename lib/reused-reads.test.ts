import { describe, expect, it } from 'vitest';
import { applyInvalidation, collectTags, recordExpiry, recordTags, setTagVersionSource, type RenderRecord } from './cache-tags';
import { reusedRowsById, reusedWhileFresh } from './reused-reads';

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

describe('reusedRowsById', () => {
  interface Row {
    id: number;
    author: number;
    read: number;
  }
  function rows({ maxEntries = 10, live = (id: number) => id > 0, during }: { maxEntries?: number; live?: (id: number) => boolean; during?: () => void } = {}) {
    const loaded: number[][] = [];
    let reads = 0;
    const read = reusedRowsById(
      async (ids: number[]): Promise<Row[]> => {
        loaded.push(ids);
        reads += 1;
        during?.();
        return ids.filter(live).map((id) => ({ id, author: id * 10, read: reads }));
      },
      { idOf: (row) => row.id, tagsOf: (row) => [`article:${row.id}`, `author:${row.author}`], maxEntries },
    );
    return { read, loaded };
  }
  const ids = (list: Row[]) => list.map((r) => r.id).sort((a, b) => a - b);

  it("loads only the rows no earlier render read, and records every row's tags", async () => {
    const { read, loaded } = rows();
    await render(() => read([1, 2, 3]));
    const second = await render(() => read([3, 4, 2]));
    expect(ids(second.value)).toEqual([2, 3, 4]);
    expect(loaded).toEqual([[1, 2, 3], [4]]);
    expect([...second.record.tags].sort()).toEqual(['article:2', 'article:3', 'article:4', 'author:20', 'author:30', 'author:40']);
  });

  it('reloads a row once any of its tags is invalidated, and keeps the others', async () => {
    const { read, loaded } = rows();
    await render(() => read([1, 2]));
    applyInvalidation(['author:20']);
    const after = await render(() => read([1, 2]));
    expect(loaded).toEqual([[1, 2], [2]]);
    expect(after.value.find((r) => r.id === 2)?.read).toBe(2);
    expect(after.value.find((r) => r.id === 1)?.read).toBe(1);
  });

  it('never keeps rows that were not found, nor a read that overlapped an invalidation of it', async () => {
    let invalidateNow = true;
    const { read, loaded } = rows({
      during: () => {
        if (invalidateNow) applyInvalidation(['article:5']);
        invalidateNow = false;
      },
    });
    expect(ids((await render(() => read([5, -1]))).value)).toEqual([5]);
    await render(() => read([5, -1]));
    await render(() => read([5, -1]));
    expect(loaded).toEqual([[5, -1], [5, -1], [-1]]);
  });

  it('keeps the most recently used rows only, and never reuses outside a render', async () => {
    const { read, loaded } = rows({ maxEntries: 2 });
    await render(() => read([1, 2]));
    await render(() => read([1]));
    await render(() => read([3]));
    await render(() => read([1, 2, 3]));
    expect(loaded).toEqual([[1, 2], [3], [2]]);
    await read([1]);
    expect(loaded.at(-1)).toEqual([1]);
  });

  it("reloads every reused row when the instances' shared tag versions say something changed", async () => {
    const { read, loaded } = rows();
    let changed = false;
    setTagVersionSource({ current: async () => 7, unchangedSince: async () => !changed });
    try {
      await render(() => read([1, 2]));
      await render(() => read([1, 2]));
      changed = true;
      await render(() => read([1, 2]));
      expect(loaded).toEqual([[1, 2], [1, 2]]);
    } finally {
      setTagVersionSource(undefined);
    }
  });
});
