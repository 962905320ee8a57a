import { describe, expect, it } from 'vitest';
import { dbProvider } from './db';
import { registerPeriodicJobs } from './instance';
import { registeredJobs } from './jobs';

describe('the periodic jobs an instance registers', () => {
  it('publish due stories when given the pass, and prune, purge and keep the search indexes in shape', async () => {
    await registerPeriodicJobs({ publishDue: async () => undefined });
    const names = registeredJobs().map((job) => job.name);
    expect(names).toEqual(expect.arrayContaining(['publish-scheduled', 'prune-view-buckets', 'purge-trash']));
    // The SQLite indexes' upkeep: merging FTS5 segments in steps (ADR 030), sizing the recent index (ADR 021).
    const searchUpkeep = ['merge-search-segments', 'size-recent-search-index'];
    if (dbProvider() === 'sqlite') expect(names).toEqual(expect.arrayContaining(searchUpkeep));
    else for (const name of searchUpkeep) expect(names).not.toContain(name);
  });
});
