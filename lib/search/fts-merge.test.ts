import { beforeAll, describe, expect, it } from 'vitest';
import { db, dbProvider, write } from '../db';
import { ftsCommand, mergeSearchSegments } from './fts-merge';
import { parseQuery } from './query';
import { prismaSearchConnection, sqliteFtsSettings } from './reindex';
import { sqliteBackend } from './sqlite';

const connection = prismaSearchConnection();
let articleId: number;

/** Segments in the staff index: each has its rows in the %_idx shadow table. */
async function staffSegments(): Promise<number> {
  const [row] = await db().$queryRawUnsafe<{ n: number | bigint }[]>(`SELECT count(DISTINCT "segid") AS "n" FROM "StaffSearchFts_idx"`);
  return Number(row?.n ?? 0);
}

/** One editor's save: a transaction of its own, so the staff index gains a segment. */
const save = (headline: string) => write((tx) => tx.article.update({ where: { id: articleId }, data: { headline } }));

/** Many segments at one level, as a rebuild leaves them: saves numbered `from`–`to` with FTS5 merging nothing. */
async function fragment(from: number, to: number) {
  await connection.execute(ftsCommand('StaffSearchFts', 'automerge', 0));
  for (let i = from; i <= to; i++) await save(`Draft ${i} harbour`);
  await connection.execute(ftsCommand('StaffSearchFts', 'automerge', 4));
}

const staffFinds = async (q: string) => (await sqliteBackend.staff({ query: parseQuery(q), facets: [], limit: 10 })).rows.length;

describe.runIf(dbProvider() === 'sqlite')('merging the SQLite search segments in steps', () => {
  beforeAll(async () => {
    const section = await write((tx) => tx.section.create({ data: { slug: 'news', name: 'News' } }));
    ({ id: articleId } = await write((tx) =>
      tx.article.create({
        data: {
          slug: 'draft',
          headline: 'Draft 0',
          // Thousands of distinct words, so each segment spans several pages and a merge several steps.
          body: { blocks: [{ type: 'paragraph', content: [{ text: Array.from({ length: 3000 }, (_, i) => `word${i}`).join(' ') }] }] },
          primarySectionId: section.id,
          topSectionId: section.id,
        },
      }),
    ));
    await fragment(1, 20);
  });

  it('serves with no crisis merge, so a save never merges a whole level at once', async () => {
    expect(await sqliteFtsSettings(connection)).toContain(ftsCommand('StaffSearchFts', 'crisismerge', 1999));
    const before = await staffSegments();
    expect(before).toBeGreaterThanOrEqual(20);
    await save('Draft 21 harbour');
    // With FTS5's default crisismerge of 16, this save would have merged every segment into one.
    expect(await staffSegments()).toBeGreaterThanOrEqual(before - 4);
  });

  it('merges them in many short steps, and search finds the same stories afterwards', async () => {
    const report = await mergeSearchSegments(connection, { stepPages: 1 });
    expect(report.interrupted).toBe(false);
    expect(report.steps).toBeGreaterThan(1);
    expect(await staffSegments()).toBeLessThan(4);
    expect(await staffFinds('harbour')).toBe(1);
    expect(await staffFinds('"Draft 21"')).toBe(1);
    expect(await staffFinds('"Draft 20"')).toBe(0);
    await write((tx) => tx.$executeRawUnsafe(ftsCommand('StaffSearchFts', 'integrity-check', 0)));
  });

  it('lets requests and timers run between its steps', async () => {
    await fragment(22, 40);
    const merging = mergeSearchSegments(connection, { stepPages: 1 });
    const timer = new Promise((resolve) => setTimeout(resolve, 0));
    expect(await Promise.race([merging.then(() => 'merge finished'), timer.then(() => 'timer fired')])).toBe('timer fired');
    expect((await merging).steps).toBeGreaterThan(1);
  });

  it('has nothing to do on a merged index, and stops at once when aborted', async () => {
    expect((await mergeSearchSegments(connection)).steps).toBe(0);
    await fragment(41, 48);
    const aborted = await mergeSearchSegments(connection, { signal: AbortSignal.abort() });
    expect(aborted).toMatchObject({ steps: 0, interrupted: true });
    expect(await staffSegments()).toBeGreaterThanOrEqual(8);
  });
});
