import { beforeAll, describe, expect, it } from 'vitest';
import { db, dbProvider, write } from '../db';
import { parseQuery } from './query';
import { rebalanceRecentIndex } from './recent';
import { prismaSearchConnection, reindexSearch } from './reindex';
import { sqliteBackend } from './sqlite';

const SIZE = 5;
const HOUR = 3_600_000;
let sectionId: number;
let published = 0;

/** Publishes a story `hoursAgo` old that mentions the harbour (and `extra`). */
async function publish(hoursAgo: number, extra = '') {
  published += 1;
  return write((tx) =>
    tx.article.create({
      data: {
        slug: `harbour-${published}`,
        headline: `Harbour story ${published} ${extra}`.trim(),
        body: { blocks: [{ type: 'paragraph', content: [{ text: 'Ferries left the harbour on time.' }] }] },
        primarySectionId: sectionId,
        topSectionId: sectionId,
        publicationState: 'published',
        publishedAt: new Date(Date.now() - hoursAgo * HOUR),
      },
      select: { id: true },
    }),
  );
}

const rebalance = () => rebalanceRecentIndex(prismaSearchConnection(), { size: SIZE, batch: 2 });

/** Article ids the recent index finds for "harbour", newest first. */
async function inRecentIndex(): Promise<number[]> {
  const rows = await db().$queryRawUnsafe<{ articleId: number | bigint }[]>(
    `SELECT d."articleId" AS "articleId" FROM "RecentSearchFts" JOIN "SearchDoc" d ON d."docId" = "RecentSearchFts".rowid
     WHERE "RecentSearchFts" MATCH 'harbour' ORDER BY "RecentSearchFts".rowid DESC`,
  );
  return rows.map((r) => Number(r.articleId));
}

/** Live article ids from the floor up, newest first: what the recent index must hold. */
async function atOrAboveFloor(): Promise<number[]> {
  const rows = await db().$queryRawUnsafe<{ articleId: number | bigint }[]>(
    `SELECT "articleId" FROM "SearchDoc" WHERE "docId" >= (SELECT "recentFloor" FROM "SearchIndexState") ORDER BY "docId" DESC`,
  );
  return rows.map((r) => Number(r.articleId));
}

async function newestLive(count: number): Promise<number[]> {
  const rows = await db().article.findMany({ where: { publicationState: 'published', deletedAt: null }, orderBy: { publishedAt: 'desc' }, take: count, select: { id: true } });
  return rows.map((r) => r.id);
}

/** FTS5's own structural check of the recent index, without comparing it to all of SearchDoc. */
const indexIsSound = () => write((tx) => tx.$executeRawUnsafe(`INSERT INTO "RecentSearchFts" ("RecentSearchFts", "rank") VALUES ('integrity-check', 0)`));

describe.skipIf(dbProvider() !== 'sqlite')('the recent reader index (SQLite)', () => {
  beforeAll(async () => {
    sectionId = (await write((tx) => tx.section.create({ data: { slug: 'port', name: 'Port' }, select: { id: true } }))).id;
    await publish(500, 'lighthouse'); // the oldest, with a word no newer story has
    for (let i = 1; i < 2 * SIZE - 1; i++) await publish(400 - i);
  });

  it('stays off until there are twice its size, then holds exactly the newest documents', async () => {
    await rebalance();
    expect(await inRecentIndex()).toEqual([]);

    await publish(300);
    await rebalance();
    expect(await inRecentIndex()).toEqual(await newestLive(SIZE));
    expect(await atOrAboveFloor()).toEqual(await newestLive(SIZE));
    await indexIsSound();
  });

  it('takes new stories at once and is trimmed back to its size once it has doubled, in batches that let timers run', async () => {
    const fresh = [];
    for (let i = 0; i < SIZE + 1; i++) fresh.push((await publish(10 - i)).id);
    expect((await inRecentIndex()).slice(0, SIZE + 1)).toEqual(fresh.reverse());
    expect(await inRecentIndex()).toHaveLength(2 * SIZE + 1);

    const trimming = rebalance();
    const timer = new Promise((resolve) => setTimeout(resolve, 0));
    expect(await Promise.race([trimming.then(() => 'trimmed'), timer.then(() => 'timer fired')])).toBe('timer fired');
    await trimming;
    expect(await inRecentIndex()).toEqual(await newestLive(SIZE));
    await indexIsSound();
  });

  it('refills from older stories when unpublishing has emptied it below half, unless shutting down', async () => {
    const [first, second, third] = await newestLive(3);
    await write((tx) => tx.article.updateMany({ where: { id: { in: [first!, second!, third!] } }, data: { publicationState: 'unpublished' } }));
    expect(await inRecentIndex()).toHaveLength(SIZE - 3);
    // A shutdown under way: nothing moves.
    await rebalanceRecentIndex(prismaSearchConnection(), { size: SIZE, batch: 2, signal: AbortSignal.abort() });
    expect(await inRecentIndex()).toHaveLength(SIZE - 3);

    await rebalance();
    expect(await inRecentIndex()).toEqual(await newestLive(SIZE));
    await indexIsSound();
  });

  it('answers from the recent index when it has enough matches, from the full index otherwise, alike', async () => {
    const newest = await sqliteBackend.reader({ query: parseQuery('harbour'), facets: [], limit: 3 });
    expect(newest.rows.map((r) => r.articleId)).toEqual(await newestLive(3));

    const all = await sqliteBackend.reader({ query: parseQuery('harbour'), facets: [], limit: 1000 });
    expect(all.rows.map((r) => r.articleId)).toEqual(await newestLive(1000));

    // Only the oldest story, far below the floor, has this word.
    const old = await sqliteBackend.reader({ query: parseQuery('lighthouse'), facets: [], limit: 3 });
    expect(old.rows).toHaveLength(1);
  });

  it('is emptied and refilled consistently by a full rebuild', async () => {
    await reindexSearch();
    // This corpus is far below the default size, so the rebuild leaves the recent index off.
    expect(await inRecentIndex()).toEqual([]);
    expect(await atOrAboveFloor()).toEqual([]);
    await rebalance();
    expect(await inRecentIndex()).toEqual(await newestLive(SIZE));
    await indexIsSound();
  });
});
