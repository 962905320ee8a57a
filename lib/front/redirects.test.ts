import { beforeAll, describe, expect, it } from 'vitest';
import { db, write } from '../db';
import { recordGone, recordRedirect } from '../redirects';
import { seedDemo } from '../seed';
import { RedirectTable, resolveWordPressUrl } from './redirects';

let articlePath: string;
let articleId: number;

beforeAll(async () => {
  await seedDemo({ url: process.env.DATABASE_URL!, articles: 6, seed: 5, mediaDir: process.env.MEDIA_DIR });
  const row = await db().article.findFirstOrThrow({
    where: { publicationState: 'published' },
    select: { id: true, slug: true, topSection: { select: { slug: true } } },
  });
  articleId = row.id;
  articlePath = `/${row.topSection.slug}/${row.slug}`;
});

describe('RedirectTable', () => {
  it('answers a chain in one hop and a retired path with gone', async () => {
    await write(async (tx) => {
      await tx.redirect.create({ data: { fromPath: '/old/first', toPath: '/old/second' } });
      await tx.redirect.create({ data: { fromPath: '/old/second', toPath: articlePath } });
      await recordGone(tx, '/old/retired');
      await recordRedirect(tx, '/Old/Mixed-Case/', articlePath);
    });
    const table = new RedirectTable();
    await table.ready();
    expect(table.lookup('/old/first')).toEqual({ kind: 'redirect', location: articlePath });
    expect(table.lookup('/old/retired')).toEqual({ kind: 'gone' });
    expect(table.lookup('/old/mixed-case')).toEqual({ kind: 'redirect', location: articlePath });
    expect(table.lookup(articlePath)).toBeUndefined();
  });

  it('a change marked while a load is running is read by a fresh load before the next lookup', async () => {
    const rows: { fromPath: string; toPath: string | null }[] = [];
    const pending: (() => void)[] = [];
    let loads = 0;
    const table = new RedirectTable(async () => {
      loads += 1;
      const snapshot = [...rows];
      await new Promise<void>((resolve) => pending.push(resolve));
      return snapshot;
    });
    const first = table.ready();
    // The rename is written, and marked, while the first load (which read before it) is still running.
    rows.push({ fromPath: '/rivers', toPath: '/waterways' });
    table.markStale();
    const next = table.ready();
    // Let every load that starts finish.
    for (let round = 0; round < 5; round++) {
      while (pending.length) pending.shift()!();
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
    await Promise.all([first, next]);
    expect(loads).toBe(2);
    expect(table.lookup('/rivers')).toEqual({ kind: 'redirect', location: '/waterways' });
  });

  it('never loops on a cycle', async () => {
    await write(async (tx) => {
      await tx.redirect.create({ data: { fromPath: '/loop/a', toPath: '/loop/b' } });
      await tx.redirect.create({ data: { fromPath: '/loop/b', toPath: '/loop/a' } });
    });
    const table = new RedirectTable();
    await table.ready();
    expect(table.lookup('/loop/a')).toBeUndefined();
  });

  it('reloads only after being marked stale', async () => {
    const table = new RedirectTable();
    await table.ready();
    await write((tx) => tx.redirect.create({ data: { fromPath: '/later', toPath: '/' } }));
    await table.ready();
    expect(table.lookup('/later')).toBeUndefined();
    table.markStale();
    await table.ready();
    expect(table.lookup('/later')).toEqual({ kind: 'redirect', location: '/' });
  });
});

describe('WordPress URLs', () => {
  it('finds an article by its WordPress post id and by a dated permalink', async () => {
    await write((tx) => tx.article.update({ where: { id: articleId }, data: { legacyId: 4242 } }));
    expect(await resolveWordPressUrl('/', new URLSearchParams('p=4242'))).toBe(articlePath);
    expect(await resolveWordPressUrl('/', new URLSearchParams('p=1'))).toBeUndefined();
    const slug = articlePath.split('/')[2]!;
    expect(await resolveWordPressUrl(`/2019/04/12/${slug}`, new URLSearchParams())).toBe(articlePath);
  });

  it('maps feeds and category archives onto ours', async () => {
    expect(await resolveWordPressUrl('/feed', new URLSearchParams())).toBe('/feed.xml');
    expect(await resolveWordPressUrl('/world/feed', new URLSearchParams())).toBe('/world/feed.xml');
    expect(await resolveWordPressUrl('/category/news/local/chiang-mai', new URLSearchParams())).toBe('/local/chiang-mai');
  });
});
