import { beforeAll, describe, expect, it } from 'vitest';
import { dbProvider, write } from '../db';
import { searchArticles } from '../search';
import { parseSearchParams } from '../validation/search';
import {
  prismaSearchConnection,
  reindexSearch,
  searchTriggersActive,
  sqliteFtsSettings,
  withSearchTriggersSuspended,
  type ReindexProgress,
  type SearchIndexConnection,
} from './reindex';

const found = async (q: string) => (await searchArticles(parseSearchParams({ q }))).results.map((r) => r.headline.map((s) => s.text).join(''));

beforeAll(async () => {
  await write(async (tx) => {
    const section = await tx.section.create({ data: { slug: 'news', name: 'News' } });
    for (let i = 0; i < 5; i++) {
      await tx.article.create({
        data: {
          slug: `story-${i}`,
          headline: `Reindexed story ${i}`,
          body: { blocks: [{ type: 'paragraph', content: [{ text: `Body ${i} of the reindex corpus.` }] }] },
          primarySectionId: section.id,
          topSectionId: section.id,
          publicationState: i < 4 ? 'published' : 'unpublished',
          publishedAt: i < 4 ? new Date(Date.now() - i * 60_000) : null,
        },
      });
    }
  });
});

describe('reindexSearch', () => {
  it('repairs an index that lost its documents and reports progress up to the total', async () => {
    // Lose the index the way a bad restore or a manual edit would.
    await write((tx) => tx.$executeRawUnsafe(`DELETE FROM "SearchDoc"`));
    expect(await found('reindexed')).toEqual([]);

    const progress: ReindexProgress[] = [];
    const result = await reindexSearch({ onProgress: (p) => progress.push(p) });

    expect(result).toMatchObject({ articles: 5, readerDocs: 4, staffDocs: 5 });
    expect(progress.at(-1)).toEqual({ done: 5, total: 5 });
    expect(await found('reindexed')).toHaveLength(4);
    expect(await found('corpus')).toHaveLength(4);
  });

  it('leaves the triggers working afterwards', async () => {
    await reindexSearch();
    await write((tx) => tx.article.updateMany({ where: { slug: 'story-0' }, data: { headline: 'Renamed after the rebuild' } }));
    expect(await found('rebuild')).toEqual(['Renamed after the rebuild']);
  });

  it('keeps writes made while it runs, to articles it has copied and to articles it has not reached', async () => {
    const connection = prismaSearchConnection();
    let edited = false;
    const editMidway: SearchIndexConnection = {
      ...connection,
      lanes: 1,
      async transaction(statements) {
        await connection.transaction(statements);
        // The batches are the statements with an id range; after the first, story-0 is copied and story-3 is not.
        if (edited || !statements.some(([, ...params]) => params.length > 0)) return;
        edited = true;
        await write((tx) => tx.article.updateMany({ where: { slug: 'story-0' }, data: { headline: 'Copied then edited midway' } }));
        await write((tx) => tx.article.updateMany({ where: { slug: 'story-3' }, data: { headline: 'Edited before its batch midway' } }));
      },
    };
    await reindexSearch({ connection: editMidway, batchSize: 2 });
    expect(edited).toBe(true);
    expect((await found('midway')).sort()).toEqual(['Copied then edited midway', 'Edited before its batch midway']);
    expect(await found('reindexed')).toHaveLength(2);
  });

  it('repairs what an interrupted bulk load left: triggers suspended and articles unindexed', async () => {
    // A bulk load killed before its rebuild: the suspension outlives the process.
    const crash = new Error('killed');
    const rebuildFails = { ...prismaSearchConnection(), query: () => Promise.reject(crash) };
    await expect(
      withSearchTriggersSuspended(rebuildFails, async () => {
        await write((tx) => tx.article.updateMany({ where: { slug: 'story-1' }, data: { headline: 'Loaded in bulk' } }));
        throw crash;
      }),
    ).rejects.toBe(crash);
    expect(await searchTriggersActive()).toBe(false);
    expect(await found('bulk')).toEqual([]);

    await reindexSearch();
    expect(await searchTriggersActive()).toBe(true);
    expect(await found('bulk')).toEqual(['Loaded in bulk']);
    await write((tx) => tx.article.updateMany({ where: { slug: 'story-1' }, data: { headline: 'Edited once the triggers are back' } }));
    expect(await found('triggers')).toEqual(['Edited once the triggers are back']);
  });
});

describe.runIf(dbProvider() === 'postgresql')('the PostgreSQL rebuild', () => {
  it('gives the new index the live one\'s column settings: vectors kept in the row, larger statistics samples', async () => {
    await reindexSearch();
    const columns = await prismaSearchConnection().query<{ name: string; storage: string; target: number }>(
      `SELECT attname::text AS "name", attstorage::text AS "storage", attstattarget::int AS "target" FROM pg_attribute
       WHERE attrelid = '"SearchDoc"'::regclass AND attname IN ('readerDoc', 'staffDoc') ORDER BY attname`,
    );
    expect(columns).toEqual([
      { name: 'readerDoc', storage: 'm', target: 1000 },
      { name: 'staffDoc', storage: 'm', target: 1000 },
    ]);
  });
});

describe.runIf(dbProvider() === 'sqlite')('the SQLite bulk rebuild', () => {
  const connection = prismaSearchConnection();
  // A setting of the operator's own, which the rebuild must keep.
  beforeAll(() => connection.execute(`INSERT INTO "SearchFts" ("SearchFts", "rank") VALUES ('automerge', 8)`));

  it('indexes everything and puts the FTS5 merge settings back', async () => {
    const before = await sqliteFtsSettings(connection);
    expect(before).toContain(`INSERT INTO "SearchFts" ("SearchFts", "rank") VALUES ('automerge', 8)`);
    await write((tx) => tx.$executeRawUnsafe(`DELETE FROM "SearchDoc"`));

    const progress: ReindexProgress[] = [];
    const result = await reindexSearch({ connection, bulk: true, batchSize: 2, onProgress: (p) => progress.push(p) });

    expect(result).toMatchObject({ articles: 5, readerDocs: 4, staffDocs: 5 });
    expect(progress.at(-1)).toEqual({ done: 5, total: 5 });
    expect(await sqliteFtsSettings(connection)).toEqual(before);
    expect(await found('corpus')).toHaveLength(4);
  });

  it('puts them back when the rebuild fails, with the old index intact', async () => {
    const before = await sqliteFtsSettings(connection);
    const indexed = await found('corpus');
    const failing: SearchIndexConnection = {
      ...connection,
      // The refill fails after the settings changed and the first reader batch ran.
      transaction: (statements) =>
        connection.transaction(statements.map((statement) => (statement[0].startsWith(`INSERT OR IGNORE INTO "StaffSearchDoc"`) ? [`SELECT no_such_function()`] : statement))),
    };
    await expect(reindexSearch({ connection: failing, bulk: true })).rejects.toThrow();
    expect(await sqliteFtsSettings(connection)).toEqual(before);
    expect(await found('corpus')).toEqual(indexed);
  });

  it('puts them back after a rebuild in batches too, also when a batch fails', async () => {
    const before = await sqliteFtsSettings(connection);
    await reindexSearch({ connection, batchSize: 2 });
    expect(await sqliteFtsSettings(connection)).toEqual(before);
    expect(await found('corpus')).toHaveLength(4);

    const failing: SearchIndexConnection = {
      ...connection,
      transaction: (statements) =>
        connection.transaction(statements.map((statement) => (statement[0].startsWith(`INSERT OR IGNORE INTO "StaffSearchDoc"`) ? [`SELECT no_such_function()`] : statement))),
    };
    await expect(reindexSearch({ connection: failing, batchSize: 2 })).rejects.toThrow();
    expect(await sqliteFtsSettings(connection)).toEqual(before);
    await reindexSearch({ connection });
  });

  it('reads the settings an interrupted rebuild in batches left behind as FTS5\'s defaults', async () => {
    await connection.execute(`INSERT INTO "StaffSearchFts" ("StaffSearchFts", "rank") VALUES ('hashsize', ${128 * 1024 * 1024})`);
    await connection.execute(`INSERT INTO "StaffSearchFts" ("StaffSearchFts", "rank") VALUES ('automerge', 0)`);
    const settings = await sqliteFtsSettings(connection);
    expect(settings).toContain(`INSERT INTO "StaffSearchFts" ("StaffSearchFts", "rank") VALUES ('hashsize', 1048576)`);
    expect(settings).toContain(`INSERT INTO "StaffSearchFts" ("StaffSearchFts", "rank") VALUES ('automerge', 4)`);
    // An operator's own setting is not a leftover.
    expect(settings).toContain(`INSERT INTO "SearchFts" ("SearchFts", "rank") VALUES ('automerge', 8)`);
  });
});
